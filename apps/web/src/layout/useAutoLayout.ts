import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { FIT_VIEW_ANIMATED } from '../canvas/fit-view';
import { selectBlueprint } from '../store/store';
import { useAppStore } from '../store/useApp';
import { computeLayout } from './auto-layout';
import type { Size } from './layout-graph';

let running = false;

/**
 * Auto layout of the whole canvas with the nodes' measured sizes: one moveNodes command (one undo
 * step, layout only), then the view fits the result. The command is made against the document as it
 * is when ELK answers, so an edit made meanwhile is not undone by it.
 */
export function useAutoLayout() {
  const store = useAppStore();
  const { getNodes, fitView } = useReactFlow();
  return useCallback(async () => {
    if (running) return;
    running = true;
    try {
      const measured = new Map<string, Size>();
      for (const n of getNodes())
        if (n.measured?.width && n.measured.height) measured.set(n.id, { width: n.measured.width, height: n.measured.height });
      const r = await computeLayout(selectBlueprint(store.getState()), measured);
      const { dispatch, setReport } = store.getState();
      if (!r.ok) {
        setReport({ title: r.error, ok: false, diagnostics: [] });
        return;
      }
      const { layoutCommand } = await import('./elk-graph');
      const cmd = layoutCommand(selectBlueprint(store.getState()), r.positions);
      if (cmd) dispatch(cmd);
      setTimeout(() => void fitView(FIT_VIEW_ANIMATED), 30);
    } finally {
      running = false;
    }
  }, [store, getNodes, fitView]);
}
