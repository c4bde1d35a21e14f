import { loadBlueprint } from '@blaupause/model';
import { describe, expect, it } from 'vitest';
import { toFlow } from '../flow/to-flow';
import { applyCommand } from '../model/commands';
import { templateBlueprint } from '../templates/templates';
import { diagramFromFlow } from './from-flow';
import { buildSvg } from './svg-builder';
import { xmlProblem } from './testing/xml-wellformed';
import { escapeXml } from './xml';

const NETWORKED = `apiVersion: blaupause.dev/v1
kind: Blueprint
metadata:
  name: net
networks:
  back:
    internal: true
services:
  web:
    networks: [back]
    ports: [{ port: 80, publish: 8080 }]
    containers:
      main: { role: main, image: nginx:1.27 }
  db:
    networks: [back]
    containers:
      main: { role: main, image: postgres:17 }
`;

function templateSvg(id: string) {
  const bp = templateBlueprint(id);
  const flow = toFlow(bp);
  return { bp, flow, svg: buildSvg(diagramFromFlow({ title: bp.metadata.name }, flow.nodes, flow.edges)) };
}

describe('xml check (the test helper itself)', () => {
  it('refuses what is not well-formed', () => {
    expect(xmlProblem('<a><b></a></b>')).toMatch(/does not close/);
    expect(xmlProblem('<a x="1" x="2"/>')).toMatch(/repeated/);
    expect(xmlProblem('<a>fish & chips</a>')).toMatch(/entity/);
    expect(xmlProblem('<a x=1/>')).toMatch(/attribute/);
    expect(xmlProblem('<a/><b/>')).toMatch(/second root/);
    expect(xmlProblem('<a>')).toMatch(/unclosed/);
    expect(xmlProblem('<?xml version="1.0"?>\n<a t="&lt;&amp;&quot;">x &gt; y</a>\n')).toBeUndefined();
  });
});

describe('buildSvg', () => {
  it('draws every template as a well-formed SVG with every service, container, volume and link', () => {
    for (const id of ['seed-compose', 'patterns']) {
      const { bp, flow, svg } = templateSvg(id);
      expect(xmlProblem(svg), id).toBeUndefined();
      expect(svg).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
      expect(svg).not.toContain('foreignObject');
      expect(svg).toContain(`<title id="diagram-title">${bp.metadata.name}</title>`);
      for (const [name, s] of Object.entries(bp.services)) {
        expect(svg, `${id}: service ${name}`).toContain(`<title>Service ${name}</title>`);
        for (const [c, container] of Object.entries(s.containers)) {
          expect(svg, `${id}: container ${c}`).toContain(`>${c}</text>`);
          expect(svg).toContain(`>${container.role}</text>`);
        }
      }
      for (const name of Object.keys(bp.volumes ?? {})) expect(svg).toContain(`<title>Volume ${name}</title>`);
      const links = flow.edges.filter((e) => e.type === 'link').length;
      const mounts = flow.edges.filter((e) => e.type === 'mount').length;
      expect(svg.match(/class="edge link"/g)?.length ?? 0).toBe(links);
      expect(svg.match(/class="edge mount"/g)?.length ?? 0).toBe(mounts);
    }
    expect(templateSvg('seed-compose').svg.match(/>uses · started</g)?.length).toBe(2);
    expect(templateSvg('seed-compose').svg).toContain('80 → host:80');
  });

  it('escapes names from users and drops characters XML forbids', () => {
    const bp = templateBlueprint('seed-compose');
    const flow = toFlow(bp);
    const weba = flow.nodes.find((n) => n.id === 'service:weba');
    if (weba?.type !== 'service') throw new Error('no weba');
    const evil = '<b>&"x\'\u0001';
    const nodes = [{ ...weba, data: { ...weba.data, name: evil, containers: [{ name: 'm&m', role: 'main' as const, image: 'img:<1>' }] } }];
    const svg = buildSvg(diagramFromFlow({ title: 'A & B <"q">', subtitle: 'x < y' }, nodes, []));
    expect(xmlProblem(svg)).toBeUndefined();
    expect(svg).toContain('<title>Service &lt;b&gt;&amp;&quot;x&apos;</title>');
    expect(svg).toContain('>m&amp;m</text>');
    expect(svg).toContain('img:&lt;1&gt;');
    expect(svg).toContain('A &amp; B &lt;&quot;q&quot;&gt;');
    expect(svg).not.toContain('\u0001');
    expect(escapeXml('a\u0000b\uD800c\u{1F600}')).toBe('abc\u{1F600}');
  });

  it('fits the viewBox around what is drawn, wherever the nodes are', () => {
    const bp = templateBlueprint('seed-compose');
    const moved = applyCommand(bp, { kind: 'moveNodes', moves: [{ id: 'service:haproxy', x: -1000, y: 2000 }] });
    if (!moved.ok) throw new Error(moved.error);
    const flow = toFlow(moved.value);
    const svg = buildSvg(diagramFromFlow({ title: 't' }, flow.nodes, flow.edges));
    const [x, y, w, h] = (/viewBox="([^"]+)"/.exec(svg)?.[1] ?? '').split(' ').map(Number) as [number, number, number, number];
    expect(x).toBeLessThan(-1000);
    expect(y + h).toBeGreaterThan(2000 + 60);
    for (const n of flow.nodes) {
      expect(n.position.x).toBeGreaterThanOrEqual(x);
      expect(n.position.x + 220).toBeLessThanOrEqual(x + w);
    }
  });

  it('uses measured sizes and the handles React Flow measured', () => {
    const bp = templateBlueprint('seed-compose');
    const flow = toFlow(bp);
    const internal = (id: string) => {
      const n = flow.nodes.find((x) => x.id === id);
      if (!n) return undefined;
      return {
        measured: { width: 300, height: 120 },
        internals: {
          positionAbsolute: n.position,
          handleBounds: {
            source: [{ id: 'uses', position: 'right', x: 295, y: 55, width: 10, height: 10 }],
            target: [{ id: 'used', position: 'left', x: -5, y: 55, width: 10, height: 10 }],
          },
        },
      };
    };
    const d = diagramFromFlow({ title: 't' }, flow.nodes, flow.edges, internal);
    const haproxy = flow.nodes.find((n) => n.id === 'service:haproxy');
    const weba = flow.nodes.find((n) => n.id === 'service:weba');
    const edge = d.edges.find((e) => e.id === 'link:haproxy->weba');
    expect(d.nodes.find((n) => n.id === 'service:haproxy')).toMatchObject({ width: 300, height: 120 });
    expect(edge?.from).toEqual({ x: (haproxy?.position.x ?? 0) + 305, y: (haproxy?.position.y ?? 0) + 60, side: 'right' });
    expect(edge?.to).toEqual({ x: (weba?.position.x ?? 0) - 5, y: (weba?.position.y ?? 0) + 60, side: 'left' });
    const svg = buildSvg(d);
    expect(svg).toContain(`M${(haproxy?.position.x ?? 0) + 305},${(haproxy?.position.y ?? 0) + 60}`);
    const measured = flow.nodes.filter((n) => !n.parentId).length;
    expect(svg.match(/<rect width="300" height="120"/g)?.length).toBe(measured);
  });

  it('draws network segments, memberships and exposures (children placed on their service)', () => {
    const r = loadBlueprint(NETWORKED, { file: 'n.blueprint.yaml' });
    if (!r.blueprint) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
    const flow = toFlow(r.blueprint);
    const svg = buildSvg(diagramFromFlow({ title: 'net' }, flow.nodes, flow.edges));
    expect(xmlProblem(svg)).toBeUndefined();
    expect(svg).toContain('<title>Network back</title>');
    expect(svg).toContain('>internal</text>');
    expect(svg.match(/class="edge join"/g)?.length).toBe(2);
    expect(svg.match(/class="edge expose"/g)?.length).toBe(1);
    expect(svg).toContain('>:8080 → 80</text>');
    const web = flow.nodes.find((n) => n.id === 'service:web');
    const exposure = flow.nodes.find((n) => n.type === 'exposure');
    const x = (web?.position.x ?? 0) + (exposure?.position.x ?? 0);
    const y = (web?.position.y ?? 0) + (exposure?.position.y ?? 0);
    expect(svg).toContain(`<g class="node exposure" transform="translate(${x} ${y})">`);
  });

  it('draws node types it does not know as labelled boxes, and an empty diagram as a titled page', () => {
    const svg = buildSvg({ title: 'n', nodes: [{ id: 'gateway:back', type: 'gateway', x: 0, y: 0, data: { name: 'back' } }], edges: [] });
    expect(xmlProblem(svg)).toBeUndefined();
    expect(svg).toContain('<title>gateway back</title>');
    expect(svg).toContain('>GAT</text>');
    const empty = buildSvg({ title: 'empty', nodes: [], edges: [] });
    expect(xmlProblem(empty)).toBeUndefined();
    expect(empty).toMatch(/viewBox="-?\d+ -?\d+ \d+ \d+"/);
  });
});
