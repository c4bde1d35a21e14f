import type { OneLevel } from './one-level';
import { curve, fit, legend, type Scene, type SceneEdge, type SceneNode } from './scene-types';

const W = 210;
const H = 84;
const GAP_X = 110;
const GAP_Y = 26;
const TOP = 8;

/**
 * The container graph laid out in layers: the host's published ports on the left, then each
 * container one layer right of the containers that link to it (dependants before their
 * dependencies, as traffic flows). A container joining another's network sits under it.
 */
export function oneLevelScene(model: OneLevel): Scene {
  const layer = layers(model);
  const columns: string[][] = [];
  for (const c of model.containers) {
    if (c.sharesNetworkOf) continue;
    const l = layer.get(c.name) ?? 0;
    const col = columns[l] ?? [];
    col.push(c.name);
    for (const mate of model.containers) if (mate.sharesNetworkOf === c.name) col.push(mate.name);
    columns[l] = col;
  }
  const published = model.containers.filter((c) => c.published.length > 0);
  const left = published.length > 0 ? 170 + GAP_X : 0;
  const tallest = Math.max(1, ...columns.map((c) => c?.length ?? 0));
  const height = TOP + tallest * (H + GAP_Y);
  const nodes: SceneNode[] = [];
  const pos = new Map<string, { x: number; y: number }>();
  columns.forEach((col, l) => {
    const top = TOP + ((tallest - col.length) * (H + GAP_Y)) / 2;
    col.forEach((name, i) => {
      const c = model.containers.find((x) => x.name === name);
      if (!c) return;
      const x = left + l * (W + GAP_X);
      const y = top + i * (H + GAP_Y);
      pos.set(name, { x, y });
      const foot = [
        c.expose.length > 0 ? `expose ${c.expose.join(', ')}` : '',
        c.published.length > 0 ? `ports ${c.published.join(', ')}` : '',
        c.replicas && c.replicas > 1 ? `× ${c.replicas}` : '',
      ].filter(Boolean);
      nodes.push({
        key: `c:${c.element}`,
        kind: 'container',
        x,
        y,
        w: W,
        h: H,
        tag: c.role === 'main' ? 'container' : `container · ${c.role}`,
        title: fit(c.name, W - 24, 8),
        meta: [fit(c.image, W - 24), fit(foot.join(' · '), W - 24)],
        role: c.role,
        elements: c.elements,
        lines: c.lines,
        label: `Container ${c.name}`,
      });
    });
  });
  const edges: SceneEdge[] = [];
  if (published.length > 0) {
    const hostH = Math.max(H, 30 + published.length * 22);
    const hy = TOP + (height - TOP - hostH) / 2;
    nodes.push({
      key: 'host',
      kind: 'host',
      x: 0,
      y: hy,
      w: 170,
      h: hostH,
      tag: 'Docker host',
      title: 'published ports',
      meta: published.flatMap((c) => c.published.map((p) => `:${p.split('→')[0]} → ${c.name}`)),
      elements: published.flatMap((c) => c.elements),
      label: 'Docker host',
    });
    for (const c of published) {
      const p = pos.get(c.name);
      if (p) edges.push({ key: `pub:${c.name}`, kind: 'publish', d: curve(170, hy + hostH / 2, p.x, p.y + H / 2), elements: c.elements });
    }
  }
  for (const w of model.wires) {
    const a = pos.get(w.from);
    const b = pos.get(w.to);
    if (!a || !b) continue;
    const d =
      w.kind === 'namespace'
        ? `M${a.x + 16} ${a.y} L${b.x + 16} ${b.y + H}`
        : a.x === b.x
          ? `M${a.x + W} ${a.y + H / 2} C${a.x + W + 50} ${a.y + H / 2}, ${b.x + W + 50} ${b.y + H / 2}, ${b.x + W} ${b.y + H / 2}`
          : curve(a.x + W, a.y + H / 2, b.x, b.y + H / 2);
    const label = w.kind === 'namespace' ? undefined : conditionLabel(w.kind, w.label);
    edges.push({
      key: `w:${w.from}>${w.to}`,
      kind: w.kind,
      d,
      ...(label ? { label } : {}),
      lx: (a.x + W + b.x) / 2,
      ly: (a.y + b.y + H) / 2 - 4,
      elements: w.elements.length > 0 ? w.elements : [],
    });
  }
  const width = Math.max(left + columns.length * (W + GAP_X) - GAP_X, W);
  const kinds = new Set(edges.map((e) => e.kind));
  const entries = (
    [
      ['publish', 'publishes a host port'],
      ['link', 'links to (start order, name)'],
      ['namespace', 'shares the network of'],
      ['order', 'starts after'],
    ] as const
  ).filter(([k]) => kinds.has(k));
  nodes.push(...legend('one', height + 6, entries));
  return { view: 'one', width, height: height + (entries.length > 0 ? 30 : 10), nodes, edges };
}

/** Layer of each container: 0 when nothing links to it, else one more than its deepest dependant. */
function layers(model: OneLevel): Map<string, number> {
  const layer = new Map(model.containers.map((c) => [c.name, 0]));
  const wires = model.wires.filter((w) => w.kind !== 'namespace');
  for (let round = 0; round < model.containers.length; round++) {
    let changed = false;
    for (const w of wires) {
      const next = (layer.get(w.from) ?? 0) + 1;
      if (next > (layer.get(w.to) ?? 0)) {
        layer.set(w.to, next);
        changed = true;
      }
    }
    if (!changed) break;
  }
  return layer;
}

/** A wire's caption: "link", with the condition when it is more than a start ("link · healthy"); an order wire its condition. */
function conditionLabel(kind: string, label: string): string {
  const condition = label === 'links' ? 'started' : label.replace(/^service_/, '').replace('_successfully', '');
  if (kind === 'link') return condition === 'started' ? 'link' : `link · ${condition}`;
  return condition;
}
