import { time } from './HealthStrip';
import type { TimelineEntry } from './orch-state';

const ICON: Record<TimelineEntry['what'], string> = {
  scaled: '⇅',
  rolled: '↻',
  healed: '✚',
  'rolled-back': '↶',
  canary: '◐',
  failed: '✕',
  deployed: '▲',
};

/** What the orchestrator did to the service, newest first: scaled, rolled, healed, rolled back, canary. */
export function Timeline({ entries }: { entries: readonly TimelineEntry[] }) {
  if (entries.length === 0)
    return <p className="muted monitor-empty">Nothing yet: scaling, rollouts, canaries and healings appear here.</p>;
  return (
    <ol className="monitor-timeline" aria-label="Timeline">
      {[...entries].reverse().map((e) => (
        <li key={e.id} className={`tl-${e.tone}`} data-what={e.what}>
          <time dateTime={new Date(e.at).toISOString()}>{time(e.at)}</time>
          <span className="tl-icon" aria-hidden="true">
            {ICON[e.what]}
          </span>
          <span className="tl-what">{e.what}</span>
          <span className="tl-text">{e.text}</span>
        </li>
      ))}
    </ol>
  );
}
