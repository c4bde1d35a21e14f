import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { focusNode } from '../canvas/focus-node';
import { isUnplaced, withAutoLayout } from '../layout/auto-layout';
import type { XY } from '../model/types';
import { selectBlueprint } from '../store/store';
import { useAppStore } from '../store/useApp';
import { copyText, cutSelection, loadText, pastedTitle, remembered } from './clipboard-state';

/** Copy, cut and paste for menus and buttons, through the async Clipboard API with the in-memory fallback. */
export function useClipboard() {
  const store = useAppStore();
  const { screenToFlowPosition, fitView } = useReactFlow();

  const pasteText = useCallback(
    async (text: string, at?: XY) => {
      const read = await (await loadText()).readFragment(text);
      const { dispatch, select, setReport } = store.getState();
      if (!read.ok) {
        setReport({ title: read.error, ok: false, diagnostics: [] });
        return;
      }
      // Text without positions (a Compose file, hand-written YAML) is laid out first, then put in view.
      const unplaced = isUnplaced(read.fragment);
      const fragment = unplaced ? await withAutoLayout(read.fragment) : read.fragment;
      // The paste planner loads with the first paste (it is not needed to paint the canvas).
      const { pastePlan } = await import('./paste-plan');
      const plan = pastePlan(
        selectBlueprint(store.getState()),
        fragment,
        at ?? (unplaced ? visibleTopLeft(screenToFlowPosition) : undefined),
      );
      if (!plan) return;
      if (!dispatch(plan.command)) return;
      select(plan.ids);
      if (read.imported) setReport({ title: pastedTitle(plan.ids), ok: true, diagnostics: [] });
      if (unplaced) setTimeout(() => void fitView({ nodes: plan.ids.map((id) => ({ id })), padding: 0.3, maxZoom: 1, duration: 200 }), 50);
      focusNode(plan.ids[0]);
    },
    [store, screenToFlowPosition, fitView],
  );

  const copy = useCallback(async () => {
    const text = copyText(store);
    if (text) await navigator.clipboard?.writeText(text).catch(() => undefined);
    return !!text;
  }, [store]);

  const cut = useCallback(async () => {
    if (await copy()) cutSelection(store);
  }, [copy, store]);

  const paste = useCallback(
    async (at?: XY) => {
      const text = await navigator.clipboard?.readText().catch(() => undefined);
      const chosen = text?.trim() ? text : remembered();
      if (chosen) await pasteText(chosen, at);
    },
    [pasteText],
  );

  return { copy, cut, paste, pasteText };
}

/** A point a little inside the visible canvas's top-left corner, in flow coordinates. */
function visibleTopLeft(toFlow: (p: XY) => XY): XY {
  const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
  return pane ? toFlow({ x: pane.left + 60, y: pane.top + 60 }) : { x: 0, y: 0 };
}
