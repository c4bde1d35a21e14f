import { createStore } from 'zustand/vanilla';
import type { Api, ProgressEvent, RunInfo } from '../deploy/api-types';
import { describeError } from '../deploy/errors';
import { EMPTY_HISTORY, type ServiceHistory } from './history';
import { EMPTY_ORCH, type OrchState, type RunRef, reduceHeal, reduceRun, withStatus } from './orch-state';
import type { HealEvent, RunKind } from './types';

/**
 * The orchestrator's side of the page (issue 7), outside the document store: the deploy chunk
 * connects it to the API and a project; nodes, the dock's canary controls and the Monitor panel
 * read it. Operations started here (scale, canary, promote, abort) are runs like deploys and are
 * followed over the same progress stream; their rollout events go through the pure reducer.
 */
export interface OrchStore extends OrchState {
  api: Api | undefined;
  project: string | undefined;
  /** The orchestrator operation being started or followed (one per project at a time). */
  op: (RunRef & { outcome?: 'ok' | 'failed' }) | undefined;
  history: Record<string, ServiceHistory>;
  /** The service whose Monitor panel is open. */
  monitorFor: string | undefined;
}

type Toast = (t: { kind: 'error' | 'info'; title: string; detail?: string }) => void;

export const orchStore = createStore<OrchStore>(() => ({
  ...EMPTY_ORCH,
  api: undefined,
  project: undefined,
  op: undefined,
  history: {},
  monitorFor: undefined,
}));

let toast: Toast = () => undefined;
let progressSub: { unsubscribe(): void } | undefined;
let statusTimer: ReturnType<typeof setTimeout> | undefined;
let statusAsk = 0;
/** Per run id: how many of its events went through the reducer (the dock's deploy runs are fed whole). */
const fed = new Map<string, number>();

/** Connects to a project on the Docker target (a new project starts from nothing); undefined disconnects. */
export function connect(api: Api | undefined, project: string | undefined, onToast: Toast): void {
  toast = onToast;
  const s = orchStore.getState();
  if (s.api === api && s.project === project) return;
  progressSub?.unsubscribe();
  progressSub = undefined;
  fed.clear();
  if (project !== s.project) orchStore.setState({ ...EMPTY_ORCH, history: {}, op: undefined, monitorFor: undefined });
  orchStore.setState({ api, project, op: undefined });
  if (api && project) refreshStatus(0);
}

/** Asks orchestration.status again (coalesced): after runs, heal events and replica changes — no timer of its own. */
export function refreshStatus(delayMs = 400): void {
  if (statusTimer) clearTimeout(statusTimer);
  statusTimer = setTimeout(() => {
    statusTimer = undefined;
    const { api, project } = orchStore.getState();
    if (!api || !project) return;
    const ask = ++statusAsk;
    api.orchestration.status
      .query({ project })
      .then((r) => {
        if (ask === statusAsk && orchStore.getState().project === project) orchStore.setState((s) => withStatus(s, r.services, r.healing));
      })
      .catch(() => undefined); // no orchestrator or no engine: the nodes simply show no entry point
  }, delayMs);
}

/** Feeds a run's events (the dock's deploys) through the reducer, each event once. */
export function feedRun(run: Pick<RunInfo, 'runId' | 'kind'>, events: readonly ProgressEvent[]): void {
  const from = fed.get(run.runId) ?? 0;
  if (events.length <= from) return;
  fed.set(run.runId, events.length);
  const ref: RunRef = { runId: run.runId, kind: run.kind as RunKind };
  orchStore.setState((s) => {
    let next: OrchState = s;
    events.slice(from).forEach((e, i) => {
      next = reduceRun(next, ref, from + i, e);
    });
    return next;
  });
  if (events.slice(from).some((e) => e.kind === 'done')) refreshStatus();
}

function follow(ref: RunRef, onOk?: () => void): void {
  const { api } = orchStore.getState();
  if (!api) return;
  progressSub?.unsubscribe();
  let index = 0;
  progressSub = api.deployments.progress.subscribe(
    { runId: ref.runId },
    {
      onData({ data }) {
        orchStore.setState((s) => reduceRun(s, ref, index++, data));
        if (data.kind === 'error')
          toast({ kind: 'error', title: data.error.message, ...(data.error.hint ? { detail: data.error.hint } : {}) });
        if (data.kind === 'done') {
          orchStore.setState((s) => ({ op: s.op?.runId === ref.runId ? { ...s.op, outcome: data.ok ? 'ok' : 'failed' } : s.op }));
          progressSub?.unsubscribe();
          if (data.ok) onOk?.();
          refreshStatus(0);
        }
      },
      onError(e) {
        toast({ kind: 'error', title: 'Lost the progress of the run', detail: e.message });
        orchStore.setState((s) => ({ op: s.op?.runId === ref.runId ? { ...s.op, outcome: 'failed' } : s.op }));
      },
    },
  );
}

/** Starts an orchestrator operation on one service and follows it. */
export async function startOp(
  kind: RunKind,
  service: string,
  begin: (api: Api, project: string) => Promise<RunInfo>,
  onOk?: () => void,
  replicas?: number,
): Promise<void> {
  const { api, project, op } = orchStore.getState();
  if (!api || !project || (op && !op.outcome)) return;
  orchStore.setState({ op: { runId: '', kind, service } });
  try {
    const run = await begin(api, project);
    const ref: RunRef = { runId: run.runId, kind, service, ...(replicas !== undefined ? { replicas } : {}) };
    orchStore.setState({ op: ref });
    follow(ref, onOk);
  } catch (e) {
    const { title, detail } = describeError(e);
    toast({ kind: 'error', title, ...(detail ? { detail } : {}) });
    orchStore.setState({ op: { runId: '', kind, service, outcome: 'failed' } });
  }
}

/** `onOk`: the caller writes the new count into the blueprint, so the next deploy keeps it. */
export const scale = (service: string, replicas: number, onOk?: () => void) =>
  startOp('scale', service, (api, project) => api.orchestration.scale.mutate({ project, service, replicas }), onOk, replicas);
export const promote = (service: string) =>
  startOp('promote', service, (api, project) => api.orchestration.promote.mutate({ project, service }));
export const abort = (service: string) => startOp('abort', service, (api, project) => api.orchestration.abort.mutate({ project, service }));

/** Switches a service's auto-healing; the switch shows what the server confirmed. */
export async function setHeal(service: string, on: boolean): Promise<void> {
  const { api, project } = orchStore.getState();
  if (!api || !project) return;
  try {
    await api.orchestration.heal.mutate({ project, service, on });
    orchStore.setState((s) => ({ healOff: { ...s.healOff, [service]: !on } }));
  } catch (e) {
    const { title, detail } = describeError(e);
    toast({ kind: 'error', title, ...(detail ? { detail } : {}) });
  }
}

export function applyHeal(id: string, event: HealEvent): void {
  orchStore.setState((s) => reduceHeal(s, id, event));
  if (event.kind === 'healed' || event.kind === 'recreated') refreshStatus();
}

export function updateHistory(service: string, update: (h: ServiceHistory) => ServiceHistory): void {
  const before = orchStore.getState().history[service] ?? EMPTY_HISTORY;
  const after = update(before);
  if (after !== before) orchStore.setState((s) => ({ history: { ...s.history, [service]: after } }));
}

export const openMonitor = (service: string | undefined) => orchStore.setState({ monitorFor: service });
