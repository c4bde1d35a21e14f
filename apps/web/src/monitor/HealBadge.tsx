import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { orchStore } from './orch-store';

/** How long the badge of a healing stays on the node (the timeline keeps it). */
const SHOWN_MS = 15_000;

const WORD = {
  restarted: 'restarted',
  started: 'started again',
  recreated: 're-created',
  healed: 'healed',
  backoff: 'backing off',
  failed: 'heal failed',
  'gave-up': 'gave up healing',
} as const;

/** A brief badge (with a pulse) when the supervisor healed a replica of this service. */
export function HealBadge({ service }: { service: string }) {
  const heal = useStore(orchStore, (s) => s.heals[service]);
  const [, tick] = useState(0);
  useEffect(() => {
    if (!heal) return;
    const t = setTimeout(() => tick((n) => n + 1), Math.max(0, SHOWN_MS - (Date.now() - heal.at)) + 50);
    return () => clearTimeout(t);
  }, [heal]);
  if (!heal || Date.now() - heal.at > SHOWN_MS) return null;
  const bad = heal.kind === 'failed' || heal.kind === 'gave-up';
  return (
    <div
      key={heal.at}
      className={`orch-heal-badge${bad ? ' is-bad' : ''}`}
      role="status"
      aria-label={`Auto-heal of ${service}`}
      title={heal.reason}
    >
      <span className="orch-heal-icon" aria-hidden="true">
        ✚
      </span>
      #{heal.replica} {WORD[heal.kind]}
      {heal.attempt > 1 ? ` (attempt ${heal.attempt})` : ''}
      <span className="orch-heal-reason">{heal.reason}</span>
    </div>
  );
}
