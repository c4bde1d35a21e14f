import type { ProgressEvent } from '../deploy/api-types';

/** One image of an images run (pull / build from the inventory), as its list row shows it. */
export interface ImageProgress {
  state: 'waiting' | 'pulling' | 'building' | 'done' | 'failed';
  action: 'pull' | 'build';
  /** The last line the engine said about this image (pull status with bytes, build output), or the failure. */
  line?: string;
  /** "2/4" of a build's `Step 2/4 : …`. */
  step?: string;
}

export type ImageRun = Readonly<Record<string, ImageProgress>>;

const STEP = /^Step (\d+\/\d+) : /;
const mb = (n: number) => (n / 1e6).toFixed(1);

/**
 * Per image: waiting, pulling / building with its last line and step, done, or failed with the
 * engine's message (a failed build keeps the `Step n/m` it was at: the failing step).
 */
export function reduceImageRun(state: ImageRun, event: ProgressEvent): ImageRun {
  switch (event.kind) {
    case 'plan': {
      const next: Record<string, ImageProgress> = {};
      for (const r of event.plan.resources)
        if (r.resource === 'image') next[r.name] = { state: 'waiting', action: r.reason === 'pull' ? 'pull' : 'build' };
      return next;
    }
    case 'step': {
      const a = event.action;
      if (!('resource' in a)) return state;
      const before = state[a.name];
      if (!before) return state;
      const next: ImageProgress =
        event.phase === 'started'
          ? { ...before, state: before.action === 'pull' ? 'pulling' : 'building' }
          : event.phase === 'done'
            ? { ...before, state: 'done' }
            : { ...before, state: 'failed', line: event.message ?? before.line ?? 'failed' };
      return { ...state, [a.name]: next };
    }
    case 'pull': {
      const before = state[event.image];
      if (!before) return state;
      const bytes = event.total ? ` ${mb(event.current ?? 0)}/${mb(event.total)} MB` : '';
      return { ...state, [event.image]: { ...before, line: `${event.status}${bytes}` } };
    }
    case 'build': {
      const before = state[event.image];
      if (!before) return state;
      const step = STEP.exec(event.text)?.[1] ?? before.step;
      return { ...state, [event.image]: { ...before, line: event.text, ...(step ? { step } : {}) } };
    }
    default:
      return state;
  }
}

/** The row's progress text: "building · Step 2/4 · COPY …", "pulling · Downloading 1.2/3.4 MB", "done", "failed · …". */
export function progressText(p: ImageProgress): string {
  const step = p.step ? ` · Step ${p.step}` : '';
  switch (p.state) {
    case 'waiting':
      return `waiting to ${p.action}`;
    case 'pulling':
      return `pulling${p.line ? ` · ${p.line}` : ''}`;
    case 'building':
      // A step's own line names the step already.
      return `building${p.line && STEP.test(p.line) ? '' : step}${p.line ? ` · ${p.line}` : ''}`;
    case 'done':
      return p.action === 'pull' ? 'pulled' : 'built';
    case 'failed':
      return `failed${p.action === 'build' ? step : ''}: ${p.line ?? ''}`;
  }
}
