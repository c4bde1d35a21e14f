import type { EngineError, PlanAction, ProgressEvent } from '../types';
import { type PodmanApi, PodmanHttpError } from './api';
import type { PodmanDiff, PodStep } from './diff';
import { PodmanFailure, toEngineError } from './errors';
import { ownLabels, PLABEL } from './labels';
import { type PlannedPod, playDocument } from './manifest';
import type { ObservedPod } from './observe';
import { settlePods } from './settle';

export interface ExecContext {
  api: PodmanApi;
  project: string;
  network: string;
  stopTimeoutSeconds: number;
  settleMs: number;
  /** Deadline of one kube play call (it waits for the pod's init containers). */
  playTimeoutMs: number;
  signal?: AbortSignal;
  emit: (e: ProgressEvent) => void;
}

interface PlayReport {
  Pods?: { ID: string; Containers?: string[]; ContainerErrors?: string[] | null; Logs?: string[] | null }[] | null;
}

/**
 * Network, volumes, removals, then the pods in the compiler's order (linked services first), each
 * played on its own so progress is per pod: recreate = stop and remove the old pod, play the new.
 * The first failure stops the run (what was done stays, labelled; a re-run converges).
 */
export async function execute(ctx: ExecContext, d: PodmanDiff, volumeClaims: Map<string, string>): Promise<EngineError[]> {
  const { api, emit } = ctx;
  const now = () => Date.now();
  const resource = async (kind: 'network' | 'volume', name: string, work: () => Promise<unknown>) => {
    const action = d.plan.resources.find((r) => r.resource === kind && r.name === name) ?? {
      kind: 'create' as const,
      resource: kind,
      name,
    };
    emit({ kind: 'step', action, phase: 'started', at: now() });
    try {
      await work();
      emit({ kind: 'step', action, phase: 'done', at: now() });
    } catch (e) {
      const error = toEngineError(e, api.endpoint, `Creating ${kind} ${name}`);
      emit({ kind: 'step', action, phase: 'failed', message: error.message, at: now() });
      throw new PodmanFailure(error);
    }
  };
  const cancelled = () => {
    if (ctx.signal?.aborted)
      throw new PodmanFailure({ code: 'CANCELLED', message: 'The deploy was cancelled; what was done so far stays.' });
  };
  cancelled();
  if (d.createNetwork)
    await resource('network', ctx.network, () =>
      api.call('POST', '/networks/create', {
        body: JSON.stringify({ name: ctx.network, dns_enabled: true, labels: ownLabels(ctx.project) }),
      }),
    );
  for (const v of d.createVolumes) {
    cancelled();
    const claim = volumeClaims.get(v) ?? v;
    await resource('volume', v, () =>
      api.call('POST', '/volumes/create', { body: JSON.stringify({ Name: v, Label: ownLabels(ctx.project, { [PLABEL.volume]: claim }) }) }),
    );
  }
  for (const o of d.removals) {
    cancelled();
    await step(ctx, actionsOf(d, o), () => removePod(ctx, o));
  }
  const played: PlannedPod[] = [];
  for (const s of d.steps) {
    if (s.kind === 'unchanged') continue;
    cancelled();
    await step(ctx, actionsOf(d, s.old, s.pod), () => runStep(ctx, s));
    played.push(s.pod);
  }
  return settlePods(ctx, played);
}

async function runStep(ctx: ExecContext, s: PodStep): Promise<void> {
  if (s.kind === 'start') return startPod(ctx, s.pod.pod);
  if (s.kind === 'recreate' && s.old) await removePod(ctx, s.old);
  await play(ctx, s.pod);
}

/**
 * Starts a stopped pod. Podman 4.3 race: kube-played pods have exit policy `stop`, and Podman's
 * asynchronous handling of a stop that just happened (container cleanup, exit policy) can stop the
 * pod again right after our start. So a pod stopped less than `STOP_QUIET_MS` ago is started only
 * once that much time has passed, and its state is checked after the start (three tries at most).
 */
const STOP_QUIET_MS = 5000;

async function startPod(ctx: ExecContext, pod: string): Promise<void> {
  const path = `/pods/${encodeURIComponent(pod)}`;
  const info = await ctx.api.get<{ Containers?: { Id: string }[] }>(`${path}/json`);
  let finished = 0;
  for (const c of info.Containers ?? []) {
    const i = await ctx.api.get<{ State?: { FinishedAt?: string } }>(`/containers/${c.Id}/json`).catch(() => undefined);
    finished = Math.max(finished, Date.parse(i?.State?.FinishedAt ?? '') || 0);
  }
  const wait = finished + STOP_QUIET_MS - Date.now();
  if (wait > 0) await sleep(Math.min(wait, STOP_QUIET_MS), ctx.signal);
  for (let attempt = 1; ; attempt++) {
    await ctx.api.call('POST', `${path}/start`);
    await sleep(1000, ctx.signal);
    const state = (await ctx.api.get<{ State?: string }>(`${path}/json`)).State;
    if (state === 'Running' || state === 'Degraded' || attempt >= 3) return;
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      resolve();
    });
  });
}

/**
 * Podman 4.3's kube play removes a completed init container (type `once`, its default) racily:
 * "failed to remove once init container … as it is running" (podman#18477). The `always` type
 * avoids that but restarts a completed init container over and over under the pod's restart
 * policy (podman#16343). So: `once`, and a play that hits the race is removed and played again.
 */
const INIT_RACE = /failed to remove once init container/;
const PLAY_ATTEMPTS = 3;

export async function play(ctx: ExecContext, pod: PlannedPod): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await playOnce(ctx, pod);
    } catch (e) {
      const race = e instanceof PodmanFailure && INIT_RACE.test(e.error.message);
      if (!race || attempt >= PLAY_ATTEMPTS) throw e;
    }
  }
}

async function playOnce(ctx: ExecContext, pod: PlannedPod): Promise<void> {
  // `<network>:alias=a,alias=b`: the Services selecting the pod resolve to it on the project network.
  const networkArg = pod.aliases.length ? `${ctx.network}:${pod.aliases.map((a) => `alias=${a}`).join(',')}` : ctx.network;
  // kube play answers only after the pod's init containers have completed: a link wait that never
  // succeeds would hold the apply forever, so the call has a deadline (and the caller's signal).
  const deadline = AbortSignal.timeout(ctx.playTimeoutMs);
  const signal = ctx.signal ? AbortSignal.any([ctx.signal, deadline]) : deadline;
  try {
    const r = await ctx.api.call<PlayReport>('POST', '/play/kube', {
      query: { network: [networkArg], start: true },
      body: playDocument(pod),
      contentType: 'application/yaml',
      signal,
    });
    const errors = (r?.Pods ?? []).flatMap((p) => p.ContainerErrors ?? []);
    // Podman answers 200 with the containers that failed to start: classified like any engine error.
    if (errors.length) throw new PodmanHttpError(500, errors.join('; '), '/play/kube');
  } catch (e) {
    // A failed play can leave a half-made pod (ours: our labels); remove it so a re-run plays it again.
    await removeByName(ctx, pod.pod).catch(() => undefined);
    if (deadline.aborted && !ctx.signal?.aborted) throw new PodmanFailure(playTimeout(ctx, pod));
    throw e instanceof PodmanFailure
      ? e
      : new PodmanFailure(toEngineError(e, ctx.api.endpoint, `Playing pod ${pod.pod}`, `service:${pod.service}`));
  }
}

function playTimeout(ctx: ExecContext, pod: PlannedPod): EngineError {
  const waits = pod.containers.filter((c) => c.init && c.name.startsWith('wait-for-'));
  const seconds = Math.round(ctx.playTimeoutMs / 1000);
  if (waits.length)
    return {
      code: 'DEPENDENCY_TIMEOUT',
      message: `Pod ${pod.pod} did not start within ${seconds} s: its link waits (${waits.map((w) => w.name).join(', ')}) did not reach their targets.`,
      hint: 'Check that the linked services run and listen on the linked port; the pod was removed, a re-run plays it again.',
      elementId: waits[0]?.elementId,
    };
  return {
    code: 'ENGINE_ERROR',
    message: `Playing pod ${pod.pod} took longer than ${seconds} s; it was removed.`,
    elementId: `service:${pod.service}`,
  };
}

export async function removePod(ctx: Pick<ExecContext, 'api' | 'stopTimeoutSeconds'>, o: ObservedPod): Promise<void> {
  const name = encodeURIComponent(o.id);
  await ctx.api.call('POST', `/pods/${name}/stop`, { query: { t: ctx.stopTimeoutSeconds } }).catch((e) => {
    if ((e as { status?: number }).status !== 304) throw e;
  });
  await ctx.api.call('DELETE', `/pods/${name}`, { query: { force: true } });
}

async function removeByName(ctx: ExecContext, pod: string): Promise<void> {
  const info = await ctx.api.get<{ Id: string; Labels?: Record<string, string> }>(`/pods/${encodeURIComponent(pod)}/json`);
  if (info.Labels?.[PLABEL.managed] !== 'true' || info.Labels?.[PLABEL.project] !== ctx.project) return;
  await ctx.api.call('DELETE', `/pods/${encodeURIComponent(info.Id)}`, { query: { force: true } });
}

/** The plan's actions about one pod: its containers' actions (a service has one pod per workload). */
function actionsOf(d: PodmanDiff, old?: ObservedPod, planned?: PlannedPod): PlanAction[] {
  const service = planned?.service ?? old?.labels[PLABEL.service];
  const ids = new Set([...(planned?.containers ?? old?.containers ?? []).map((c) => `container:${service}/${c.name}`)]);
  return d.plan.actions.filter(
    (a) => a.service === service && ids.has(a.elementId) && (planned ? a.kind !== 'remove' : a.kind === 'remove'),
  );
}

async function step(ctx: ExecContext, actions: PlanAction[], work: () => Promise<void>): Promise<void> {
  for (const action of actions) ctx.emit({ kind: 'step', action, phase: 'started', at: Date.now() });
  try {
    await work();
    for (const action of actions) ctx.emit({ kind: 'step', action, phase: 'done', at: Date.now() });
  } catch (e) {
    const error = e instanceof PodmanFailure ? e.error : toEngineError(e, ctx.api.endpoint, 'Deploy');
    for (const action of actions) ctx.emit({ kind: 'step', action, phase: 'failed', message: error.message, at: Date.now() });
    throw new PodmanFailure(error);
  }
}
