import type { ProgressEvent } from './api-types';

/**
 * Image builds of the latest run (a deploy or an images action), per service, for the node's
 * badge: the build going on (its `Step n/m` and current line), built, or failed at a step. Fed by
 * the runs' progress events (never polled); a run's `plan` starts afresh. Pure, tested without a browser.
 */
export interface NodeBuild {
  image: string;
  container: string;
  state: 'building' | 'built' | 'failed';
  /** "2/4" of the engine's `Step 2/4 : …`, when it said one. */
  step?: string;
  /** The current build line, or the failure's message. */
  line: string;
  at: number;
}

export type NodeBuilds = Readonly<Record<string, NodeBuild>>;

export const NO_BUILDS: NodeBuilds = {};

const STEP = /^Step (\d+\/\d+) : /;
const containerOf = (elementId: string | undefined) => /^container:([^/]+)\/(.+)$/.exec(elementId ?? '');

/** The next builds state; the same object when the event is not about builds (no re-render). */
export function reduceBuilds(state: NodeBuilds, event: ProgressEvent): NodeBuilds {
  switch (event.kind) {
    case 'plan':
      return Object.keys(state).length === 0 ? state : NO_BUILDS;
    case 'build': {
      const m = containerOf(event.elementId);
      if (!m) return state;
      const [, service = '', container = ''] = m;
      const before = state[service];
      // One container's failure stays on the node while another container of the service builds.
      if (before?.state === 'failed' && before.image !== event.image) return state;
      const step = STEP.exec(event.text)?.[1] ?? (before?.image === event.image ? before.step : undefined);
      const next: NodeBuild = {
        image: event.image,
        container,
        state: 'building',
        line: event.text,
        at: event.at,
        ...(step ? { step } : {}),
      };
      return { ...state, [service]: next };
    }
    case 'step': {
      const a = event.action;
      if (!('resource' in a) || a.resource !== 'image' || event.phase === 'started') return state;
      return update(state, (b) =>
        b.image !== a.name || b.state !== 'building'
          ? b
          : event.phase === 'done'
            ? { ...b, state: 'built', at: event.at }
            : { ...b, state: 'failed', line: event.message ?? b.line, at: event.at },
      );
    }
    case 'error': {
      const m = event.error.code === 'BUILD_FAILED' ? containerOf(event.error.elementId) : null;
      if (!m) return state;
      const [, service = '', container = ''] = m;
      const before = state[service];
      const step = STEP.exec(event.error.step ?? '')?.[1] ?? before?.step;
      const failed: NodeBuild = {
        image: before?.image ?? '',
        container,
        state: 'failed',
        line: event.error.message,
        at: event.at,
        ...(step ? { step } : {}),
      };
      return { ...state, [service]: failed };
    }
    case 'done':
      return update(state, (b) => (b.state === 'building' ? { ...b, state: event.ok ? 'built' : 'failed', at: event.at } : b));
    default:
      return state;
  }
}

function update(state: NodeBuilds, f: (b: NodeBuild) => NodeBuild): NodeBuilds {
  let changed = false;
  const next: Record<string, NodeBuild> = {};
  for (const [k, b] of Object.entries(state)) {
    next[k] = f(b);
    if (next[k] !== b) changed = true;
  }
  return changed ? next : state;
}

/** The badge's text: "building · Step 2/4", "built", "build failed · Step 2/2". */
export function buildLabel(b: NodeBuild): string {
  const step = b.step ? ` · Step ${b.step}` : '';
  if (b.state === 'building') return `building${step}`;
  if (b.state === 'failed') return `build failed${step}`;
  return 'built';
}
