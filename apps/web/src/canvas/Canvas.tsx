import {
  Background,
  BackgroundVariant,
  ControlButton,
  Controls,
  type Edge,
  type EdgeChange,
  MarkerType,
  type Node,
  type NodeChange,
  ReactFlow,
  type ReactFlowState,
  useReactFlow,
  useStore,
} from '@xyflow/react';
import { type DragEvent, useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Analysis } from '../analysis/analyze';
import { useAnalysisPart } from '../analysis/useAnalysis';
import { useOpenFile } from '../files/useOpenFile';
import { GRID } from '../flow/default-layout';
import { createProjector } from '../flow/projector';
import type { FlowEdge, FlowNode } from '../flow/to-flow';
import { ContextMenu } from '../menus/ContextMenu';
import { type MenuTarget, menuItems } from '../menus/menu-items';
import { selectBlueprint } from '../store/store';
import { useApp, useAppStore, useStorage } from '../store/useApp';
import { useTheme } from '../theme/ThemeContext';
import { EdgeLabelLayer } from './EdgeLabelLayer';
import { EmptyHint } from './EmptyHint';
import { FlowMinimap } from './FlowMinimap';
import { FlowRaster } from './FlowRaster';
import { useFarHover } from './far-hover';
import { FarFilter, FarHider, isLiveEdge, isLiveNode, setGraphEdges, useFarBoxSelect, useFitHiddenNodes } from './far-live';
import { FIT_VIEW, useFitPadding } from './fit-view';
import { edgeTypes, nodeTypes } from './flow-types';
import { keepFocusOnCanvas } from './focus-node';
import { GestureContext } from './gesture-store';
import { connectionCommand, deletionCommand, nextSelection } from './gestures';
import { LiveDataContext } from './live-data';
import { readSnap, writeSnap } from './snap-pref';
import { useCanvasActions } from './useCanvasActions';
import { useCanvasMenu } from './useCanvasMenu';
import { useCanvasShortcuts } from './useCanvasShortcuts';
import { useGlyphScale } from './useGlyphScale';
import { useMeasuredNodes } from './useMeasuredNodes';
import { PALETTE_MIME, usePaletteAdd } from './usePaletteAdd';
import { useRasterMode } from './useRasterMode';
import { useShownFlow } from './useShownFlow';

const defaultEdgeOptions = { markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 } };
const DELETE_KEYS = ['Backspace', 'Delete'];
/**
 * The edges React Flow gets during a pan/zoom gesture of a large graph: none. The raster shows
 * them; in the DOM, the edges crossing the view and their labels (≈ 400 at 1,000 services and
 * 1,500 at 5,000, at half zoom) would be mounted and unmounted as the view moves, each frame.
 */
const NO_EDGES: FlowEdge[] = [];
const SNAP: [number, number] = [GRID, GRID];
/** Arrow presses closer together than this are one undo step. */
const KEY_BURST_MS = 700;
/**
 * Below this zoom (35 %: a small blueprint fitted to the view keeps its detail) the canvas draws its
 * far view (`.canvas.is-far`): the raster view (FlowRaster) with boxes, headers and edges only — text
 * of 6 px is unreadable, and software raster pays for every DOM node and glyph on every pan frame
 * (bench:canvas, C1/C2). Large graphs use the raster during pan/zoom gestures too (useRasterMode).
 */
export const FAR_ZOOM = 0.35;
const isFar = (s: ReactFlowState) => s.transform[2] < FAR_ZOOM;

const selectProblems = (a: Analysis) => a.problems;
const selectNotes = (a: Analysis) => a.notes;

/** The canvas: a controlled React Flow over toFlow(document); every gesture becomes a command. */
export function Canvas() {
  const store = useAppStore();
  const bp = useApp(selectBlueprint);
  const selection = useApp((s) => s.selection);
  const problems = useAnalysisPart(selectProblems);
  const notes = useAnalysisPart(selectNotes);
  const { screenToFlowPosition } = useReactFlow();
  const add = usePaletteAdd();
  const openFile = useOpenFile();

  const diagnostics = useMemo(() => [...problems, ...notes], [problems, notes]);
  const [project] = useState(createProjector);
  const flow = useMemo(() => project(bp, diagnostics, selection), [project, bp, diagnostics, selection]);
  const { nodes, onDimensions } = useMeasuredNodes(flow.nodes);
  const shown = useShownFlow(nodes, flow.edges);
  const actions = useCanvasActions();
  useCanvasShortcuts(actions);
  const menu = useCanvasMenu();
  const storage = useStorage();
  const [snap, setSnap] = useState(() => readSnap(storage));
  const toggleSnap = useCallback(() => {
    setSnap((on) => {
      writeSnap(storage, !on);
      return !on;
    });
  }, [storage]);

  const dragging = useRef(false);
  const keyBurst = useRef<ReturnType<typeof setTimeout>>(undefined);
  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      const { dispatch, endGesture, select, selection: current } = store.getState();
      // A drag reports dragging: true until it ends: one step. Keyboard moves report no drag; arrow
      // presses in a row are one step too, ended shortly after the last (an edit or undo ends it sooner).
      const positions = changes.filter((c) => c.type === 'position');
      const dragStep = positions.some((c) => c.dragging);
      if (dragStep && !dragging.current && keyBurst.current !== undefined) {
        clearTimeout(keyBurst.current); // a drag right after arrow presses is a step of its own
        keyBurst.current = undefined;
        endGesture();
      }
      const moves = changes.flatMap((c) => (c.type === 'position' && c.position ? [{ id: c.id, ...c.position }] : []));
      if (moves.length > 0) dispatch({ kind: 'moveNodes', moves }, { transient: true });
      if (dragStep) dragging.current = true;
      else if (positions.length > 0) {
        clearTimeout(keyBurst.current);
        keyBurst.current = undefined;
        if (dragging.current) endGesture();
        else
          keyBurst.current = setTimeout(() => {
            keyBurst.current = undefined;
            store.getState().endGesture();
          }, KEY_BURST_MS);
        dragging.current = false;
      }
      const selects = changes.flatMap((c) => (c.type === 'select' ? [c] : []));
      if (selects.length > 0) select(nextSelection(current, selects));
      onDimensions(changes);
    },
    [store, onDimensions],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<FlowEdge>[]) => {
      const selects = changes.flatMap((c) => (c.type === 'select' ? [c] : []));
      const { select, selection: current } = store.getState();
      if (selects.length > 0) select(nextSelection(current, selects));
    },
    [store],
  );

  const onDelete = useCallback(
    ({ nodes: gone, edges: cut }: { nodes: Node[]; edges: Edge[] }) => {
      const cmd = deletionCommand(
        gone.map((n) => n.id),
        cut.map((e) => e.id),
      );
      if (cmd) store.getState().dispatch(cmd);
      keepFocusOnCanvas();
    },
    [store],
  );

  const onConnect = useCallback(
    ({ source, target }: { source: string; target: string }) => {
      const cmd = connectionCommand(source, target);
      if (cmd) store.getState().dispatch(cmd);
    },
    [store],
  );

  const isValidConnection = useCallback((c: { source: string; target: string }) => connectionCommand(c.source, c.target) !== undefined, []);

  const onDragOver = useCallback((e: DragEvent) => {
    if (!e.dataTransfer.types.includes(PALETTE_MIME) && !e.dataTransfer.types.includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (e: DragEvent) => {
      const file = e.dataTransfer.files[0];
      if (file) {
        e.preventDefault();
        void openFile(file);
        return;
      }
      const kind = e.dataTransfer.getData(PALETTE_MIME);
      if (kind !== 'service' && kind !== 'volume') return;
      e.preventDefault();
      add(kind, screenToFlowPosition({ x: e.clientX, y: e.clientY }));
    },
    [add, screenToFlowPosition, openFile],
  );

  // React Flow's own parts (controls, minimap) follow the app's theme.
  const colorMode = useTheme();
  const far = useStore(isFar);
  const { raster, moving, large, gesture, onMoveStart, onMoveEnd } = useRasterMode(far, nodes.length);
  // A new, empty blueprint says how to begin instead of showing a blank grid.
  const empty = flow.nodes.length === 0;
  // The same elements while what they show is the same: an edit renders the canvas, and new elements
  // rendered React Flow's controls, minimap and background again with it.
  const parts = useMemo(
    () => (
      <>
        {!raster && <Background variant={BackgroundVariant.Dots} gap={GRID} size={1} />}
        <FlowRaster active={raster} moving={moving} prepare={large} detail={!far} edges={flow.edges} />
        <FlowMinimap />
        <Controls aria-label="Zoom controls" fitViewOptions={FIT_VIEW}>
          <ControlButton
            onClick={toggleSnap}
            aria-pressed={snap}
            aria-label="Snap to grid"
            title={snap ? 'Snap to grid: on' : 'Snap to grid: off'}
            className={snap ? 'snap-toggle is-on' : 'snap-toggle'}
          >
            #
          </ControlButton>
        </Controls>
        {empty && <EmptyHint />}
      </>
    ),
    [raster, moving, large, far, flow.edges, snap, toggleSnap, empty],
  );
  // The far view of a large graph mounts only the nodes and edges selected, focused, dragged or near
  // the pointer (far-live.ts, far-hover.ts); React Flow gets the others hidden and the raster draws them.
  const sparse = far && large;
  const [host, setHost] = useState<HTMLElement | null>(null);
  const keep = useFarHover(host, sparse);
  useGlyphScale(host);
  useFitHiddenNodes();
  useFitPadding();
  const selectInside = useCallback(
    (ids: string[]) => {
      const { select, selection: current } = store.getState();
      select(
        nextSelection(
          current,
          ids.map((id) => ({ id, selected: true })),
        ),
      );
    },
    [store],
  );
  useFarBoxSelect(sparse, selectInside);
  const [nodeHider] = useState(() => new FarHider<FlowNode>());
  const [edgeFilter] = useState(() => new FarFilter<FlowEdge>());
  const flowNodes = useMemo(
    () => (sparse ? nodeHider.apply(shown.nodes, (n) => isLiveNode(n, keep)) : shown.nodes),
    [sparse, shown.nodes, keep, nodeHider],
  );
  const liveEdges = useMemo(
    () => (sparse ? edgeFilter.apply(shown.edges, (e) => isLiveEdge(e, keep)) : shown.edges),
    [sparse, shown.edges, keep, edgeFilter],
  );
  useLayoutEffect(() => setGraphEdges(shown.live, shown.edges), [shown.live, shown.edges]);
  const classes = ['canvas', far ? 'is-far' : '', sparse ? 'is-sparse' : '', raster ? 'is-raster' : '', moving ? 'is-moving' : '']
    .filter(Boolean)
    .join(' ');
  const { onNodeContextMenu, onEdgeContextMenu, onPaneContextMenu } = menu;
  const shownEdges = moving ? NO_EDGES : liveEdges;
  // The same element while React Flow's props are the same: an edit that changes only what a node
  // shows (its data goes through LiveDataContext) renders the canvas, and a new element rendered
  // React Flow's wrapper, its store updater (a comparison per prop) and its a11y parts again with it.
  const flowView = useMemo(
    () => (
      <EdgeLabelLayer>
        <ReactFlow<FlowNode, FlowEdge>
          nodes={flowNodes}
          edges={shownEdges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          defaultEdgeOptions={defaultEdgeOptions}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onDelete={onDelete}
          onConnect={onConnect}
          onMoveStart={onMoveStart}
          onMoveEnd={onMoveEnd}
          isValidConnection={isValidConnection}
          onDragOver={onDragOver}
          onDrop={onDrop}
          deleteKeyCode={DELETE_KEYS}
          onNodeContextMenu={onNodeContextMenu}
          onEdgeContextMenu={onEdgeContextMenu}
          onPaneContextMenu={onPaneContextMenu}
          snapToGrid={snap}
          snapGrid={SNAP}
          fitView
          fitViewOptions={FIT_VIEW}
          minZoom={0.1}
          // Only nodes and edges in view are in the DOM: panning a 1,000–5,000-service blueprint costs
          // what is visible, not N (bench:canvas; performance anchors §1.4).
          onlyRenderVisibleElements
          colorMode={colorMode}
        >
          {parts}
        </ReactFlow>
      </EdgeLabelLayer>
    ),
    [
      flowNodes,
      shownEdges,
      onNodesChange,
      onEdgesChange,
      onDelete,
      onConnect,
      onMoveStart,
      onMoveEnd,
      isValidConnection,
      onDragOver,
      onDrop,
      onNodeContextMenu,
      onEdgeContextMenu,
      onPaneContextMenu,
      snap,
      colorMode,
      parts,
    ],
  );
  return (
    <section ref={setHost} className={classes} aria-label="Canvas" tabIndex={-1} onKeyDown={menu.onKeyDown}>
      <GestureContext.Provider value={gesture}>
        <LiveDataContext.Provider value={shown.live}>{flowView}</LiveDataContext.Provider>
      </GestureContext.Provider>
      {menu.menu && (
        <ContextMenu
          at={menu.menu.at}
          label={menuLabel(menu.menu.target)}
          items={menuItems(bp, menu.menu.target)}
          onClose={menu.close}
          onAction={(action) => menu.menu && actions.run(action, menu.menu.target, menu.menu.at)}
        />
      )}
    </section>
  );
}

function menuLabel(target: MenuTarget): string {
  if (target.kind === 'pane') return 'Canvas';
  return target.id.replace(/^(\w+):/, (_, kind: string) => `${kind[0]?.toUpperCase()}${kind.slice(1)} `);
}
