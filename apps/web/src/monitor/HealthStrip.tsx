import { type HealthPoint, healthSpans } from './history';

/** The service's state over time as coloured spans (with the state as text in each span's title and the legend). */
export function HealthStrip({ points, now }: { points: readonly HealthPoint[]; now: number }) {
  const first = points[0];
  if (!first) return <p className="muted monitor-empty">No state recorded yet.</p>;
  const total = Math.max(1, now - first.at);
  const spans = healthSpans(points, now);
  const states = [...new Set(points.map((p) => p.state))];
  return (
    <div className="monitor-health">
      <div className="monitor-health-bar" role="img" aria-label={`Health history: ${spans.map((s) => s.point.state).join(', ')}`}>
        {spans.map((s) => (
          <span
            key={s.from}
            className={`monitor-span live-${s.point.state}`}
            style={{ width: `${Math.max(0.5, ((s.to - s.from) / total) * 100)}%` }}
            title={`${time(s.from)} ${s.point.state}${s.point.health ? ` (${s.point.health})` : ''} · ${s.point.running}/${s.point.desired} running · ${s.point.restarts} restarts`}
          />
        ))}
      </div>
      <div className="monitor-health-axis muted">
        <span>{time(first.at)}</span>
        <span className="monitor-legend">
          {states.map((st) => (
            <span key={st} className={`live-${st}`}>
              <i className="monitor-swatch" aria-hidden="true" /> {st}
            </span>
          ))}
        </span>
        <span>now</span>
      </div>
    </div>
  );
}

export function time(at: number): string {
  return new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
}
