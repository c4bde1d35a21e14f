import type { ProgressEvent } from './api-types';

/**
 * Image builds of the latest run (a deploy or an images action), per service, for the node's
 * badge: the build going on (its `Step n/m` and current line), built, or failed at a step. Fed by
 * the runs' progress events (never polled); another run's first event starts afresh. Pure, tested
 * without a browser.
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

export interface NodeBuilds {
  /** The run the builds belong to. */
  runId?: string;
  services: Readonly<Record<string, NodeBuild>>;
}

export const NO_BUILDS: NodeBuilds = { services: {} };

const STEP = /^Step (\d+\/\d+) : /;
const containerOf = (elementId: string | undefined) => /^container:([^/]+)\/(.+)$/.exec(elementId ?? '');

/**
 * The next builds state; the same object when the event is not about builds (no re-render). An
 * event of another run than the state's drops what that run built.
 */
export function reduceBuilds(before: NodeBuilds, event: ProgressEvent, runId?: string): NodeBuilds {
  const fresh = runId !== undefined && runId !== before.runId;
  const base = fresh ? { runId, services: {} } : before;
  const services = reduceServices(base.services, event);
  if (services === base.services) return fresh && Object.keys(before.services).length > 0 ? base : before;
  return { ...base, services };
}

function reduceServices(state: NodeBuilds['services'], event: ProgressEvent): NodeBuilds['services'] {
  switch (event.kind) {
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
        // The classic builder's last line: the image exists (a deploy's build has no step event of its own).
        state: event.text.startsWith('Successfully tagged ') ? 'built' : 'building',
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

function update(state: NodeBuilds['services'], f: (b: NodeBuild) => NodeBuild): NodeBuilds['services'] {
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
