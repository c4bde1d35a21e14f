import { openInspect } from './diagnose-store';

/** The way into a deployed service's containers (inspect, terminal), on its node. */
export function InspectButton({ service }: { service: string }) {
  return (
    <button type="button" className="diag-open" onClick={() => openInspect(service)} aria-label={`Inspect ${service}`}>
      Inspect
    </button>
  );
}
