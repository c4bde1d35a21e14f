import type { Lines } from './one-level';

export type ViewId = 'one' | 'two';

export type NodeKind =
  | 'caption'
  | 'host'
  | 'container'
  | 'repo'
  | 'image'
  | 'workload'
  | 'replicaset'
  | 'pod'
  | 'chip'
  | 'service'
  | 'object'
  /** A legend entry: a sample of the edge kind named by `role`, and its meaning. */
  | 'legend';

/** A positioned box of a teaching diagram. Keys are stable across views, so a container morphs into its pod. */
export interface SceneNode {
  key: string;
  kind: NodeKind;
  x: number;
  y: number;
  w: number;
  h: number;
  /** Small caps line above the title ("Deployment", "Service · ClusterIP"). */
  tag?: string;
  title: string;
  /** Monospace detail lines under the title (image, selector, ports). */
  meta?: string[];
  role?: string;
  /** Blueprint elements behind this box (source map): what hovering matches in the other view. */
  elements: string[];
  /** The YAML lines of this box itself. */
  lines?: Lines;
  /** Not written in the YAML: the orchestrator creates it (ReplicaSets, Pods). */
  derived?: boolean;
  /** Accessible name, also what tests find the node by. */
  label: string;
}

export type EdgeKind = 'link' | 'namespace' | 'order' | 'publish' | 'pull' | 'owns' | 'select' | 'dns';

export interface SceneEdge {
  key: string;
  kind: EdgeKind;
  /** SVG path data. */
  d: string;
  label?: string;
  lx?: number;
  ly?: number;
  elements: string[];
}

export interface Scene {
  view: ViewId;
  width: number;
  height: number;
  nodes: SceneNode[];
  edges: SceneEdge[];
}

/** A horizontal S-curve from the right side of one box to the left side of another. */
export function curve(x1: number, y1: number, x2: number, y2: number): string {
  const dx = Math.max(30, Math.abs(x2 - x1) / 2);
  return `M${x1} ${y1} C${x1 + dx} ${y1}, ${x2 - dx} ${y2}, ${x2} ${y2}`;
}

/** Text cut to fit `width` pixels at about `px` per character. */
export function fit(text: string, width: number, px = 7): string {
  const max = Math.max(4, Math.floor(width / px));
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Labels without the recommended-labels prefix, as `key=value`. */
export function labelText(labels: Record<string, string>): string[] {
  return Object.entries(labels).map(([k, v]) => `${k.replace('app.kubernetes.io/', '')}=${v}`);
}

/** Legend entries in a row from (x, y): what each kind of wire means. */
export function legend(view: string, y: number, entries: readonly (readonly [EdgeKind, string])[]): SceneNode[] {
  let x = 0;
  return entries.map(([kind, text]) => {
    const w = 44 + text.length * 6.4;
    const node: SceneNode = {
      key: `legend:${view}:${kind}`,
      kind: 'legend',
      x,
      y,
      w,
      h: 16,
      role: kind,
      title: text,
      elements: [],
      label: text,
    };
    x += w + 18;
    return node;
  });
}
