import type { DiagramNode } from './diagram';
import { FONT_MONO, fitText, type Palette, textWidth } from './palette';
import { attrs, escapeXml, num, textEl } from './xml';

/**
 * Nodes drawn as the canvas draws them (styles/nodes.css): a service card with its pod and ports,
 * a dashed volume card, and a labelled box for any other node type. Problem and note badges and
 * the selection are editor state, not part of the design, so they are left out of exports.
 */
export interface DrawnNode {
  svg: string;
  width: number;
  height: number;
}

const PAD = 12;
const HEADER = 33;
const ROW = 22;
const POD_PAD = 4;
const CHIP_H = 18;
const CHIP_GAP = 4;

type Container = { name: string; role: string; image?: string };
type Port = { port: number; publish?: number; ingress?: string };

export function drawNode(n: DiagramNode, p: Palette): DrawnNode {
  if (n.type === 'service') return drawService(n, p);
  if (n.type === 'volume') return drawVolume(n, p);
  if (n.type === 'network') return drawNetwork(n, p);
  if (n.type === 'exposure') return drawExposure(n, p);
  return drawOther(n, p);
}

function drawService(n: DiagramNode, p: Palette): DrawnNode {
  const d = n.data;
  const name = str(d.name) ?? n.id;
  const containers = Array.isArray(d.containers) ? (d.containers as Container[]) : [];
  const ports = Array.isArray(d.ports) ? (d.ports as Port[]) : [];
  const w = Math.max(n.width ?? 240, 220);
  const replicas = d.global === true ? 'global' : `×${typeof d.replicas === 'number' ? d.replicas : 1}`;
  const chips = ports.map((port) => ({
    text: `${port.port}${port.publish ? ` → host:${port.publish}` : ''}${port.ingress ? ` → ${port.ingress}` : ''}`,
    exposed: !!(port.publish || port.ingress),
  }));
  const chipRows = layoutChips(
    chips.map((c) => Math.min(textWidth(c.text, 11, true) + 12, w - 2 * PAD)),
    w - 2 * PAD,
  );
  const rows = chipRows.length === 0 ? 0 : Math.max(...chipRows.map((r) => r.row)) + 1;
  const footer = rows === 0 ? 0 : 2 * 8 + rows * CHIP_H + (rows - 1) * CHIP_GAP;
  const otherNetworks = Array.isArray(d.otherNetworks) ? d.otherNetworks.filter((x): x is string => typeof x === 'string') : [];
  const podBottom = HEADER + 2 * POD_PAD + containers.length * ROW;
  const h = Math.max(n.height ?? 0, podBottom + (otherNetworks.length > 0 ? 18 : 0) + footer);

  const out: string[] = [];
  out.push(`<title>${escapeXml(`Service ${name}`)}</title>`);
  out.push(`<rect${attrs({ width: w, height: h, rx: 8, fill: p.surface, stroke: p.borderStrong })}/>`);
  if (footer > 0) {
    out.push(`<path${attrs({ d: bottomRounded(0.5, h - footer, w - 1, footer - 0.5, 7.5), fill: p.surfaceMuted })}/>`);
    out.push(`<line${attrs({ x1: 0, y1: h - footer, x2: w, y2: h - footer, stroke: p.border })}/>`);
  }
  out.push(kindChip('SVC', PAD, p.accentSoft, p.accent));
  const replicasWidth = textWidth(replicas, 12, true);
  out.push(textEl({ x: w - PAD, y: 21, 'text-anchor': 'end', 'font-family': FONT_MONO, 'font-size': 12, fill: p.textMuted }, replicas));
  const title = fitText(name, w - PAD - 36 - replicasWidth - PAD - 8, 13);
  out.push(textEl({ class: 'node-title', x: PAD + 36, y: 21, 'font-size': 13, 'font-weight': 650, fill: p.text }, title));
  out.push(`<line${attrs({ x1: 0, y1: HEADER, x2: w, y2: HEADER, stroke: p.border })}/>`);

  containers.forEach((c, i) => {
    const cy = HEADER + POD_PAD + i * ROW + ROW / 2;
    const helper = c.role !== 'main';
    let x = PAD + (helper ? PAD : 0);
    if (helper)
      out.push(`<line${attrs({ x1: PAD + 1, y1: cy - ROW / 2, x2: PAD + 1, y2: cy + ROW / 2, stroke: p.border, 'stroke-width': 2 })}/>`);
    const colour = p.roles[c.role] ?? p.textMuted;
    const badgeW = textWidth(c.role, 10) + 12;
    out.push(`<rect${attrs({ x, y: cy - 7.5, width: badgeW, height: 15, rx: 7.5, fill: 'none', stroke: colour })}/>`);
    out.push(textEl({ class: 'role', x: x + badgeW / 2, y: cy + 3.5, 'text-anchor': 'middle', 'font-size': 10, fill: colour }, c.role));
    x += badgeW + 8;
    // As on the canvas the name is shown whole and the image gets what is left (at least a few characters).
    const nameText = fitText(c.name, w - x - PAD - 40, 12);
    out.push(textEl({ x, y: cy + 4, 'font-size': 12, 'font-weight': 600, fill: p.text }, nameText));
    x += textWidth(nameText, 12) + 8;
    const image = fitText(c.image ?? 'no image', w - x - PAD, 11, true);
    out.push(textEl({ class: 'image', x, y: cy + 4, 'font-family': FONT_MONO, 'font-size': 11, fill: p.textMuted }, image));
  });

  if (otherNetworks.length > 0)
    out.push(
      textEl({ x: PAD, y: podBottom + 10, 'font-size': 11, fill: p.network }, fitText(`on ${otherNetworks.join(', ')}`, w - 2 * PAD, 11)),
    );

  chipRows.forEach(({ x, row, width }, i) => {
    const chip = chips[i];
    if (!chip) return;
    const cx = PAD + x;
    const cy = h - footer + 8 + row * (CHIP_H + CHIP_GAP);
    const colour = chip.exposed ? p.accent : p.text;
    out.push(
      `<rect${attrs({ x: cx, y: cy, width, height: CHIP_H, rx: 4, fill: p.surface, stroke: chip.exposed ? p.accent : p.border })}/>`,
    );
    const text = fitText(chip.text, width - 12, 11, true);
    out.push(textEl({ class: 'port', x: cx + 6, y: cy + 13, 'font-family': FONT_MONO, 'font-size': 11, fill: colour }, text));
  });
  return { svg: group(n, 'node service', out), width: w, height: h };
}

function drawVolume(n: DiagramNode, p: Palette): DrawnNode {
  const d = n.data;
  const name = str(d.name) ?? n.id;
  const w = Math.max(n.width ?? 180, 160);
  const h = Math.max(n.height ?? 66, 60);
  const details = [d.ephemeral === true ? 'ephemeral' : str(d.access), str(d.size)].filter(Boolean).join(' · ');
  const out: string[] = [];
  out.push(`<title>${escapeXml(`Volume ${name}`)}</title>`);
  out.push(`<rect${attrs({ width: w, height: h, rx: 8, fill: p.surface, stroke: p.borderStrong, 'stroke-dasharray': '4 3' })}/>`);
  out.push(kindChip('VOL', PAD, tint(p.edgeMount), p.edgeMount));
  out.push(
    textEl(
      { class: 'node-title', x: PAD + 36, y: 21, 'font-size': 13, 'font-weight': 650, fill: p.text },
      fitText(name, w - PAD * 2 - 36, 13),
    ),
  );
  out.push(`<line${attrs({ x1: 0, y1: HEADER, x2: w, y2: HEADER, stroke: p.border })}/>`);
  if (details) out.push(textEl({ x: PAD, y: HEADER + 20, 'font-size': 12, fill: p.textMuted }, fitText(details, w - 2 * PAD, 12)));
  return { svg: group(n, 'node volume', out), width: w, height: h };
}

/** A network segment: a bar with a thick bottom edge (dashed when internal), its flags and members. */
function drawNetwork(n: DiagramNode, p: Palette): DrawnNode {
  const d = n.data;
  const name = str(d.name) ?? n.id;
  const w = Math.max(n.width ?? 240, 240);
  const h = Math.max(n.height ?? 60, 56);
  const members = (typeof d.members === 'number' ? d.members : 0) + (typeof d.implicitMembers === 'number' ? d.implicitMembers : 0);
  const details = [
    str(d.driver) ?? (d.external === true ? undefined : 'engine default driver'),
    `${members} ${members === 1 ? 'service' : 'services'}`,
  ].filter(Boolean);
  const flags = [d.internal === true ? 'internal' : '', d.external === true ? 'external' : ''].filter(Boolean);
  const out: string[] = [];
  out.push(`<title>${escapeXml(`Network ${name}`)}</title>`);
  out.push(`<rect${attrs({ width: w, height: h, rx: 8, fill: tint(p.network, 0.05), stroke: tint(p.network, 0.6) })}/>`);
  out.push(
    `<line${attrs({ x1: 4, y1: h - 1.5, x2: w - 4, y2: h - 1.5, stroke: p.network, 'stroke-width': 3, 'stroke-dasharray': d.internal === true ? '6 4' : undefined })}/>`,
  );
  out.push(kindChip('NET', PAD, tint(p.network), p.network));
  let fx = w - PAD;
  for (const flag of flags.reverse()) {
    const fw = textWidth(flag, 10) + 12;
    fx -= fw;
    out.push(`<rect${attrs({ x: fx, y: 9, width: fw, height: 15, rx: 7.5, fill: 'none', stroke: p.network })}/>`);
    out.push(textEl({ x: fx + fw / 2, y: 20, 'text-anchor': 'middle', 'font-size': 10, fill: p.network }, flag));
    fx -= 6;
  }
  out.push(
    textEl(
      { class: 'node-title', x: PAD + 36, y: 21, 'font-size': 13, 'font-weight': 650, fill: p.text },
      fitText(name, fx - PAD - 36 - 4, 13),
    ),
  );
  out.push(textEl({ x: PAD, y: HEADER + 13, 'font-size': 12, fill: p.textMuted }, fitText(details.join(' · '), w - 2 * PAD, 12)));
  return { svg: group(n, 'node network', out), width: w, height: h };
}

/** How the outside reaches a port: a small tag with a row per way in (host port, ingress). */
function drawExposure(n: DiagramNode, p: Palette): DrawnNode {
  const d = n.data;
  const rows = [
    ['host', str(d.published)],
    ['http', str(d.ingress)],
  ].filter((r): r is [string, string] => !!r[1]);
  const w = Math.max(n.width ?? 160, 120);
  const h = Math.max(n.height ?? 8 + rows.length * 17, 22);
  const out: string[] = [];
  out.push(`<title>${escapeXml(`Exposure of ${str(d.service) ?? ''} port ${String(d.port ?? '')}`)}</title>`);
  out.push(`<rect${attrs({ x: 0.5, y: 0.5, width: w - 1, height: h - 1, rx: 4, fill: p.accentSoft, stroke: p.accent })}/>`);
  rows.forEach(([kind, text], i) => {
    const y = 4 + i * 17;
    // Bold capitals run wider than the average advance fitText assumes.
    const kw = textWidth(kind.toUpperCase(), 9) * 1.3 + 6;
    out.push(`<rect${attrs({ x: 8, y: y + 2, width: kw, height: 12, rx: 3, fill: p.surface })}/>`);
    out.push(textEl({ x: 11, y: y + 11, 'font-size': 9, 'font-weight': 700, fill: p.accent }, kind.toUpperCase()));
    out.push(
      textEl(
        { class: 'exposure', x: 8 + kw + 4, y: y + 12, 'font-family': FONT_MONO, 'font-size': 11, fill: p.accent },
        fitText(text, w - kw - 24, 11, true),
      ),
    );
  });
  return { svg: group(n, 'node exposure', out), width: w, height: h };
}

/** Node types this exporter does not know in detail (network segments, exposure): a box with kind and name. */
function drawOther(n: DiagramNode, p: Palette): DrawnNode {
  const name = str(n.data.name) ?? str(n.data.label) ?? n.id;
  const w = Math.max(n.width ?? 180, 120);
  const h = Math.max(n.height ?? 44, 36);
  const kind = n.type.slice(0, 3).toUpperCase();
  const out: string[] = [];
  out.push(`<title>${escapeXml(`${n.type} ${name}`)}</title>`);
  out.push(`<rect${attrs({ width: w, height: h, rx: 8, fill: p.surfaceMuted, stroke: p.borderStrong })}/>`);
  out.push(kindChip(kind, PAD, p.accentSoft, p.accent));
  out.push(
    textEl(
      { class: 'node-title', x: PAD + 36, y: 21, 'font-size': 13, 'font-weight': 650, fill: p.text },
      fitText(name, w - PAD * 2 - 36, 13),
    ),
  );
  return { svg: group(n, `node ${n.type.replace(/[^a-z0-9-]/gi, '')}`, out), width: w, height: h };
}

function group(n: DiagramNode, cls: string, parts: string[]): string {
  return `<g${attrs({ class: cls, transform: `translate(${num(n.x)} ${num(n.y)})` })}>${parts.join('')}</g>`;
}

function kindChip(label: string, x: number, fill: string, colour: string): string {
  return (
    `<rect${attrs({ x, y: 9, width: 28, height: 15, rx: 4, fill })}/>` +
    textEl({ x: x + 14, y: 20, 'text-anchor': 'middle', 'font-size': 10, 'font-weight': 700, fill: colour }, label)
  );
}

/** Port chips flowing left to right, wrapping like the canvas's flex-wrap. */
function layoutChips(widths: number[], max: number): Array<{ x: number; row: number; width: number }> {
  const out: Array<{ x: number; row: number; width: number }> = [];
  let x = 0;
  let row = 0;
  for (const width of widths) {
    if (x > 0 && x + width > max) {
      x = 0;
      row++;
    }
    out.push({ x, row, width });
    x += width + CHIP_GAP;
  }
  return out;
}

/** A rectangle whose bottom corners are rounded (the ports footer inside the card). */
function bottomRounded(x: number, y: number, w: number, h: number, r: number): string {
  return `M${num(x)} ${num(y)}H${num(x + w)}V${num(y + h - r)}A${r} ${r} 0 0 1 ${num(x + w - r)} ${num(y + h)}H${num(x + r)}A${r} ${r} 0 0 1 ${num(x)} ${num(y + h - r)}Z`;
}

/** A 14 % tint of a #rrggbb colour over white (what color-mix() does on the canvas). */
export function tint(hex: string, amount = 0.14): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return hex;
  const mix = (c: string | undefined) =>
    Math.round(255 - (255 - Number.parseInt(c ?? 'ff', 16)) * amount)
      .toString(16)
      .padStart(2, '0');
  return `#${mix(m[1])}${mix(m[2])}${mix(m[3])}`;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
