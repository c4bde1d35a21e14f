import { useMemo } from 'react';
import { serviceLive } from '../deploy/live-state';
import { useApp } from '../store/useApp';
import './live-status.css';

/**
 * A service's live state on its node, from the status stream (store's live slice): colour AND
 * text (state, replicas running/desired, health, restarts), so it reads without colour too.
 * Nothing is drawn when the engine has no container of this service.
 */
export function LiveStatus({ service, desired }: { service: string; desired: number }) {
  const containers = useApp((s) => s.live.containers);
  const stream = useApp((s) => s.live.stream);
  const live = useMemo(
    () => serviceLive({ containers, stream, engine: undefined, project: undefined }, service, desired),
    [containers, stream, service, desired],
  );
  if (!live) return null;
  const stale = stream !== 'live';
  const health = live.health && live.health !== live.state ? live.health : undefined;
  return (
    <div
      className={`live-status live-${live.state}${stale ? ' is-stale' : ''}`}
      role="status"
      aria-label={`${service}: ${live.label}, ${live.running} of ${live.desired} running${live.restarts ? `, ${live.restarts} restarts` : ''}`}
      title={live.message ?? (stale ? 'last known state (live status is reconnecting)' : undefined)}
      data-state={live.state}
    >
      <span className="live-dot" aria-hidden="true" />
      <span className="live-label">{live.label}</span>
      <span className="live-replicas" title="replicas running / desired">
        {live.running}/{live.desired}
      </span>
      {health && <span className="live-health">{health}</span>}
      {live.restarts > 0 && (
        <span className="live-restarts" title="restarts">
          ↻{live.restarts}
        </span>
      )}
    </div>
  );
}
