import { type KeyboardEvent, type MouseEvent, useCallback, useState } from 'react';
import type { MenuTarget } from '../menus/menu-items';
import type { XY } from '../model/types';
import { useAppStore } from '../store/useApp';
import { selectForMenu } from './useCanvasActions';

export interface OpenMenu {
  target: MenuTarget;
  /** Viewport pixels. */
  at: XY;
}

/**
 * Which context menu is open. Right click opens one on a node, an edge or the pane; so does the
 * keyboard (Shift+F10 or the Menu key) on the focused node or edge, else on the pane.
 */
export function useCanvasMenu() {
  const store = useAppStore();
  const [menu, setMenu] = useState<OpenMenu | undefined>();

  const open = useCallback(
    (target: MenuTarget, at: XY) => {
      const { select, selection } = store.getState();
      selectForMenu(select, selection, target);
      setMenu({ target, at });
    },
    [store],
  );
  const close = useCallback(() => setMenu(undefined), []);

  const onNodeContextMenu = useCallback(
    (e: MouseEvent, node: { id: string; parentId?: string }) => {
      e.preventDefault();
      // A child node (an exposure tag) is part of its service: the menu is the service's.
      open({ kind: 'node', id: node.parentId ?? node.id }, { x: e.clientX, y: e.clientY });
    },
    [open],
  );
  const onEdgeContextMenu = useCallback(
    (e: MouseEvent, edge: { id: string }) => {
      e.preventDefault();
      open({ kind: 'edge', id: edge.id }, { x: e.clientX, y: e.clientY });
    },
    [open],
  );
  const onPaneContextMenu = useCallback(
    (e: MouseEvent | globalThis.MouseEvent) => {
      e.preventDefault();
      open({ kind: 'pane' }, { x: e.clientX, y: e.clientY });
    },
    [open],
  );

  const onKeyDown = useCallback(
    (e: KeyboardEvent) => {
      if (!(e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey))) return;
      e.preventDefault();
      const el = e.target instanceof Element ? e.target : undefined;
      const node = el?.closest<HTMLElement>('.react-flow__node');
      const edge = el?.closest<SVGElement>('.react-flow__edge');
      const host: Element = node ?? edge ?? e.currentTarget;
      const r = host.getBoundingClientRect();
      const at =
        node || edge
          ? { x: r.left + Math.min(24, r.width / 2), y: r.top + Math.min(24, r.height / 2) }
          : { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      // React Flow puts the node's or edge's id in data-id.
      const id = node?.dataset.id ?? edge?.dataset.id;
      open(id ? { kind: node ? 'node' : 'edge', id } : { kind: 'pane' }, at);
    },
    [open],
  );

  return { menu, close, onNodeContextMenu, onEdgeContextMenu, onPaneContextMenu, onKeyDown };
}
