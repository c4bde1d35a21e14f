import { useMemo } from 'react';
import { useApp } from '../store/useApp';
import { InspectButton } from './InspectButton';
import './diagnose.css';

/** In the deploy dock: the deployed services (with a container the engine reports), each with its Inspect action. */
export function InspectLauncher() {
  const containers = useApp((s) => s.live.containers);
  const services = useMemo(() => [...new Set(Object.values(containers).flatMap((c) => (c.id ? [c.service] : [])))].sort(), [containers]);
  if (services.length === 0) return null;
  return (
    <section className="diag-launcher" aria-label="Inspect containers">
      <span className="muted">Look inside:</span>
      {services.map((s) => (
        <span key={s} className="diag-launcher-item">
          {s} <InspectButton service={s} />
        </span>
      ))}
    </section>
  );
}
