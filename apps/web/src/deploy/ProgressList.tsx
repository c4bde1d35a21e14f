import type { ProgressEvent } from './api-types';

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

/** A deploy's or tear-down's progress as the server streams it; pull progress replaces itself per image. */
export function ProgressList({ events }: { events: ProgressEvent[] }) {
  const lastPull = new Map<string, number>();
  events.forEach((e, i) => {
    if (e.kind === 'pull') lastPull.set(e.image, i);
  });
  const shown = events.flatMap((e, i) => {
    if (e.kind === 'pull' && lastPull.get(e.image) !== i) return [];
    const l = line(e);
    return l ? [{ ...l, i }] : [];
  });
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
