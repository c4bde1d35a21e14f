import { type Blueprint, validate } from '@blaupause/model';
import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import { applyCommand } from '../model/commands';
import type { Command } from '../model/types';
import { templateBlueprint } from '../templates/templates';
import { COLUMN_WIDTH, ROW_HEIGHT, withDefaultLayout } from './default-layout';
import { toFlow } from './to-flow';

function build(...cmds: Command[]): Blueprint {
  const r = applyCommand(templateBlueprint('seed-compose'), { kind: 'batch', commands: cmds });
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('toFlow', () => {
  it('projects services with their pod, ports and replicas', () => {
    const bp = build(
      { kind: 'addContainer', service: 'haproxy', name: 'metrics', role: 'adapter', image: 'exporter:1' },
      { kind: 'setReplicas', service: 'weba', replicas: 3 },
    );
    const { nodes } = toFlow(bp);
    expect(nodes.map((n) => n.id)).toEqual(['service:weba', 'service:webb', 'service:haproxy', 'exposure:haproxy/80/tcp']);
    const haproxy = nodes.find((n) => n.id === 'service:haproxy');
    expect(haproxy?.type).toBe('service');
    expect(haproxy?.data).toMatchObject({
      name: 'haproxy',
      replicas: 1,
      containers: [
        { name: 'haproxy', role: 'main', image: 'qaware/haproxy' },
        { name: 'metrics', role: 'adapter', image: 'exporter:1' },
      ],
      ports: [{ port: 80, publish: 80 }],
    });
    expect(nodes.find((n) => n.id === 'service:weba')?.data).toMatchObject({ replicas: 3 });
  });

  it('projects links with their condition and mounts as service → volume edges', () => {
    const bp = build(
      { kind: 'addVolume', name: 'data' },
      { kind: 'mountVolume', service: 'weba', volume: 'data', target: '/data' },
      { kind: 'addContainer', service: 'weba', name: 'sync', role: 'sidecar', image: 'git-sync:4' },
      { kind: 'mountVolume', service: 'weba', volume: 'data', target: '/repo', container: 'sync' },
    );
    const { nodes, edges } = toFlow(bp);
    expect(nodes.find((n) => n.id === 'volume:data')).toMatchObject({ type: 'volume', data: { name: 'data', access: 'single-writer' } });
    expect(edges.map((e) => [e.id, e.type, e.source, e.target])).toEqual([
      ['mount:weba->data', 'mount', 'service:weba', 'volume:data'],
      ['expose:haproxy/80/tcp', 'expose', 'exposure:haproxy/80/tcp', 'service:haproxy'],
      ['link:haproxy->weba', 'link', 'service:haproxy', 'service:weba'],
      ['link:haproxy->webb', 'link', 'service:haproxy', 'service:webb'],
    ]);
    expect(edges[0]?.data).toEqual({ targets: ['/data', '/repo'] });
    expect(edges[2]?.data).toMatchObject({ condition: 'started' });
  });

  it('places unplaced nodes on a deterministic grid: users left of what they use, volumes last', () => {
    const bp = build({ kind: 'addVolume', name: 'data' });
    const at = Object.fromEntries(toFlow(bp).nodes.flatMap((n) => (n.parentId ? [] : [[n.id, n.position]])));
    expect(at).toEqual({
      'service:haproxy': { x: 0, y: 0 },
      'service:weba': { x: COLUMN_WIDTH, y: 0 },
      'service:webb': { x: COLUMN_WIDTH, y: ROW_HEIGHT },
      'volume:data': { x: 2 * COLUMN_WIDTH, y: 0 },
    });
    expect(toFlow(bp)).toEqual(toFlow(bp));
  });

  it('withDefaultLayout pins unplaced nodes where they are shown, so drawing a link moves nothing', () => {
    const bp = build({ kind: 'moveNodes', moves: [{ id: 'service:webb', x: -40, y: 600 }] });
    const pinned = withDefaultLayout(bp);
    expect(toFlow(pinned)).toEqual(toFlow(bp));
    expect(Object.keys(pinned.layout?.nodes ?? {}).sort()).toEqual(['service:haproxy', 'service:weba', 'service:webb']);
    expect(pinned.layout?.nodes['service:webb']).toEqual({ x: -40, y: 600 });
    expect(withDefaultLayout(pinned)).toBe(pinned);
    const linked = applyCommand(pinned, { kind: 'addLink', from: 'weba', to: 'webb' });
    if (!linked.ok) throw new Error(linked.error);
    expect(toFlow(linked.value).nodes.map((n) => n.position)).toEqual(toFlow(pinned).nodes.map((n) => n.position));
  });

  it('takes positions from the layout', () => {
    const bp = build({ kind: 'moveNodes', moves: [{ id: 'service:webb', x: -40, y: 600 }] });
    expect(toFlow(bp).nodes.find((n) => n.id === 'service:webb')?.position).toEqual({ x: -40, y: 600 });
  });

  it('survives cycles and marks nodes with their worst problem; containers mark their service', () => {
    const bp = build(
      { kind: 'addLink', from: 'weba', to: 'haproxy' },
      { kind: 'setImage', service: 'webb', container: 'nginx', image: '' },
    );
    const diagnostics = [...validate(bp), ...analyze(bp).notes];
    const { nodes, edges } = toFlow(bp, diagnostics);
    expect(nodes.find((n) => n.id === 'service:webb')?.data).toMatchObject({
      severity: 'error',
      problems: [expect.stringMatching(/image/)],
    });
    expect(diagnostics.map((d) => d.code)).toContain('DEPENDENCY_CYCLE');
    expect(edges.filter((e) => e.type === 'link')).toHaveLength(3);
    expect(nodes.every((n) => Number.isFinite(n.position.x))).toBe(true);
  });

  it('carries the selection onto nodes and edges', () => {
    const { nodes, edges } = toFlow(templateBlueprint('seed-compose'), [], ['service:weba', 'link:haproxy->webb']);
    expect(nodes.filter((n) => n.selected).map((n) => n.id)).toEqual(['service:weba']);
    expect(edges.filter((e) => e.selected).map((e) => e.id)).toEqual(['link:haproxy->webb']);
  });
});
