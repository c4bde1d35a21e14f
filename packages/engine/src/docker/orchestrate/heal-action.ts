import type Docker from 'dockerode';
import type { ContainerInspectInfo } from 'dockerode';
import { create, type OpsContext, remove, start } from '../container-ops';
import { desiredFromInspect } from './clone';

/** One managed container as the supervisor keeps it: identity, last inspect (its recipe), and whether it should run. */
export interface Watched {
  slot: string;
  id: string;
  name: string;
  service: string;
  container: string;
  role: string;
  replica: number;
  elementId: string;
  info: ContainerInspectInfo;
  wantRunning: boolean;
  autoHeal: boolean;
  healing: boolean;
  /** Events up to this time (ms) are the supervisor's own doing or an operation's: ignored. */
  quietUntil: number;
  attempts: number;
  lastHealedAt: number;
  gaveUp: boolean;
}

export type HealAction = 'restart' | 'start' | 'recreate';

/**
 * Carries out one healing step and answers the ids to wait for. A main container that is
 * re-created gets a new network namespace, so its pod helpers (which joined the old one) are
 * re-created with it.
 */
export async function performHeal(
  docker: Docker,
  ops: OpsContext,
  project: string,
  w: Watched,
  action: HealAction,
  helpersOf: (w: Watched) => Watched[],
  mainOf: (w: Watched) => Watched | undefined,
): Promise<string[]> {
  const c = docker.getContainer(w.id);
  if (action === 'restart') {
    await c.restart({ t: ops.stopTimeoutSeconds });
    return [w.id];
  }
  if (action === 'start') {
    await c.start().catch((e: { statusCode?: number }) => {
      if (e.statusCode !== 304) throw e;
    });
    return [w.id];
  }
  const d = desiredFromInspect(w.info, project, w.replica);
  const mainId = d.joins ? mainOf(w)?.id : undefined;
  const id = await create(ops, d, w.name, mainId);
  await start(ops, d, id, w.name);
  w.id = id;
  w.info = await docker.getContainer(id).inspect();
  const ids = [id];
  if (w.role === 'main')
    for (const h of helpersOf(w)) {
      await remove(ops, h.id, h.name);
      const hd = desiredFromInspect(h.info, project, h.replica);
      h.id = await create(ops, hd, h.name, id);
      await start(ops, hd, h.id, h.name);
      h.info = await docker.getContainer(h.id).inspect();
      h.quietUntil = Date.now();
      ids.push(h.id);
    }
  return ids;
}
