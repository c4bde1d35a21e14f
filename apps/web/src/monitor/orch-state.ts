import type { ProgressEvent } from '../deploy/api-types';
import type { HealEvent, HealKind, RolloutPhase, RunKind, ServiceRollout } from './types';

/**
 * What the canvas knows about the orchestrator's work (issue 7), as pure functions over plain
 * data: the rollout of each service during a run (one step per replica), its outcome (done,
 * rolled back and why, canary waiting), the last healing per service, and the merged timeline of
 * everything the orchestrator did. Fed by run progress (`rollout` events) and heal events.
 */
export interface ReplicaStep {
  replica: number;
  phase: RolloutPhase;
  message?: string;
  version?: string;
  at: number;
}

export interface NodeRollout {
  runId: string;
  kind: RunKind;
  /** Latest step per replica. */
  replicas: Record<number, ReplicaStep>;
  state: 'running' | 'done' | 'failed' | 'rolled-back' | 'paused';
  /** Why it was rolled back or failed (the run's error). */
  reason?: string;
  at: number;
}

export interface NodeHeal {
  kind: HealKind;
  replica: number;
  reason: string;
  attempt: number;
  at: number;
}

export interface TimelineEntry {
  /** Unique per source event: a run's event index or the heal log's sequence number. */
  id: string;
  at: number;
  service: string;
  source: 'rollout' | 'heal' | 'run';
  /** scaled, rolled, healed, rolled-back, canary … (for the filter and the icon). */
  what: 'scaled' | 'rolled' | 'healed' | 'rolled-back' | 'canary' | 'failed' | 'deployed';
  text: string;
  tone: 'ok' | 'bad' | 'plain';
}

/** A run as the reducer needs it: which operation, and on which service when it is about one. */
export interface RunRef {
  runId: string;
  kind: RunKind;
  service?: string;
  /** Scale: the replica count asked for. */
  replicas?: number;
}

export interface OrchState {
  status: Record<string, ServiceRollout>;
  /** Whether the server runs a supervisor for the project. */
  healing: boolean;
  rollouts: Record<string, NodeRollout>;
  heals: Record<string, NodeHeal>;
  /** Services whose healing was switched off here. */
  healOff: Record<string, boolean>;
  timeline: TimelineEntry[];
  /** Services the current run of each run id touched (for its outcome). */
  touched: Record<string, string[]>;
}

export const EMPTY_ORCH: OrchState = { status: {}, healing: false, rollouts: {}, heals: {}, healOff: {}, timeline: [], touched: {} };

/** The timeline keeps the newest entries only. */
export const TIMELINE_MAX = 300;

const RUN_WORD: Record<RunKind, string> = {
  apply: 'deploy',
  destroy: 'tear-down',
  scale: 'scaling',
  canary: 'canary',
  promote: 'canary promotion',
  abort: 'canary abort',
};

/** Merges entries into a timeline: ordered by time (stable for equal times), no id twice, bounded. */
export function mergeTimeline(timeline: TimelineEntry[], entries: TimelineEntry[]): TimelineEntry[] {
  if (entries.length === 0) return timeline;
  const seen = new Set(timeline.map((e) => e.id));
  const fresh: TimelineEntry[] = [];
  for (const e of entries)
    if (!seen.has(e.id)) {
      seen.add(e.id);
      fresh.push(e);
    }
  if (fresh.length === 0) return timeline;
  const merged = [...timeline, ...fresh];
  merged.sort((a, b) => a.at - b.at);
  return merged.slice(-TIMELINE_MAX);
}

function rolloutEntry(run: RunRef, index: number, e: Extract<ProgressEvent, { kind: 'rollout' }>): TimelineEntry | undefined {
  const base = { id: `${run.runId}:${index}`, at: e.at, service: e.service, source: 'rollout' as const };
  const who = `${e.service} #${e.replica}`;
  const why = e.message ? `: ${e.message}` : '';
  switch (e.phase) {
    case 'added':
      return { ...base, what: 'scaled', text: `${who} added`, tone: 'ok' };
    case 'removed':
      return { ...base, what: 'scaled', text: `${who} removed`, tone: 'plain' };
    case 'committed':
      return { ...base, what: 'rolled', text: `${who} rolled to ${e.version ?? 'the new version'}`, tone: 'ok' };
    case 'failed':
      return { ...base, what: 'failed', text: `${who} did not become ready${why}`, tone: 'bad' };
    case 'restored':
      return { ...base, what: 'rolled-back', text: `${who} restored to its old version`, tone: 'plain' };
    case 'paused':
      return {
        ...base,
        what: 'canary',
        text: `${who} runs the canary${e.version ? ` ${e.version}` : ''}: promote or abort`,
        tone: 'plain',
      };
    default:
      return undefined; // started / healthy / retired: shown on the node while the run goes on
  }
}

/** The service an error is about: its element id (`service:web…`), else the run's own service. */
function errorService(run: RunRef, elementId: string | undefined, touched: string[]): string[] {
  const named = elementId ? /^(?:service|container):([^/#]+)/.exec(elementId)?.[1] : undefined;
  if (named) return [named];
  if (run.service) return [run.service];
  return touched;
}

/** One progress event of a run, at position `index` of its stream. */
export function reduceRun(state: OrchState, run: RunRef, index: number, event: ProgressEvent): OrchState {
  const touched = state.touched[run.runId] ?? (run.service ? [run.service] : []);
  switch (event.kind) {
    case 'rollout': {
      const before = state.rollouts[event.service];
      const current: NodeRollout =
        before && before.runId === run.runId ? before : { runId: run.runId, kind: run.kind, replicas: {}, state: 'running', at: event.at };
      const step: ReplicaStep = {
        replica: event.replica,
        phase: event.phase,
        at: event.at,
        ...(event.message ? { message: event.message } : {}),
        ...(event.version ? { version: event.version } : {}),
      };
      const next: NodeRollout = {
        ...current,
        replicas: { ...current.replicas, [event.replica]: step },
        state: event.phase === 'paused' ? 'paused' : current.state,
        at: event.at,
      };
      const entry = rolloutEntry(run, index, event);
      return {
        ...state,
        rollouts: { ...state.rollouts, [event.service]: next },
        touched: { ...state.touched, [run.runId]: touched.includes(event.service) ? touched : [...touched, event.service] },
        timeline: entry ? mergeTimeline(state.timeline, [entry]) : state.timeline,
      };
    }
    case 'error': {
      const rolledBack = event.error.code === 'ROLLED_BACK';
      const services = errorService(run, event.error.elementId, touched);
      const rollouts = { ...state.rollouts };
      const entries: TimelineEntry[] = [];
      for (const service of services) {
        const r = rollouts[service];
        const base = r && r.runId === run.runId ? r : { runId: run.runId, kind: run.kind, replicas: {}, state: 'running' as const, at: 0 };
        rollouts[service] = {
          ...base,
          state: rolledBack ? 'rolled-back' : 'failed',
          reason: event.error.message,
          at: base.at || Date.now(),
        };
        entries.push({
          id: `${run.runId}:${index}:${service}`,
          at: rollouts[service].at,
          service,
          source: 'run',
          what: rolledBack ? 'rolled-back' : 'failed',
          text: rolledBack
            ? `${service} rolled back: ${event.error.message}`
            : `${RUN_WORD[run.kind]} of ${service} failed: ${event.error.message}`,
          tone: 'bad',
        });
      }
      return { ...state, rollouts, timeline: mergeTimeline(state.timeline, entries) };
    }
    case 'done': {
      const rollouts = { ...state.rollouts };
      const entries: TimelineEntry[] = [];
      for (const service of touched) {
        const r = rollouts[service];
        if (!r || r.runId !== run.runId) continue;
        const state2 = r.state === 'running' ? (event.ok ? 'done' : 'failed') : r.state;
        rollouts[service] = { ...r, state: state2 };
        if (event.ok && run.kind !== 'canary')
          entries.push({
            id: `${run.runId}:${index}:${service}`,
            at: r.at + 1,
            service,
            source: 'run',
            what: run.kind === 'scale' ? 'scaled' : run.kind === 'apply' ? 'rolled' : 'canary',
            text: doneText(run, service, r),
            tone: 'ok',
          });
      }
      return { ...state, rollouts, timeline: mergeTimeline(state.timeline, entries) };
    }
    default:
      return state;
  }
}

function doneText(run: RunRef, service: string, r: NodeRollout): string {
  const kind = run.kind;
  const changed = Object.keys(r.replicas).length;
  if (kind === 'scale')
    return run.replicas !== undefined
      ? `${service} scaled to ${run.replicas} replica${run.replicas === 1 ? '' : 's'}`
      : `${service} scaled (${changed} replica${changed === 1 ? '' : 's'} changed)`;
  if (kind === 'promote') return `${service} canary promoted to every replica`;
  if (kind === 'abort') return `${service} canary aborted: old version restored`;
  return `${service} rolling update done`;
}

const HEAL_TEXT: Record<HealKind, string> = {
  restarted: 'restarted (unhealthy)',
  started: 'started again',
  recreated: 're-created',
  healed: 'healed',
  backoff: 'backing off',
  failed: 'healing failed',
  'gave-up': 'healing gave up',
};

/** One event of the auto-healing supervisor; `id` is its sequence number in the server's log. */
export function reduceHeal(state: OrchState, id: string, event: HealEvent): OrchState {
  const heal: NodeHeal = { kind: event.kind, replica: event.replica, reason: event.reason, attempt: event.attempt, at: event.at };
  const bad = event.kind === 'failed' || event.kind === 'gave-up';
  const entry: TimelineEntry = {
    id: `heal:${id}`,
    at: event.at,
    service: event.service,
    source: 'heal',
    what: bad ? 'failed' : 'healed',
    text: `${event.service} #${event.replica}${event.container !== event.service ? ` (${event.container})` : ''} ${HEAL_TEXT[event.kind]}${
      event.reason ? `: ${event.reason}` : ''
    }${event.delayMs ? `, next try in ${Math.round(event.delayMs / 1000)} s` : ''}`,
    tone: bad ? 'bad' : event.kind === 'healed' ? 'ok' : 'plain',
  };
  return { ...state, heals: { ...state.heals, [event.service]: heal }, timeline: mergeTimeline(state.timeline, [entry]) };
}

/** The server's answer to orchestration.status. */
export function withStatus(state: OrchState, services: ServiceRollout[], healing: boolean): OrchState {
  return { ...state, status: Object.fromEntries(services.map((s) => [s.service, s])), healing };
}

/** Words for a replica's step on the node. */
export const PHASE_WORD: Record<RolloutPhase, string> = {
  started: 'starting',
  healthy: 'healthy',
  stopping: 'stopping old',
  retired: 'old retired',
  committed: 'done',
  failed: 'failed',
  restored: 'restored',
  added: 'added',
  removed: 'removed',
  paused: 'canary',
};

export function phaseTone(phase: RolloutPhase): 'ok' | 'bad' | 'busy' | 'plain' {
  if (phase === 'failed') return 'bad';
  if (phase === 'committed' || phase === 'added' || phase === 'healthy') return 'ok';
  if (phase === 'started' || phase === 'stopping' || phase === 'retired') return 'busy';
  return 'plain';
}

export function runWord(kind: RunKind): string {
  return RUN_WORD[kind];
}
