import type { Blueprint } from '@blaupause/model';
import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import { applyCommand } from '../model/commands';
import type { Command } from '../model/types';
import { templateBlueprint } from '../templates/templates';
import { COLUMN_WIDTH, withDefaultLayout } from './default-layout';
import { NETWORK_GAP, NETWORK_SLOT } from './network-placement';
import { createProjector } from './projector';
import { EXPOSURE_OFFSET, toFlow } from './to-flow';

function build(template: string, ...cmds: Command[]): Blueprint {
  const r = applyCommand(templateBlueprint(template), { kind: 'batch', commands: cmds });
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('toFlow: network segments', () => {
  it('draws a node per declared network, an edge per membership, nothing for the implicit default', () => {
    const bp = build(
      'seed-compose',
      { kind: 'addNetwork', name: 'backend' },
      { kind: 'setNetworkOptions', name: 'backend', options: { internal: true, driver: 'bridge' } },
      { kind: 'joinNetwork', service: 'weba', network: 'backend' },
      { kind: 'joinNetwork', service: 'webb', network: 'backend' },
      { kind: 'joinNetwork', service: 'webb', network: 'default' },
    );
    const { nodes, edges } = toFlow(bp);
    expect(nodes.find((n) => n.id === 'network:backend')).toMatchObject({
      type: 'network',
      // Above the drawing, centred over its members weba and webb (one column, 240 wide).
      position: { x: COLUMN_WIDTH + 120 - NETWORK_SLOT / 2, y: -NETWORK_GAP },
      data: { name: 'backend', internal: true, external: false, driver: 'bridge', members: 2, implicitMembers: 0 },
    });
    const joins = edges.filter((e) => e.type === 'join');
    expect(joins.map((e) => [e.id, e.source, e.sourceHandle, e.target, e.targetHandle])).toEqual([
      ['join:weba->backend', 'service:weba', 'joins', 'network:backend', 'members'],
      ['join:webb->backend', 'service:webb', 'joins', 'network:backend', 'members'],
    ]);
    // webb also joins the undeclared default network: a chip on the node, not a node of its own.
    expect(nodes.find((n) => n.id === 'service:webb')?.data).toMatchObject({ otherNetworks: ['default'] });
    expect(nodes.find((n) => n.id === 'service:haproxy')?.data).toMatchObject({ otherNetworks: [] });
    expect(nodes.some((n) => n.id === 'network:default')).toBe(false);
  });

  it('a declared default network counts the services that name no network, without edges', () => {
    const bp = build('seed-compose', { kind: 'addNetwork', name: 'default' }, { kind: 'joinNetwork', service: 'weba', network: 'default' });
    const { nodes, edges } = toFlow(bp);
    expect(nodes.find((n) => n.id === 'network:default')?.data).toMatchObject({ members: 1, implicitMembers: 2 });
    expect(edges.filter((e) => e.type === 'join').map((e) => e.id)).toEqual(['join:weba->default']);
  });

  it('selects networks and memberships; withDefaultLayout pins network nodes too', () => {
    const bp = build('seed-compose', { kind: 'addNetwork', name: 'backend' }, { kind: 'joinNetwork', service: 'weba', network: 'backend' });
    const { nodes, edges } = toFlow(bp, [], ['network:backend', 'join:weba->backend']);
    expect(nodes.find((n) => n.id === 'network:backend')?.selected).toBe(true);
    expect(edges.find((e) => e.id === 'join:weba->backend')?.selected).toBe(true);
    expect(withDefaultLayout(bp).layout?.nodes['network:backend']).toEqual({ x: COLUMN_WIDTH + 120 - NETWORK_SLOT / 2, y: -NETWORK_GAP });
  });
});

describe('toFlow: exposure', () => {
  it('draws one exposure node per published or ingress port, as a child of its service, with an edge into it', () => {
    const bp = build(
      'seed-compose',
      { kind: 'addPort', service: 'haproxy', port: 8404 },
      { kind: 'addPort', service: 'haproxy', port: 443 },
      { kind: 'setExposure', service: 'haproxy', port: 443, exposure: { ingress: { host: 'shop.example.test', path: '/api' } } },
    );
    const { nodes, edges } = toFlow(bp);
    const exposures = nodes.filter((n) => n.type === 'exposure');
    expect(exposures.map((n) => [n.id, n.parentId, n.position, n.draggable, n.selectable, n.deletable])).toEqual([
      ['exposure:haproxy/80/tcp', 'service:haproxy', { x: EXPOSURE_OFFSET.x, y: EXPOSURE_OFFSET.y }, false, false, false],
      [
        'exposure:haproxy/443/tcp',
        'service:haproxy',
        { x: EXPOSURE_OFFSET.x, y: EXPOSURE_OFFSET.y + EXPOSURE_OFFSET.row },
        false,
        false,
        false,
      ],
    ]);
    expect(exposures.map((n) => n.data)).toEqual([
      expect.objectContaining({ service: 'haproxy', port: 80, published: ':80 → 80', ingress: undefined }),
      expect.objectContaining({ service: 'haproxy', port: 443, published: undefined, ingress: 'shop.example.test/api → 443' }),
    ]);
    // React Flow needs a parent before its children.
    const index = (id: string) => nodes.findIndex((n) => n.id === id);
    expect(index('service:haproxy')).toBeLessThan(index('exposure:haproxy/80/tcp'));
    expect(edges.filter((e) => e.type === 'expose').map((e) => [e.source, e.target, e.targetHandle])).toEqual([
      ['exposure:haproxy/80/tcp', 'service:haproxy', 'used'],
      ['exposure:haproxy/443/tcp', 'service:haproxy', 'used'],
    ]);
  });

  it('shows the host address and TLS; the patterns template exposes web on the host and through an ingress', () => {
    const { nodes } = toFlow(templateBlueprint('patterns'));
    expect(nodes.find((n) => n.id === 'exposure:web/80/tcp')?.data).toMatchObject({
      published: ':8080 → 80',
      ingress: 'web.example.test/ → 80',
    });
    expect(nodes.some((n) => n.id.startsWith('exposure:redis/'))).toBe(false);
  });

  it('exposure nodes follow their service when it moves: the projector keeps them as they are', () => {
    const project = createProjector();
    const bp = templateBlueprint('seed-compose');
    const none: never[] = [];
    const first = project(bp, none, none);
    const moved = applyCommand(bp, { kind: 'moveNodes', moves: [{ id: 'service:haproxy', x: 500, y: 500 }] });
    if (!moved.ok) throw new Error(moved.error);
    const second = project(moved.value, none, none);
    const before = first.nodes.find((n) => n.id === 'exposure:haproxy/80/tcp');
    expect(second.nodes.find((n) => n.id === 'exposure:haproxy/80/tcp')).toBe(before);
    expect(second.nodes.find((n) => n.id === 'service:haproxy')?.position).toEqual({ x: 500, y: 500 });
    expect(moved.value.layout?.nodes['exposure:haproxy/80/tcp']).toBeUndefined();
  });

  it('a note about a port marks its exposure node, not the service', () => {
    const bp = templateBlueprint('patterns');
    const { notes, problems } = analyze(bp);
    const { nodes } = toFlow(bp, [...problems, ...notes]);
    const exposure = nodes.find((n) => n.id === 'exposure:web/80/tcp');
    expect(exposure?.data.notes).toContainEqual({ target: 'compose', lost: true, message: expect.stringMatching(/no ingress/) });
    const web = nodes.find((n) => n.id === 'service:web');
    expect(web?.data.notes.some((n) => /no ingress/.test(n.message))).toBe(false);
  });
});
