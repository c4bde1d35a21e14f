import type { Blueprint } from '@blaupause/model';
import { useState } from 'react';
import { useStore } from 'zustand';
import { runWord } from './orch-state';
import { abort, orchStore, promote, startOp } from './orch-store';
import { RolloutStrip } from './RolloutStrip';
import './monitor.css';

/**
 * Canary rollouts from the deploy dock (Docker target): the blueprint's version of one service on
 * a share of its replicas beside the old one; while it waits, Promote (roll it to every replica)
 * or Abort (the old version back exactly). Progress per replica as on the node.
 */
export function CanaryControls({ blueprint, acknowledge }: { blueprint: Blueprint; acknowledge: readonly string[] }) {
  const status = useStore(orchStore, (s) => s.status);
  const op = useStore(orchStore, (s) => s.op);
  const busy = op !== undefined && !op.outcome;
  const deployed = Object.values(status).filter((s) => blueprint.services[s.service]);
  const pending = deployed.filter((s) => s.canaries.length > 0);
  const candidates = deployed.filter((s) => s.replicas.length >= 2 && s.canaries.length === 0);
  const [picked, setPicked] = useState<string | undefined>(undefined);
  const service = candidates.find((s) => s.service === picked) ?? candidates[0];
  const max = service ? service.replicas.length - 1 : 1;
  const [shareEdit, setShare] = useState(1);
  const share = Math.min(Math.max(1, shareEdit), max);
  if (deployed.length === 0) return null;
  const start = () =>
    service &&
    void startOp('canary', service.service, (api, project) =>
      api.orchestration.canary.mutate({
        blueprint: { document: blueprint },
        project,
        service: service.service,
        replicas: share,
        acknowledge: [...acknowledge],
      }),
    );
  const shown = op?.service && (op.kind === 'canary' || op.kind === 'promote' || op.kind === 'abort') ? op : undefined;
  return (
    <section className="canary" aria-label="Canary">
      <h3 className="deploy-subtitle">Canary rollout</h3>
      {pending.map((s) => (
        <fieldset key={s.service} className="canary-pending" aria-label={`Canary of ${s.service}`}>
          <p>
            <strong>{s.service}</strong>: the new version runs on replica{s.canaries.length > 1 ? 's' : ''} #{s.canaries.join(', #')} of{' '}
            {s.replicas.length}
            <span className="muted">
              {' '}
              · versions{' '}
              {Object.entries(s.versions)
                .map(([v, n]) => `${v} ×${n}`)
                .join(', ')}
            </span>
          </p>
          <div className="canary-actions">
            <button type="button" className="button primary" disabled={busy} onClick={() => void promote(s.service)}>
              Promote
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => void abort(s.service)}>
              Abort
            </button>
          </div>
        </fieldset>
      ))}
      {candidates.length > 0 ? (
        <div className="canary-form">
          <label>
            Service
            <select value={service?.service} onChange={(e) => setPicked(e.target.value)} aria-label="Canary service">
              {candidates.map((s) => (
                <option key={s.service} value={s.service}>
                  {s.service} ({s.replicas.length} replicas)
                </option>
              ))}
            </select>
          </label>
          <label>
            Replicas
            <input
              type="number"
              min={1}
              max={max}
              value={share}
              onChange={(e) => setShare(Number(e.target.value))}
              aria-label="Canary replicas"
            />
          </label>
          <span className="muted">of {service?.replicas.length}</span>
          <button type="button" className="button" disabled={busy || !service} onClick={start}>
            Start canary
          </button>
        </div>
      ) : (
        pending.length === 0 && (
          <p className="muted deploy-help">A canary needs a service with two or more replicas running (scale it on its node).</p>
        )
      )}
      {shown && (
        <div aria-label="Canary run" role="status">
          <p className="deploy-help">
            {runWord(shown.kind)} of <code>{shown.service}</code>:{' '}
            <span className={`run-outcome run-${shown.outcome ?? 'running'}`}>
              {shown.outcome === 'ok' ? 'done' : shown.outcome === 'failed' ? 'failed' : 'running…'}
            </span>
          </p>
          {shown.service && <RolloutStrip service={shown.service} />}
        </div>
      )}
    </section>
  );
}
