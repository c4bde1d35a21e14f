import type { PlanAction } from '../types';
import type { Semaphore } from './channel';
import { create, type OpsContext, temporaryName } from './container-ops';
import type { ContainerStep } from './diff';
import { EngineFailure, toEngineError } from './errors';

/**
 * Create first, start in order (Compose v2's split): every container an apply has to create is
 * created up front, critical path first (schedule.ts) and with bounded parallelism, so that the engine works through
 * the creates while the link chain waits for health checks. Starting still follows the links
 * (execute.ts): a dependant exists early, but it starts only when its links' conditions hold.
 *
 * A recreate's new container is created here under its temporary name; the old one keeps running
 * until the service's turn, when it is removed and the new one renamed (new before old, as Compose).
 * A dependant whose dependency then fails is left created, never started, labelled: a re-run
 * starts it (its hash is unchanged) once the dependency is fixed.
 */
export type Created = { ok: true; id: string } | { ok: false; failure: EngineFailure };

export interface PrecreateOptions {
  ctx: OpsContext;
  limit: Semaphore;
  signal?: AbortSignal | undefined;
  /** Engine ids of the containers that stay (observed): a helper joins its main's. */
  ids: ReadonlyMap<string, string>;
  /** The step's work begins (its `started` progress event). */
  begin: (action: PlanAction) => void;
  /** The step failed before its turn (its `failed` progress event). */
  fail: (action: PlanAction, message: string) => void;
}

const CREATES = new Set(['create', 'scale-up', 'recreate']);
export const createsContainer = (st: ContainerStep): boolean => st.desired !== undefined && CREATES.has(st.action.kind);

/** Starts the creates of `steps` (in their order, a service's mains before its helpers) and returns each slot's outcome; never rejects. */
export function precreate(o: PrecreateOptions, steps: readonly ContainerStep[]): Map<string, Promise<Created>> {
  const out = new Map<string, Promise<Created>>();
  for (const st of steps) {
    const dc = st.desired;
    if (!dc || !createsContainer(st)) continue;
    // A helper joins the network namespace of its main's new container, so it waits for that create.
    const main = dc.joins ? out.get(dc.joins) : undefined;
    const made = (async (): Promise<Created> => {
      let mainId = dc.joins ? o.ids.get(dc.joins) : undefined;
      if (main) {
        const m = await main;
        if (!m.ok) return m;
        mainId = m.id;
      }
      return o.limit.run(async () => {
        if (o.signal?.aborted) return { ok: false, failure: new EngineFailure({ code: 'CANCELLED', message: 'Deploy cancelled.' }) };
        o.begin(st.action);
        const name = st.action.kind === 'recreate' && st.observed ? temporaryName(dc, st.observed.id) : dc.name;
        try {
          return { ok: true, id: await create(o.ctx, dc, name, mainId) };
        } catch (e) {
          const failure = e instanceof EngineFailure ? e : new EngineFailure(toEngineError(e, o.ctx.endpoint, `Creating ${name}`));
          o.fail(st.action, failure.error.message);
          return { ok: false, failure };
        }
      });
    })();
    out.set(dc.slot, made);
  }
  return out;
}
