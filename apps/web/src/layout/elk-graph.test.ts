import { type Blueprint, loadBlueprint } from '@blaupause/model';
import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { applyCommand } from '../model/commands';
import { sameParts, semanticParts } from '../model/semantics';
import {
  ELK_LARGE_OPTIONS,
  ELK_OPTIONS,
  elkPositions,
  LARGE_GRAPH,
  layoutCommand,
  layoutOrigin,
  layoutPositions,
  toElkGraph,
} from './elk-graph';
import { estimateSize, layoutGraph } from './layout-graph';

const TEXT = `apiVersion: blaupause.dev/v1
kind: Blueprint
metadata: { name: shop }
services:
  db:
    containers:
      postgres: { role: main, image: postgres:17, mounts: [{ type: volume, source: data, target: /var/lib/postgresql/data }] }
  api:
    links: [{ to: db }]
    containers:
      app: { role: main, image: api:1 }
      log: { role: sidecar, image: fluent-bit:3 }
  web:
    ports: [{ port: 80, publish: 8080 }]
    links: [{ to: api }]
    containers:
      nginx: { role: main, image: nginx:1.27 }
volumes:
  data: {}
`;

function load(text: string): Blueprint {
  const r = loadBlueprint(text);
  if (!r.blueprint) throw new Error(JSON.stringify(r.diagnostics));
  return r.blueprint;
}

const bp = load(TEXT);

describe('layoutGraph / toElkGraph', () => {
  it('has one node per service and volume and one edge per link and mount, helpers staying inside their service', () => {
    const g = layoutGraph(bp, new Map([['service:web', { width: 300, height: 111 }]]));
    // web's published port is an exposure node drawn left of web: it widens web's box, it is not laid out itself;
    // data, mounted by db only, travels below db
    expect(g.nodes.map((n) => n.id)).toEqual(['service:db', 'service:api', 'service:web']);
    expect(g.edges.map((e) => `${e.source}>${e.target}`).sort()).toEqual(['service:api>service:db', 'service:web>service:api']);
    const db0 = g.nodes.find((n) => n.id === 'service:db');
    expect(db0?.satellites).toEqual([{ id: 'volume:data', x: 0, y: expect.any(Number) }]);
    expect(db0?.height).toBeGreaterThan((db0?.satellites?.[0]?.y ?? 0) + 60);
    // measured sizes win; unmeasured nodes are estimated from what they show (api has two containers)
    const web = g.nodes.find((n) => n.id === 'service:web');
    expect(web?.offset?.x).toBeGreaterThan(0);
    expect(web?.width).toBe(300 + (web?.offset?.x ?? 0));
    expect(web?.height).toBe(111);
    const api = g.nodes.find((n) => n.id === 'service:api');
    const dbOwnHeight = (db0?.satellites?.[0]?.y ?? 0) - 60; // the volume sits 60 px below db's own box
    expect(api?.height).toBeGreaterThan(dbOwnHeight);
    const elk = toElkGraph(g);
    expect(elk.layoutOptions?.['elk.direction']).toBe('RIGHT');
    expect(elk.children).toHaveLength(3);
    expect(elk.edges?.[0]).toMatchObject({ sources: [expect.any(String)], targets: [expect.any(String)] });
  });

  it('trades model order for speed on large graphs', () => {
    const big = { nodes: Array.from({ length: LARGE_GRAPH }, (_, i) => ({ id: `service:s${i}`, width: 240, height: 100 })), edges: [] };
    expect(toElkGraph(big).layoutOptions).toEqual(ELK_LARGE_OPTIONS);
    expect(toElkGraph({ nodes: big.nodes.slice(1), edges: [] }).layoutOptions).toEqual(ELK_OPTIONS);
  });

  it('estimates unknown node types with a default size rather than zero', () => {
    expect(estimateSize({ type: 'network', data: {} })).toEqual({ width: 180, height: 60 });
  });
});

describe('an ELK layout as a command', () => {
  const run = async (doc: Blueprint) => {
    const graph = layoutGraph(doc);
    return layoutPositions(await new ELK().layout(toElkGraph(graph)), { x: 100, y: 40 }, graph);
  };

  it('puts a service left of the services it uses and a volume only it mounts right below it, on the grid', async () => {
    const p = await run(bp);
    const x = (id: string) => p.get(id)?.x ?? Number.NaN;
    expect(x('service:web')).toBeLessThan(x('service:api'));
    expect(x('service:api')).toBeLessThan(x('service:db'));
    expect(x('volume:data')).toBe(x('service:db'));
    expect(p.get('volume:data')?.y).toBeGreaterThan((p.get('service:db')?.y ?? 0) + 60);
    for (const { x: px, y } of p.values()) {
      expect(px % 20).toBe(0);
      expect(y % 20).toBe(0);
    }
    // web's exposure sticks out to its left: the box, not web's own corner, starts at the origin
    expect(x('service:web')).toBeGreaterThan(100);
    expect(Math.min(...[...p.values()].map((q) => q.y))).toBe(40);
  });

  it('is one moveNodes command that changes the layout only, and none when nothing would move', async () => {
    const p = await run(bp);
    const cmd = layoutCommand(bp, p);
    expect(cmd?.kind).toBe('moveNodes');
    const r = applyCommand(bp, cmd ?? { kind: 'batch', commands: [] });
    if (!r.ok) throw new Error(r.error);
    expect(sameParts(semanticParts(bp), semanticParts(r.value))).toBe(true);
    expect(r.value.layout?.nodes['volume:data']).toEqual(p.get('volume:data'));
    expect(layoutCommand(r.value, p)).toBeUndefined();
    expect(layoutOrigin(r.value, layoutGraph(r.value))).toEqual({ x: 100, y: 40 });
  });

  it('skips nodes that were deleted while the layout ran', () => {
    const cmd = layoutCommand(bp, new Map([['service:gone', { x: 0, y: 0 }]]));
    expect(cmd).toBeUndefined();
  });

  it('puts a volume two services share in the layer after both', async () => {
    const shared = load(
      TEXT.replace(
        'app: { role: main, image: api:1 }',
        'app: { role: main, image: api:1, mounts: [{ type: volume, source: data, target: /d }] }',
      ),
    );
    const p = await run(shared);
    const x = (id: string) => p.get(id)?.x ?? Number.NaN;
    expect(layoutGraph(shared).nodes.map((n) => n.id)).toContain('volume:data');
    expect(x('volume:data')).toBeGreaterThan(x('service:db'));
  });

  it('puts network segments in a row above the services, over their members', async () => {
    const withNet = load(
      TEXT.replace('  web:\n', '  web:\n    networks: [front]\n')
        .replace('  api:\n', '  api:\n    networks: [front, back]\n')
        .replace('volumes:\n', 'networks:\n  front: {}\n  back: {}\nvolumes:\n'),
    );
    const graph = layoutGraph(withNet);
    expect(graph.nodes.map((n) => n.id)).not.toContain('network:front');
    const p = elkPositions(withNet, await new ELK().layout(toElkGraph(graph)), { x: 0, y: 0 }, graph);
    const front = p.get('network:front');
    const back = p.get('network:back');
    const services = ['service:web', 'service:api', 'service:db'].map((id) => p.get(id));
    const top = Math.min(...services.map((s) => s?.y ?? 0));
    expect(front?.y).toBeLessThan(top);
    expect(back?.y).toBe(front?.y);
    // front is over web and api, back over api alone: front starts left of back
    expect(front?.x).toBeLessThan(back?.x ?? Number.NaN);
  });

  it('lays out a dependency cycle without failing', async () => {
    const cyclic = load(TEXT.replace('  db:\n', '  db:\n    links: [{ to: web }]\n'));
    const p = await run(cyclic);
    expect(p.size).toBe(4);
  });
});
