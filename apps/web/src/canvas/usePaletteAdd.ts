import { elementId } from '@blaupause/model';
import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { freeSpot } from '../flow/free-spot';
import { uniqueName } from '../model/names';
import type { XY } from '../model/types';
import { selectBlueprint } from '../store/store';
import { useAppStore } from '../store/useApp';
import { focusNode } from './focus-node';

export const PALETTE_MIME = 'application/x-blaupause-palette';
export type PaletteKind = 'service' | 'volume';

const NEW_SERVICE_IMAGE = 'nginx:alpine';

/**
 * Adds a service or volume from the palette: where it was dropped, or (clicked) near the middle
 * of the visible canvas; moved to the nearest free spot so nodes never stack. Selects what it added.
 */
export function usePaletteAdd() {
  const store = useAppStore();
  const { screenToFlowPosition, getNodes } = useReactFlow();
  return useCallback(
    (kind: PaletteKind, at?: XY) => {
      const { dispatch, select } = store.getState();
      const bp = selectBlueprint(store.getState());
      const size = kind === 'service' ? SERVICE_SIZE : VOLUME_SIZE;
      const want = at ? { x: at.x - size.width / 2, y: at.y - size.height / 2 } : visibleCentre(screenToFlowPosition, size);
      const taken = getNodes().map((n) => ({
        ...n.position,
        width: n.measured?.width ?? SERVICE_SIZE.width,
        height: n.measured?.height ?? SERVICE_SIZE.height,
      }));
      const position = freeSpot(want, size, taken);
      if (kind === 'service') {
        const name = uniqueName('service', Object.keys(bp.services));
        if (dispatch({ kind: 'addService', name, image: NEW_SERVICE_IMAGE, at: position })) select([elementId.service(name)]);
      } else {
        const name = uniqueName('volume', Object.keys(bp.volumes ?? {}));
        if (dispatch({ kind: 'addVolume', name, at: position })) select([elementId.volume(name)]);
      }
      // Keyboard users go on with the new node: arrow keys move it, Shift+F10 opens its menu.
      focusNode(store.getState().selection[0]);
    },
    [store, screenToFlowPosition, getNodes],
  );
}

const SERVICE_SIZE = { width: 240, height: 120 };
const VOLUME_SIZE = { width: 160, height: 70 };

/** The top-left corner that centres a box of `size` in the visible part of the canvas. */
function visibleCentre(toFlow: (p: XY) => XY, size: { width: number; height: number }): XY {
  const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
  const centre = pane ? toFlow({ x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 }) : { x: 0, y: 0 };
  return { x: centre.x - size.width / 2, y: centre.y - size.height / 2 };
}
