import { describe, expect, it } from 'vitest';
import { bp } from '../docker/testing';
import { type SwarmDesired, swarmDesired } from './desired';
import { swarmDiff } from './diff';
import type { ObservedStack } from './observe';

const defaults = { endpointMode: 'vip' as const, failureAction: 'rollback' as const, monitor: '5s' };
const stack = (image = 'x', replicas = 1): SwarmDesired => {
  const r = swarmDesired({ project: 'st', blueprint: bp({ services: { a: { replicas, containers: { a: { image } } } } }), defaults });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

/** What the swarm would hold after deploying `d` (ours unless said otherwise). */
function observed(d: SwarmDesired, owned = true): ObservedStack {
  const s = d.services[0]!;
  return {
    services: new Map([
      [s.name, { id: 'svc1', name: s.name, version: 7, owned, hash: s.hash, replicas: s.replicas, image: s.image, spec: s.spec }],
    ]),
    objects: [{ id: 'net1', name: 'st_default', owned, kind: 'network' }],
  };
}
const images = new Set(['x', 'y']);
const diff = (d: SwarmDesired, o: ObservedStack, local: ReadonlySet<string> = images) => {
  const r = swarmDiff(d, o, local, new Set());
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('swarm diff', () => {
  it('creates a new stack: network, then service; a missing image is pulled', () => {
    const d = diff(stack(), { services: new Map(), objects: [] }, new Set());
    expect(d.plan.actions.map((a) => [a.kind, a.elementId, a.reason])).toEqual([['create', 'container:a/a', '1 replica']]);
    expect(d.plan.resources.map((r) => [r.kind, r.resource, r.name])).toEqual([
      ['create', 'image', 'x'],
      ['create', 'network', 'st_default'],
    ]);
    expect(d.plan.noop).toBe(false);
  });

  it('is a no-op when the swarm holds what the blueprint says', () => {
    const d = diff(stack(), observed(stack()));
    expect(d.plan.noop).toBe(true);
    expect(d.plan.actions.map((a) => a.kind)).toEqual(['unchanged']);
  });

  it('updates a changed spec in a rolling update, naming the image change', () => {
    const d = diff(stack('y'), observed(stack('x')));
    expect(d.plan.actions.map((a) => [a.kind, a.reason])).toEqual([['update', 'rolling update: image x → y']]);
  });

  it('scales without an update when only the replica count differs', () => {
    expect(diff(stack('x', 3), observed(stack('x', 1))).plan.actions.map((a) => [a.kind, a.reason])).toEqual([
      ['scale-up', 'replicas 1 → 3'],
    ]);
    expect(diff(stack('x', 1), observed(stack('x', 3))).plan.actions.map((a) => a.kind)).toEqual(['scale-down']);
  });

  it('removes our services and networks the blueprint dropped, never foreign ones', () => {
    const other = observed(stack());
    other.services.set('st_gone', { ...[...other.services.values()][0]!, id: 'svc2', name: 'st_gone' });
    other.services.set('st_theirs', { ...[...other.services.values()][0]!, id: 'svc3', name: 'st_theirs', owned: false });
    other.objects.push(
      { id: 'net2', name: 'st_old', owned: true, kind: 'network' },
      { id: 'net3', name: 'st_x', owned: false, kind: 'network' },
    );
    const d = diff(stack(), other);
    expect(d.services.filter((s) => s.action.kind === 'remove').map((s) => s.observed?.id)).toEqual(['svc2']);
    expect(d.resources.filter((r) => r.action.kind === 'remove').map((r) => r.id)).toEqual(['net2']);
  });

  it('refuses (NOT_OWNED) when a name the stack needs is held by something not ours', () => {
    const r = swarmDiff(stack(), observed(stack(), false), images, new Set());
    expect(r.ok ? undefined : [r.error.code, r.error.elementId]).toEqual(['NOT_OWNED', 'network:default']);
  });
});
