import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { PHASE_WORD, phaseTone, runWord } from './orch-state';
import { orchStore } from './orch-store';

/** How long a finished run's summary stays on the node. */
const SHOWN_MS = 10_000;

/**
 * The current run's steps on a node, one chip per replica (starting → healthy → old retired →
 * done; failed → restored), and the outcome: done for a while, "rolled back: why" until the next run.
 */
export function RolloutStrip({ service }: { service: string }) {
  const r = useStore(orchStore, (s) => s.rollouts[service]);
  const [, tick] = useState(0);
  const finished = r && r.state === 'done';
  useEffect(() => {
    if (!finished) return;
    const t = setTimeout(() => tick((n) => n + 1), SHOWN_MS);
    return () => clearTimeout(t);
  }, [finished]);
  if (!r || (finished && Date.now() - r.at > SHOWN_MS)) return null;
  const steps = Object.values(r.replicas).sort((a, b) => a.replica - b.replica);
  const [head, detail] =
    r.state === 'rolled-back'
      ? ['rolled back', r.reason ?? 'a replica did not become ready']
      : r.state === 'failed'
        ? [`${runWord(r.kind)} failed`, r.reason]
        : r.state === 'paused'
          ? ['canary running', 'promote or abort']
          : r.state === 'done'
            ? [`${runWord(r.kind)} done`, undefined]
            : [`${runWord(r.kind)}…`, undefined];
  const title = detail ? `${head}: ${detail}` : head;
  return (
    <div className={`orch-rollout rollout-${r.state}`} role="status" aria-label={`Rollout of ${service}: ${title}`}>
      <span className="orch-rollout-title" title={title}>
        <strong>{head}</strong>
        {detail ? `: ${detail}` : ''}
      </span>
      {steps.length > 0 && (
        <ol className="orch-steps">
          {steps.map((s) => (
            <li
              key={s.replica}
              className={`orch-step tone-${phaseTone(s.phase)}`}
              title={s.message ?? (s.version ? `version ${s.version}` : undefined)}
            >
              #{s.replica} {PHASE_WORD[s.phase]}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
