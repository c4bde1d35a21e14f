import { Suspense, useCallback } from 'react';
import { useStore } from 'zustand';
import { lazyRetry } from '../lazy/retry';
import { orchStore } from '../monitor/orch-store';
import { diagnoseStore, openInspect } from './diagnose-store';

// The panel and xterm.js are their own chunk: fetched the first time Inspect opens.
const DiagnosePanel = lazyRetry(() => import('./DiagnosePanel'));

/** Where the Inspect panel opens (mounted by the deploy dock). */
export function DiagnoseMount() {
  const service = useStore(diagnoseStore, (s) => s.service);
  const api = useStore(orchStore, (s) => s.api);
  const project = useStore(orchStore, (s) => s.project);
  const close = useCallback(() => openInspect(undefined), []);
  if (!service || !api || !project) return null;
  return (
    <Suspense fallback={null}>
      <DiagnosePanel api={api} project={project} service={service} onClose={close} />
    </Suspense>
  );
}
