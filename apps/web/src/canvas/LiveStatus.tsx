import { memo, useCallback, useMemo } from 'react';
import { restartWords, serviceLive, type UsagePoint } from '../deploy/live-state';
import { type NodeLiveState, useNodeLive } from './useNodeLive';
import './live-status.css';

const selectContainers = (s: NodeLiveState) => s.live.containers;
const selectStream = (s: NodeLiveState) => s.live.stream;

/**
 * A service's live state on its node, from the status stream (store's live slice): colour AND
 * text (state, replicas running/desired, health, restarts), so it reads without colour too.
 * Nothing is drawn when the engine has no container of this service.
 */
export const LiveStatus = memo(function LiveStatus({ service, desired }: { service: string; desired: number }) {
  const containers = useNodeLive(selectContainers);
  const stream = useNodeLive(selectStream);
  const live = useMemo(
    () => serviceLive({ containers, stream, engine: undefined, project: undefined }, service, desired),
    [containers, stream, service, desired],
  );
  if (!live) return null;
  const stale = stream !== 'live';
  const health = live.health && live.health !== live.state ? live.health : undefined;
  const restarts = restartWords(live.restarts, live.lastExit);
  // "crash-looping (3)" beside "↻ 3× · exit 3" says the exit code twice: the strip keeps the badge's.
  const word = restarts && live.lastExit !== undefined ? live.state : live.label;
  return (
    <div
      className={`live-status live-${live.state}${stale ? ' is-stale' : ''}`}
      role="status"
      aria-label={`${service}: ${live.label}, ${live.running} of ${live.desired} running${restarts ? `, ${restarts.long}` : ''}`}
      title={live.message ?? (stale ? 'last known state (live status is reconnecting)' : undefined)}
      data-state={live.state}
    >
      <span className="live-dot" aria-hidden="true" />
      <span className="live-label">{word}</span>
      <span className="live-replicas" title="replicas running / desired">
        {live.running}/{live.desired}
      </span>
      {health && <span className="live-health">{health}</span>}
      {restarts && (
        <span className="live-restarts" title={restarts.long}>
          {restarts.short}
        </span>
      )}
      <Usage service={service} />
    </div>
  );
});

const EMPTY: UsagePoint[] = [];

/** CPU as a sparkline over the last half minute, with the latest CPU and memory as text. */
function Usage({ service }: { service: string }) {
  const points = useNodeLive(useCallback((s: NodeLiveState) => s.live.usage?.[service] ?? EMPTY, [service]));
  const last = points.at(-1);
  if (!last) return null;
  const max = Math.max(5, ...points.map((p) => p.cpuPercent));
  const path = points.map((p, i) => `${(i / Math.max(1, points.length - 1)) * 40},${12 - (p.cpuPercent / max) * 12}`).join(' ');
  const cpu = `${last.cpuPercent < 10 ? last.cpuPercent.toFixed(1) : Math.round(last.cpuPercent)} %`;
  const mem = formatBytes(last.memoryBytes);
  return (
    <span className="live-usage" title={`CPU ${cpu} · memory ${mem} (last ${points.length} s)`}>
      <svg className="live-spark" width="40" height="12" viewBox="0 0 40 12" aria-hidden="true">
        <polyline points={path} />
      </svg>
      {cpu} · {mem}
    </span>
  );
}

function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GiB`;
  if (n >= 1024 ** 2) return `${Math.round(n / 1024 ** 2)} MiB`;
  return `${Math.round(n / 1024)} KiB`;
}
