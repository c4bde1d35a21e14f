import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import { HealthStrip } from './HealthStrip';
import { EMPTY_HISTORY } from './history';
import { orchStore } from './orch-store';
import { Timeline } from './Timeline';
import { UsageChart } from './UsageChart';
import './monitor-panel.css';

const cpu = (v: number) => `${v < 10 ? v.toFixed(1) : Math.round(v)} %`;
const mem = (v: number) =>
  v >= 1024 ** 3 ? `${(v / 1024 ** 3).toFixed(1)} GiB` : `${(v / 1024 ** 2).toFixed(v < 10 * 1024 ** 2 ? 1 : 0)} MiB`;

/**
 * One service's Monitor (its own chunk, with uPlot): CPU and memory over time, restarts and
 * health history, and the timeline of what the orchestrator did to it. Escape or × closes it.
 */
export default function MonitorPanel({ service, onClose }: { service: string; onClose: () => void }) {
  const history = useStore(orchStore, (s) => s.history[service] ?? EMPTY_HISTORY);
  const timeline = useStore(orchStore, (s) => s.timeline);
  const status = useStore(orchStore, (s) => s.status[service]);
  const heals = useMemo(() => timeline.filter((e) => e.service === service), [timeline, service]);
  // The health strip's open end moves with each new sample (about once a second): no timer of its own.
  const now = Date.now();
  useEffect(() => {
    const key = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', key);
    return () => window.removeEventListener('keydown', key);
  }, [onClose]);
  const last = history.health.at(-1);
  const healed = heals.filter((e) => e.source === 'heal' && e.what === 'healed').length;
  return (
    <section className="monitor-panel" role="dialog" aria-modal="false" aria-label={`Monitor ${service}`}>
      <header className="monitor-head">
        <span className="node-kind" aria-hidden="true">
          MON
        </span>
        <h2>{service}</h2>
        <dl className="monitor-facts">
          <div>
            <dt>state</dt>
            <dd className={last ? `live-${last.state}` : ''}>{last?.state ?? '—'}</dd>
          </div>
          <div>
            <dt>replicas</dt>
            <dd>{status ? status.replicas.length : (last?.running ?? 0)}</dd>
          </div>
          <div>
            <dt>restarts</dt>
            <dd>{last?.restarts ?? 0}</dd>
          </div>
          <div>
            <dt>healings</dt>
            <dd>{healed}</dd>
          </div>
        </dl>
        <button type="button" className="monitor-close" aria-label="Close the monitor" onClick={onClose}>
          ×
        </button>
      </header>
      <div className="monitor-body">
        <div className="monitor-charts">
          <UsageChart title="CPU" points={history.usage} value={(p) => p.cpuPercent} format={cpu} color="--accent" />
          <UsageChart title="Memory" points={history.usage} value={(p) => p.memoryBytes} format={mem} color="--role-ambassador" />
        </div>
        <h3 className="monitor-sub">Health</h3>
        <HealthStrip points={history.health} now={now} />
        <h3 className="monitor-sub">Orchestrator timeline</h3>
        <Timeline entries={heals} />
      </div>
    </section>
  );
}
