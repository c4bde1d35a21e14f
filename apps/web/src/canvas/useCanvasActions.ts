import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { useClipboard } from '../clipboard/useClipboard';
import { edgeEnds } from '../flow/flow-ids';
import { useAutoLayout } from '../layout/useAutoLayout';
import type { MenuAction, MenuTarget } from '../menus/menu-items';
import type { XY } from '../model/types';
import { useAppStore } from '../store/useApp';
import { duplicateSelection } from '../useShortcuts';
import { keepFocusOnCanvas } from './focus-node';
import { deletionCommand } from './gestures';
import { usePaletteAdd } from './usePaletteAdd';

/**
 * What the canvas's menus and shortcuts do. `at` is where a pane menu was opened (screen pixels):
 * "Add service here" and "Paste here" put things there.
 */
export function useCanvasActions() {
  const store = useAppStore();
  const { getNodes, screenToFlowPosition } = useReactFlow();
  const autoLayout = useAutoLayout();
  const clipboard = useClipboard();
  const add = usePaletteAdd();

  // Child tags (exposures) are not selectable on their own: they go with their service.
  const selectAll = useCallback(
    () => store.getState().select(getNodes().flatMap((n) => (n.selectable === false ? [] : [n.id]))),
    [store, getNodes],
  );

  const run = useCallback(
    (action: MenuAction, target: MenuTarget, at?: XY) => {
      const state = store.getState();
      const flowAt = at ? screenToFlowPosition(at) : undefined;
      switch (action) {
        case 'copy':
          return void clipboard.copy();
        case 'cut':
          return void clipboard.cut();
        case 'paste':
          return void clipboard.paste(flowAt);
        case 'duplicate':
          return duplicateSelection(store);
        case 'delete': {
          // Edge ids name both ends (link:a->b, mount:…, join:…); node ids never contain "->".
          const edges = state.selection.filter((id) => id.includes('->'));
          const nodes = state.selection.filter((id) => !id.includes('->'));
          const cmd = deletionCommand(nodes, edges);
          if (cmd) state.dispatch(cmd);
          return keepFocusOnCanvas();
        }
        case 'add-helper':
          return focusHelperForm();
        case 'auto-layout':
          return void autoLayout();
        case 'add-service':
        case 'add-volume':
          return add(action === 'add-service' ? 'service' : 'volume', flowAt);
        case 'select-all':
          return selectAll();
        default: {
          const ends = target.kind === 'edge' ? edgeEnds(target.id) : undefined;
          const condition = action.slice('condition:'.length) as 'started' | 'healthy' | 'completed';
          if (ends) state.dispatch({ kind: 'setLinkCondition', from: ends[0], to: ends[1], condition });
        }
      }
    },
    [store, screenToFlowPosition, clipboard, autoLayout, add, selectAll],
  );

  return { run, selectAll, autoLayout, pasteText: clipboard.pasteText };
}

/** Menus act on the selection: opening one on something unselected selects just that. */
export function selectForMenu(select: (ids: readonly string[]) => void, selection: readonly string[], target: MenuTarget): void {
  if (target.kind !== 'pane' && !selection.includes(target.id)) select([target.id]);
}

/** The inspector's "add a helper" form for the selected service, once the inspector shows it. */
function focusHelperForm(tries = 10): void {
  requestAnimationFrame(() => {
    const input = document.querySelector<HTMLElement>(
      'form[aria-label="Add a helper container"] input, form[aria-label="Add a helper container"] select',
    );
    if (input) input.focus();
    else if (tries > 0) focusHelperForm(tries - 1);
  });
}
