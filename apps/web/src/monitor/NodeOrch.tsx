import { useStore } from 'zustand';
import { InspectButton } from '../diagnose/InspectButton';
import { selectBlueprint } from '../store/store';
import { useApp, useAppStore } from '../store/useApp';
import { HealBadge } from './HealBadge';
import { openMonitor, orchStore, scale, setHeal } from './orch-store';
import { RolloutStrip } from './RolloutStrip';
import './monitor.css';

/**
 * The orchestrator on a deployed service's node (Docker target): its load-balancing entry point,
 * a replica control (− n +) that scales the running service, the rollout of the current run per
 * replica, the latest healing, the auto-heal switch and the way into the Monitor panel.
 */
export function NodeOrch({ service }: { service: string; desired: number }) {
  const status = useStore(orchStore, (s) => s.status[service]);
  // A first rolling deploy shows before the status knows the service; after a tear-down nothing shows.
  const rolling = useStore(orchStore, (s) => s.rollouts[service]?.state === 'running');
  const op = useStore(orchStore, (s) => s.op);
  const healing = useStore(orchStore, (s) => s.healing);
  const healOff = useStore(orchStore, (s) => s.healOff[service]);
  const declaredOff = useApp((s) => selectBlueprint(s).services[service]?.autoHeal === false);
  const app = useAppStore();
  if (!status && !rolling) return null;
  const running = status?.replicas.length ?? 0;
  const busy = op !== undefined && !op.outcome;
  const scaleTo = (n: number) => void scale(service, n, () => app.getState().dispatch({ kind: 'setReplicas', service, replicas: n }));
  const healOn = healOff === undefined ? !declaredOff : !healOff;
  const networks = status?.entry.networks ?? [];
  const addresses = networks.reduce((n, net) => n + net.addresses.length, 0);
  return (
    <section className="orch nodrag nopan" aria-label={`Orchestration of ${service}`}>
      {status && (
        <div className="orch-row">
          <span
            className="orch-entry"
            title={`Load-balancing entry point: the DNS name ${status.entry.name} answers with every replica (round robin) on ${
              networks.map((n) => `${n.network} (${n.addresses.join(', ') || 'no address'})`).join('; ') || 'no network'
            }`}
          >
            <span className="orch-entry-icon" aria-hidden="true">
              ⇄
            </span>
            <span className="orch-entry-name">{status.entry.name}</span>
            <span className="orch-entry-count">
              {addresses} addr{networks[0] ? ` · ${networks[0].network}` : ''}
            </span>
          </span>
          <fieldset className="orch-scale" aria-label={`Replicas of ${service}`}>
            <button
              type="button"
              aria-label={`Fewer replicas of ${service}`}
              disabled={busy || running <= 1 || status.canaries.length > 0}
              onClick={() => scaleTo(running - 1)}
            >
              −
            </button>
            <output aria-label={`Replicas of ${service} running`}>{running}</output>
            <button
              type="button"
              aria-label={`More replicas of ${service}`}
              disabled={busy || running >= 100 || status.canaries.length > 0}
              onClick={() => scaleTo(running + 1)}
            >
              +
            </button>
          </fieldset>
        </div>
      )}
      <RolloutStrip service={service} />
      <HealBadge service={service} />
      <div className="orch-row orch-foot">
        <label
          className="orch-heal"
          title={healing ? 'Auto-healing: restart unhealthy, re-create removed containers' : 'No supervisor runs for this project'}
        >
          <input
            type="checkbox"
            role="switch"
            aria-checked={healOn && healing}
            checked={healOn && healing}
            disabled={!healing}
            onChange={(e) => void setHeal(service, e.target.checked)}
            aria-label={`Auto-heal ${service}`}
          />
          auto-heal
        </label>
        {status && status.canaries.length > 0 && <span className="orch-canary-tag">canary #{status.canaries.join(', #')}</span>}
        <button type="button" className="orch-monitor" onClick={() => openMonitor(service)} aria-label={`Monitor ${service}`}>
          Monitor
        </button>
        <InspectButton service={service} />
      </div>
    </section>
  );
}
