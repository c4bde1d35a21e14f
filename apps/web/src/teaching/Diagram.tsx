import { useEffect, useRef } from 'react';
import type { Hover } from './highlight';
import type { Scene, SceneEdge, SceneNode } from './scene-types';

interface Props {
  scene: Scene;
  /** Keys of the counterparts of the current hover in this scene. */
  hot?: ReadonlySet<string>;
  hovering?: boolean;
  onHover?: (hover: Hover | undefined) => void;
  /** viewBox size; a morphing diagram keeps one box for both scenes. */
  box?: { width: number; height: number };
  /** Sized by its own aspect ratio (full width, at most its natural size) instead of filling its parent. */
  natural?: boolean;
  title: string;
}

const PAD = 16;

/**
 * A teaching diagram as plain SVG. Nodes are positioned by a CSS transform, so when the scene
 * changes a node with the same key glides to its new place (container → pod). Rendered
 * statically (no handlers) it is also what the HTML export inlines.
 */
export function Diagram({ scene, hot, hovering, onHover, box, natural, title }: Props) {
  const width = (box?.width ?? scene.width) + 2 * PAD;
  const height = (box?.height ?? scene.height) + 2 * PAD;
  const order = [...scene.nodes].sort((a, b) => depth(a) - depth(b));
  const ref = useHoverEvents(scene, onHover);
  return (
    <svg
      ref={ref}
      className={`t-diagram${hovering ? ' has-hover' : ''}`}
      viewBox={`${-PAD} ${-PAD} ${width} ${height}`}
      preserveAspectRatio={natural ? 'xMidYMin meet' : 'xMidYMid meet'}
      role="img"
      aria-label={title}
      data-view={scene.view}
      style={natural ? { height: 'auto', maxHeight: `${Math.round(height)}px` } : undefined}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title>{title}</title>
      <defs>
        <marker
          id={`t-arrow-${scene.view}`}
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerUnits="userSpaceOnUse"
          markerWidth="10"
          markerHeight="10"
          orient="auto-start-reverse"
        >
          <path d="M0 0 L10 5 L0 10 z" className="t-arrow" />
        </marker>
      </defs>
      <g className="t-fit" style={fitTransform(scene, box)}>
        <g className="t-edges">
          {scene.edges.map((e) => (
            <EdgeView key={e.key} edge={e} hot={hot?.has(e.key) ?? false} view={scene.view} />
          ))}
        </g>
        {order.map((n) => (
          <NodeView key={n.key} node={n} hot={hot?.has(n.key) ?? false} interactive={onHover !== undefined} />
        ))}
      </g>
    </svg>
  );
}

/** Largest growth of a small scene in a shared box (a one-container graph would otherwise fill it with huge type). */
const MAX_GROWTH = 2;

/**
 * A scene drawn in a larger shared box is scaled to fit it and centred; the transform is a CSS
 * transition too, so the zoom changes together with the boxes' glide.
 */
function fitTransform(scene: Scene, box: Props['box']): { transform: string } | undefined {
  if (!box || scene.width <= 0 || scene.height <= 0) return undefined;
  const s = Math.min(box.width / scene.width, box.height / scene.height, MAX_GROWTH);
  const tx = (box.width - scene.width * s) / 2;
  const ty = (box.height - scene.height * s) / 2;
  return { transform: `translate(${tx}px, ${ty}px) scale(${s})` };
}

/** Frames under what they hold: repository and pods first, their chips and images on top. */
function depth(n: SceneNode): number {
  return n.kind === 'repo' || n.kind === 'pod' ? 0 : n.kind === 'chip' || n.kind === 'image' ? 2 : 1;
}

/**
 * Pointer and focus over the diagram, delegated: the box or wire under the pointer (its
 * data-key) becomes the hover; leaving the diagram clears it.
 */
function useHoverEvents(scene: Scene, onHover: Props['onHover']) {
  const ref = useRef<SVGSVGElement>(null);
  useEffect(() => {
    const svg = ref.current;
    if (!svg || !onHover) return;
    const items = new Map<string, SceneNode | SceneEdge>([...scene.nodes, ...scene.edges].map((x) => [x.key, x]));
    let current: string | undefined;
    const at = (target: EventTarget | null) => {
      const el = target instanceof Element ? target.closest('[data-key]') : null;
      const key = el?.getAttribute('data-key') ?? undefined;
      if (key === current) return;
      current = key;
      const item = key ? items.get(key) : undefined;
      onHover(item ? { view: scene.view, key: item.key, elements: item.elements } : undefined);
    };
    const over = (e: Event) => at(e.target);
    const leave = () => at(null);
    svg.addEventListener('pointerover', over);
    svg.addEventListener('focusin', over);
    svg.addEventListener('pointerleave', leave);
    svg.addEventListener('focusout', leave);
    return () => {
      svg.removeEventListener('pointerover', over);
      svg.removeEventListener('focusin', over);
      svg.removeEventListener('pointerleave', leave);
      svg.removeEventListener('focusout', leave);
    };
  }, [scene, onHover]);
  return ref;
}

function EdgeView({ edge, hot, view }: { edge: SceneEdge; hot: boolean; view: string }) {
  const arrow = edge.kind === 'link' || edge.kind === 'select' || edge.kind === 'dns' || edge.kind === 'publish' || edge.kind === 'order';
  return (
    <g className={`t-edge t-edge-${edge.kind}${hot ? ' is-hot' : ''}`} data-key={edge.key}>
      <path d={edge.d} className="t-edge-hit" />
      <path d={edge.d} className="t-edge-line" markerEnd={arrow ? `url(#t-arrow-${view})` : undefined} />
      {edge.label && edge.lx !== undefined && edge.ly !== undefined ? (
        <text x={edge.lx} y={edge.ly} className="t-edge-label" textAnchor="middle">
          {edge.label}
        </text>
      ) : null}
    </g>
  );
}

function NodeView({ node: n, hot, interactive }: { node: SceneNode; hot: boolean; interactive: boolean }) {
  const classes = ['t-node', `t-${n.kind}`, n.role ? `t-role-${n.role}` : '', n.derived ? 'is-derived' : '', hot ? 'is-hot' : ''];
  if (n.kind === 'legend') {
    return (
      <g className="t-node t-legend" style={{ transform: `translate(${n.x}px, ${n.y}px)` }}>
        <g className={`t-edge-${n.role}`}>
          <path d="M0 8 L32 8" className="t-edge-line" />
        </g>
        <text x={40} y={12} className="t-legend-text">
          {n.title}
        </text>
      </g>
    );
  }
  if (n.kind === 'caption') {
    return (
      <g className={classes.join(' ')} style={{ transform: `translate(${n.x}px, ${n.y}px)` }}>
        <text x={0} y={14} className="t-caption-text">
          {n.title}
        </text>
      </g>
    );
  }
  const chip = n.kind === 'chip' || n.kind === 'image';
  return (
    <g
      className={classes.filter(Boolean).join(' ')}
      style={{ transform: `translate(${n.x}px, ${n.y}px)` }}
      data-key={n.key}
      data-kind={n.kind}
      aria-label={n.label}
      role={interactive ? 'button' : undefined}
      tabIndex={interactive ? 0 : undefined}
    >
      <rect className="t-box" rx={chip ? 6 : 10} style={{ width: n.w, height: n.h }} />
      {n.role && !chip ? <rect className="t-stripe" x={0} y={10} width={4} height={n.h - 20} rx={2} /> : null}
      {chip ? (
        <>
          {n.role ? <circle className="t-dot" cx={12} cy={n.h / 2} r={4} /> : null}
          <text x={n.role ? 22 : 10} y={n.h / 2 + 4} className="t-chip-text">
            {n.title}
          </text>
        </>
      ) : (
        <>
          {n.tag ? (
            <text x={14} y={20} className="t-tag">
              {n.tag}
            </text>
          ) : null}
          {n.title ? (
            <text x={14} y={n.kind === 'pod' ? 36 : n.tag ? 40 : 24} className={n.kind === 'pod' ? 't-meta' : 't-title'}>
              {n.title}
            </text>
          ) : null}
          {(n.meta ?? []).map((m, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: meta lines are positional
            <text key={i} x={14} y={(n.tag ? 58 : 42) + i * 16} className="t-meta">
              {m}
            </text>
          ))}
        </>
      )}
    </g>
  );
}
