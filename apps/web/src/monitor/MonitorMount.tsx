import { lazy, Suspense, useCallback } from 'react';
import { useStore } from 'zustand';
import { openMonitor, orchStore } from './orch-store';

// The panel and uPlot are their own chunk: fetched the first time a Monitor opens.
const MonitorPanel = lazy(() => import('./MonitorPanel'));

/** Where the Monitor panel opens (mounted by the deploy dock). */
export function MonitorMount() {
  const service = useStore(orchStore, (s) => s.monitorFor);
  const close = useCallback(() => openMonitor(undefined), []);
  if (!service) return null;
  return (
    <Suspense fallback={null}>
      <MonitorPanel service={service} onClose={close} />
    </Suspense>
  );
}
