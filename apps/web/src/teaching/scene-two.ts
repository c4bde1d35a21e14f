import { curve, fit, labelText, legend, type Scene, type SceneEdge, type SceneNode } from './scene-types';
import type { TwoLevel, Workload } from './two-level';

const REPO_W = 180;
const WL_X = 226;
const WL_W = 180;
const RS_X = 448;
const RS_W = 160;
const POD_X = 650;
const POD_W = 220;
const SVC_X = 920;
const SVC_W = 220;
const CHIP_H = 26;
const TOP = 44;
const ROW_GAP = 30;
/** Pods drawn per workload; more are counted in the ReplicaSet. */
const MAX_PODS = 3;

/**
 * Kubernetes' assembly of the same blueprint, left to right: the images in a repository, the
 * workloads of the YAML (the central build instructions), the ReplicaSets and Pods Kubernetes
 * creates from them, and the Services that find those Pods by label.
 */
export function twoLevelScene(model: TwoLevel): Scene {
  const nodes: SceneNode[] = captions();
  const edges: SceneEdge[] = [];
  const podsOf = new Map<string, { x: number; y: number; h: number }[]>();
  let y = TOP;
  for (const w of model.workloads) {
    const podH = 52 + w.containers.length * (CHIP_H + 6);
    const shown = Math.min(w.replicas, MAX_PODS);
    const pods: { x: number; y: number; h: number }[] = [];
    for (let i = 0; i < shown; i++) pods.push({ x: POD_X, y: y + i * (podH + 12), h: podH });
    podsOf.set(w.name, pods);
    const rowH = Math.max(96, shown * (podH + 12) - 12);
    const mid = y + rowH / 2;
    nodes.push(workloadNode(w, mid));
    const rsKey = `rs:${w.name}`;
    const owner = w.kind === 'Deployment' ? { x: RS_X + RS_W, key: rsKey } : { x: WL_X + WL_W, key: `wl:${w.name}` };
    if (w.kind === 'Deployment') {
      nodes.push({
        key: rsKey,
        kind: 'replicaset',
        x: RS_X,
        y: mid - 34,
        w: RS_W,
        h: 68,
        tag: 'ReplicaSet',
        title: fit(`${w.name}-‹hash›`, RS_W - 24, 8),
        meta: [`keeps ${w.replicas} pod${w.replicas === 1 ? '' : 's'}`],
        elements: w.elements,
        derived: true,
        label: `ReplicaSet ${w.name}`,
      });
      edges.push({ key: `own:${w.name}`, kind: 'owns', d: curve(WL_X + WL_W, mid, RS_X, mid), elements: w.elements });
    }
    pods.forEach((p, i) => {
      nodes.push(...podNodes(w, i, p));
      edges.push({ key: `own:${owner.key}:${i}`, kind: 'owns', d: curve(owner.x, mid, p.x, p.y + p.h / 2), elements: w.elements });
    });
    if (w.replicas > shown) {
      nodes.push({
        key: `more:${w.name}`,
        kind: 'caption',
        x: POD_X,
        y: y + rowH + 2,
        w: POD_W,
        h: 16,
        title: `+ ${w.replicas - shown} more pods`,
        elements: w.elements,
        label: `${w.replicas - shown} more pods of ${w.name}`,
      });
    }
    y += rowH + ROW_GAP + (w.replicas > shown ? 16 : 0);
  }
  placeServices(model, podsOf, nodes, edges, y);
  const bottom = Math.max(y, ...nodes.map((n) => n.y + n.h + ROW_GAP));
  const repoBottom = placeRepository(model, nodes, edges);
  const objectsBottom = placeOthers(model, nodes, Math.max(bottom, repoBottom));
  nodes.push(
    ...legend('two', objectsBottom, [
      ['pull', 'pulls image'],
      ['owns', 'creates and owns'],
      ['select', 'selects by label'],
      ['dns', 'reaches by DNS name (link)'],
    ]),
  );
  return { view: 'two', width: SVC_X + SVC_W, height: objectsBottom + 24, nodes, edges };
}

function captions(): SceneNode[] {
  const cap = (key: string, x: number, w: number, title: string): SceneNode => ({
    key,
    kind: 'caption',
    x,
    y: 6,
    w,
    h: 20,
    title,
    elements: [],
    label: title,
  });
  return [
    cap('cap:repo', 0, REPO_W, 'Container repository'),
    cap('cap:yaml', WL_X, WL_W, 'Build instructions (YAML)'),
    cap('cap:made', RS_X, POD_X + POD_W - RS_X, 'Created by Kubernetes'),
    cap('cap:svc', SVC_X, SVC_W, 'Services (label selectors)'),
  ];
}

function workloadNode(w: Workload, mid: number): SceneNode {
  return {
    key: `wl:${w.name}`,
    kind: 'workload',
    x: WL_X,
    y: mid - 48,
    w: WL_W,
    h: 96,
    tag: w.kind,
    title: fit(w.name, WL_W - 24, 8),
    meta: [
      w.autoscaled ? `replicas: HPA (min ${w.replicas})` : `replicas: ${w.replicas}`,
      fit(`selector ${labelText(w.selector)[0] ?? '—'}`, WL_W - 24),
    ],
    elements: w.elements,
    lines: w.lines,
    label: `${w.kind} ${w.name}`,
  };
}

function podNodes(w: Workload, i: number, p: { x: number; y: number; h: number }): SceneNode[] {
  const suffix = i === 0 ? '' : `#${i + 1}`;
  const out: SceneNode[] = [
    {
      key: `pod:${w.name}${suffix}`,
      kind: 'pod',
      x: p.x,
      y: p.y,
      w: POD_W,
      h: p.h,
      tag: `Pod ${i + 1} of ${w.replicas}`,
      title: fit(labelText(w.podLabels)[0] ?? w.name, POD_W - 24),
      elements: w.elements,
      lines: w.templateLines,
      derived: true,
      label: `Pod ${w.name} ${i + 1}`,
    },
  ];
  w.containers.forEach((c, j) => {
    out.push({
      key: `c:${c.element || `${w.name}/${c.name}`}${suffix}`,
      kind: 'chip',
      x: p.x + 10,
      y: p.y + 44 + j * (CHIP_H + 6),
      w: POD_W - 20,
      h: CHIP_H,
      title: fit(`${c.name} · ${c.image}`, POD_W - 44, 6.6),
      role: c.role,
      elements: c.element ? [c.element] : w.elements,
      lines: { file: 'kubernetes', ranges: [[c.line, c.line]] },
      label: `Container ${c.name} in pod ${w.name} ${i + 1}`,
    });
  });
  return out;
}

function placeServices(
  model: TwoLevel,
  podsOf: Map<string, { x: number; y: number; h: number }[]>,
  nodes: SceneNode[],
  edges: SceneEdge[],
  end: number,
): void {
  const nextY = new Map<string, number>();
  let spare = end;
  for (const s of model.services) {
    const first = s.selects[0];
    const pods = first ? podsOf.get(first) : undefined;
    const rowTop = pods?.[0]?.y ?? spare;
    const y = Math.max(rowTop, nextY.get(first ?? '') ?? rowTop);
    const h = 84;
    if (first) nextY.set(first, y + h + 14);
    else spare += h + 14;
    nodes.push({
      key: `svc:${s.name}`,
      kind: 'service',
      x: SVC_X,
      y,
      w: SVC_W,
      h,
      tag: `Service · ${s.type}`,
      title: fit(s.name, SVC_W - 24, 8),
      meta: [fit(`selector ${labelText(s.selector).join(', ') || '—'}`, SVC_W - 24), `ports ${s.ports.join(', ') || '—'}`],
      elements: s.elements,
      lines: s.lines,
      label: `Service ${s.name}`,
    });
    for (const wname of s.selects) {
      (podsOf.get(wname) ?? []).forEach((p, i) => {
        edges.push({
          key: `sel:${s.name}:${wname}:${i}`,
          kind: 'select',
          d: curve(SVC_X, y + h / 2, p.x + POD_W, p.y + 20),
          elements: s.elements,
        });
      });
    }
  }
  for (const dns of model.dns) {
    const from = podsOf.get(dns.from)?.[0];
    const to = nodes.find((n) => n.key === `svc:${dns.to}`);
    if (!from || !to) continue;
    edges.push({
      key: `dns:${dns.from}>${dns.to}`,
      kind: 'dns',
      d: curve(from.x + POD_W, from.y + from.h - 14, to.x, to.y + to.h - 16),
      elements: dns.elements,
    });
  }
}

function placeRepository(model: TwoLevel, nodes: SceneNode[], edges: SceneEdge[]): number {
  const h = 30 + model.images.length * 38;
  nodes.push({
    key: 'repo',
    kind: 'repo',
    x: 0,
    y: TOP,
    w: REPO_W,
    h,
    tag: 'images',
    title: '',
    elements: [],
    label: 'Container repository',
  });
  model.images.forEach((img, i) => {
    const y = TOP + 30 + i * 38;
    nodes.push({
      key: `img:${img.image}`,
      kind: 'image',
      x: 10,
      y,
      w: REPO_W - 20,
      h: 30,
      title: fit(img.image, REPO_W - 40, 6.6),
      elements: img.elements,
      label: `Image ${img.image}`,
    });
    for (const w of model.workloads.filter((x) => x.containers.some((c) => c.image === img.image))) {
      const wl = nodes.find((n) => n.key === `wl:${w.name}`);
      if (wl)
        edges.push({
          key: `pull:${img.image}>${w.name}`,
          kind: 'pull',
          d: curve(REPO_W - 10, y + 15, WL_X, wl.y + wl.h / 2),
          elements: img.elements,
        });
    }
  });
  return TOP + h + ROW_GAP;
}

function placeOthers(model: TwoLevel, nodes: SceneNode[], top: number): number {
  if (model.others.length === 0) return top;
  const w = 196;
  const perRow = Math.floor((SVC_X + SVC_W + 14) / (w + 14));
  nodes.push({
    key: 'cap:others',
    kind: 'caption',
    x: 0,
    y: top,
    w: 400,
    h: 20,
    title: 'Other objects of the YAML',
    elements: [],
    label: 'Other objects',
  });
  model.others.forEach((o, i) => {
    nodes.push({
      key: `obj:${o.kind}:${o.name}`,
      kind: 'object',
      x: (i % perRow) * (w + 14),
      y: top + 28 + Math.floor(i / perRow) * 56,
      w,
      h: 46,
      tag: fit(o.kind, w - 20, 6.5),
      title: fit(o.name, w - 20, 7.5),
      elements: o.elements,
      lines: o.lines,
      label: `${o.kind} ${o.name}`,
    });
  });
  return top + 28 + Math.ceil(model.others.length / perRow) * 56 + 10;
}
