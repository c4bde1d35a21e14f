import type { ProgressEvent, RunInfo } from './api-types';

type RunKind = RunInfo['kind'];

function line(e: ProgressEvent): { text: string; tone: 'ok' | 'bad' | 'plain' } | undefined {
  switch (e.kind) {
    case 'step': {
      const a = e.action;
      const what =
        'service' in a
          ? `${a.kind} ${a.service}${a.container && a.container !== a.service ? `/${a.container}` : ''}`
          : `${a.kind} ${a.resource} ${a.name}`;
      return {
        text: `${what}: ${e.phase}${e.message ? ` — ${e.message}` : ''}`,
        tone: e.phase === 'failed' ? 'bad' : e.phase === 'done' ? 'ok' : 'plain',
      };
    }
    case 'pull':
      return {
        text: `pull ${e.image}: ${e.status}${e.total ? ` ${Math.round(((e.current ?? 0) / e.total) * 100)} %` : ''}`,
        tone: 'plain',
      };
    case 'build':
      return { text: `build ${e.text}`, tone: 'plain' };
    case 'wait':
      return { text: `${e.service} waits for ${e.on} (${e.condition})`, tone: 'plain' };
    case 'rollout':
      return {
        text: `${e.service} #${e.replica}: ${e.phase}${e.version ? ` ${e.version}` : ''}${e.message ? ` — ${e.message}` : ''}`,
        tone: e.phase === 'failed' ? 'bad' : e.phase === 'committed' || e.phase === 'added' ? 'ok' : 'plain',
      };
    case 'error':
      return { text: `${e.error.code}: ${e.error.message}`, tone: 'bad' };
    case 'done':
      return { text: e.ok ? `done in ${(e.durationMs / 1000).toFixed(1)} s` : 'failed', tone: e.ok ? 'ok' : 'bad' };
    default:
      return undefined; // the plan itself is shown above
  }
}

/** What a run that did nothing says before its "done", so a no-op is not just "done in 0.1 s". */
const NOTHING_DONE: Partial<Record<RunKind, string>> = {
  apply: 'nothing to change: the deployment already matches the blueprint',
  destroy: 'nothing to remove: no container or network of this project is on the engine',
};

/** The lines of a run's progress: pull progress replaces itself per image; a run that changed nothing says so. */
export function progressLines(events: ProgressEvent[], runKind?: RunKind): { text: string; tone: 'ok' | 'bad' | 'plain'; i: number }[] {
  const lastPull = new Map<string, number>();
  events.forEach((e, i) => {
    if (e.kind === 'pull') lastPull.set(e.image, i);
  });
  const shown = events.flatMap((e, i) => {
    if (e.kind === 'pull' && lastPull.get(e.image) !== i) return [];
    const l = line(e);
    return l ? [{ ...l, i }] : [];
  });
  const done = events.findIndex((e) => e.kind === 'done' && e.ok);
  const nothing = runKind && NOTHING_DONE[runKind];
  // Only `done` was shown: no step, pull, build, wait or rollout happened.
  if (nothing && done >= 0 && shown.length === 1 && shown[0]?.i === done) shown.unshift({ text: nothing, tone: 'plain', i: -1 });
  return shown;
}

/** A deploy's or tear-down's progress as the server streams it. */
export function ProgressList({ events, runKind }: { events: ProgressEvent[]; runKind?: RunKind }) {
  const shown = progressLines(events, runKind);
  if (shown.length === 0) return null;
  return (
    <ol className="progress-list" aria-label="Progress" aria-live="polite">
      {shown.map((l) => (
        <li key={l.i} className={`progress-${l.tone}`}>
          {l.text}
        </li>
      ))}
    </ol>
  );
}
