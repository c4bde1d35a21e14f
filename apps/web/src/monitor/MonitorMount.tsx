import { Component, type ReactNode, Suspense, useCallback } from 'react';
import { useStore } from 'zustand';
import { lazyRetry } from '../lazy/retry';
import { openMonitor, orchStore } from './orch-store';

// The panel and uPlot are their own chunk: fetched the first time a Monitor opens.
const MonitorPanel = lazyRetry(() => import('./MonitorPanel'));

/** Where the Monitor panel opens (mounted by the deploy dock). */
export function MonitorMount() {
  const service = useStore(orchStore, (s) => s.monitorFor);
  const close = useCallback(() => openMonitor(undefined), []);
  if (!service) return null;
  return (
    <ChunkBoundary key={service} onClose={close}>
      <Suspense fallback={null}>
        <MonitorPanel service={service} onClose={close} />
      </Suspense>
    </ChunkBoundary>
  );
}

/** A chunk that failed to load (the network dropped) says so, instead of taking the canvas down with it. */
class ChunkBoundary extends Component<{ children: ReactNode; onClose: () => void }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="toasts">
        <div className="toast toast-error" role="alert">
          <div className="toast-text">
            <strong>The Monitor could not be loaded</strong>
            <pre className="toast-detail">The network dropped while fetching it; reload the page to try again.</pre>
          </div>
          <button type="button" className="toast-close" onClick={this.props.onClose} aria-label="Dismiss">
            ×
          </button>
        </div>
      </div>
    );
  }
}
