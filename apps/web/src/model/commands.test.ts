import { compile, TARGETS } from '@blaupause/compiler';
import { type Blueprint, elementId, validate } from '@blaupause/model';
import { describe, expect, it } from 'vitest';
import { templateBlueprint } from '../templates/templates';
import { applyCommand } from './commands';
import type { Command } from './types';

const seed = () => templateBlueprint('seed-compose');

function apply(bp: Blueprint, ...cmds: Command[]): Blueprint {
  const r = applyCommand(bp, { kind: 'batch', commands: cmds });
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

const compiled = (bp: Blueprint) =>
  TARGETS.map((t) =>
    compile(bp, t)
      .files.map((f) => f.content)
      .join('\n'),
  );

describe('service commands', () => {
  it('adds a service with one main container, placed where asked', () => {
    const bp = apply(seed(), { kind: 'addService', name: 'api', image: 'node:22', at: { x: 10.4, y: 20.6 } });
    expect(bp.services.api?.containers).toEqual({ app: { role: 'main', image: 'node:22' } });
    expect(bp.layout?.nodes[elementId.service('api')]).toEqual({ x: 10, y: 21 });
    expect(validate(bp).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('refuses taken and invalid names without changing the document', () => {
    const bp = seed();
    expect(applyCommand(bp, { kind: 'addService', name: 'weba' })).toMatchObject({ ok: false, error: expect.stringContaining('exists') });
    expect(applyCommand(bp, { kind: 'addService', name: 'Web A' })).toMatchObject({ ok: false });
    expect(applyCommand(bp, { kind: 'renameService', from: 'weba', to: 'webb' })).toMatchObject({ ok: false });
    expect(bp).toEqual(seed());
  });

  it('renames a service in place, with the links to it and its layout', () => {
    const placed = apply(seed(), { kind: 'moveNodes', moves: [{ id: 'service:weba', x: 5, y: 6 }] });
    const bp = apply(placed, { kind: 'renameService', from: 'weba', to: 'web-a' });
    expect(Object.keys(bp.services)).toEqual(['web-a', 'webb', 'haproxy']);
    expect(bp.services.haproxy?.links?.map((l) => l.to)).toEqual(['web-a', 'webb']);
    expect(bp.layout?.nodes).toEqual({ 'service:web-a': { x: 5, y: 6 } });
    expect(validate(bp)).toEqual(validate(seed()));
  });

  it('removes a service with the links pointing to it, leaving no dangling link', () => {
    const bp = apply(seed(), { kind: 'removeService', name: 'weba' }, { kind: 'removeService', name: 'webb' });
    expect(Object.keys(bp.services)).toEqual(['haproxy']);
    expect(bp.services.haproxy).not.toHaveProperty('links');
    expect(validate(bp).map((d) => d.code)).not.toContain('DANGLING_LINK');
  });

  it('duplicates a service with its pod and links; the copy publishes no host port', () => {
    const bp = apply(seed(), { kind: 'duplicateService', name: 'haproxy', as: 'haproxy-2', at: { x: 40, y: 60 } });
    const copy = bp.services['haproxy-2'];
    expect(copy?.containers).toEqual(bp.services.haproxy?.containers);
    expect(copy?.containers).not.toBe(bp.services.haproxy?.containers);
    expect(copy?.links?.map((l) => l.to)).toEqual(['weba', 'webb']);
    expect(copy?.ports).toEqual([{ port: 80, protocol: 'tcp' }]);
    expect(bp.layout?.nodes['service:haproxy-2']).toEqual({ x: 40, y: 60 });
    expect(validate(bp).filter((d) => d.severity === 'error')).toEqual([]);
    expect(applyCommand(bp, { kind: 'duplicateService', name: 'haproxy', as: 'weba' })).toMatchObject({ ok: false });
  });

  it('adds helper containers with a role, but never a second main', () => {
    const bp = apply(seed(), { kind: 'addContainer', service: 'haproxy', name: 'metrics', role: 'adapter', image: 'exporter:1' });
    expect(bp.services.haproxy?.containers.metrics).toEqual({ role: 'adapter', image: 'exporter:1' });
    expect(applyCommand(bp, { kind: 'addContainer', service: 'haproxy', name: 'other', role: 'main' })).toMatchObject({ ok: false });
    expect(applyCommand(bp, { kind: 'addContainer', service: 'haproxy', name: 'metrics', role: 'sidecar' })).toMatchObject({ ok: false });
  });

  it('sets the image and replicas; an empty image is removed and reported by validation', () => {
    const bp = apply(
      seed(),
      { kind: 'setImage', service: 'weba', container: 'nginx', image: ' nginx:1.27 ' },
      { kind: 'setReplicas', service: 'weba', replicas: 3 },
    );
    expect(bp.services.weba?.containers.nginx?.image).toBe('nginx:1.27');
    expect(bp.services.weba?.replicas).toBe(3);
    const empty = apply(bp, { kind: 'setImage', service: 'weba', container: 'nginx', image: '' });
    expect(empty.services.weba?.containers.nginx).not.toHaveProperty('image');
    expect(validate(empty).map((d) => d.code)).toContain('MISSING_IMAGE');
    expect(applyCommand(bp, { kind: 'setReplicas', service: 'weba', replicas: -1 })).toMatchObject({ ok: false });
    expect(applyCommand(bp, { kind: 'setReplicas', service: 'weba', replicas: 1.5 })).toMatchObject({ ok: false });
  });
});

describe('link commands', () => {
  it('adds a link with its condition and removes it again', () => {
    const bp = apply(seed(), { kind: 'addLink', from: 'weba', to: 'webb', condition: 'healthy' });
    expect(bp.services.weba?.links).toEqual([{ to: 'webb', condition: 'healthy' }]);
    const back = apply(bp, { kind: 'removeLink', from: 'weba', to: 'webb' });
    expect(back.services.weba).toEqual(seed().services.weba);
  });

  it('changes a link’s start condition; validation then asks for a healthcheck', () => {
    const bp = apply(seed(), { kind: 'setLinkCondition', from: 'haproxy', to: 'webb', condition: 'healthy' });
    expect(bp.services.haproxy?.links).toEqual([
      { to: 'weba', condition: 'started' },
      { to: 'webb', condition: 'healthy' },
    ]);
    expect(validate(bp).map((d) => d.code)).toContain('NO_HEALTHCHECK');
    expect(compiled(bp)[0]).toContain('condition: service_healthy');
    expect(applyCommand(bp, { kind: 'setLinkCondition', from: 'weba', to: 'webb', condition: 'healthy' })).toMatchObject({ ok: false });
  });

  it('refuses self links, duplicates and unknown targets', () => {
    const bp = seed();
    expect(applyCommand(bp, { kind: 'addLink', from: 'weba', to: 'weba' })).toMatchObject({ ok: false });
    expect(applyCommand(bp, { kind: 'addLink', from: 'haproxy', to: 'weba' })).toMatchObject({ ok: false });
    expect(applyCommand(bp, { kind: 'addLink', from: 'haproxy', to: 'nope' })).toMatchObject({ ok: false });
    expect(applyCommand(bp, { kind: 'removeLink', from: 'weba', to: 'webb' })).toMatchObject({ ok: false });
  });
});

describe('volume commands', () => {
  it('adds a volume and mounts it into the main container', () => {
    const bp = apply(
      seed(),
      { kind: 'addVolume', name: 'data' },
      { kind: 'mountVolume', service: 'weba', volume: 'data', target: '/data' },
    );
    expect(bp.volumes).toEqual({ data: { access: 'single-writer' } });
    expect(bp.services.weba?.containers.nginx?.mounts).toEqual([{ type: 'volume', source: 'data', target: '/data' }]);
    expect(validate(bp).map((d) => d.code)).not.toContain('UNUSED_VOLUME');
    expect(compiled(bp)[0]).toMatch(/source: data\n\s+target: \/data/);
  });

  it('refuses relative targets, unknown volumes and a second mount at one path', () => {
    const bp = apply(
      seed(),
      { kind: 'addVolume', name: 'data' },
      { kind: 'mountVolume', service: 'weba', volume: 'data', target: '/data' },
    );
    expect(applyCommand(bp, { kind: 'mountVolume', service: 'weba', volume: 'data', target: 'data' })).toMatchObject({ ok: false });
    expect(applyCommand(bp, { kind: 'mountVolume', service: 'weba', volume: 'nope', target: '/x' })).toMatchObject({ ok: false });
    expect(applyCommand(bp, { kind: 'mountVolume', service: 'weba', volume: 'data', target: '/data' })).toMatchObject({ ok: false });
  });

  it('unmounts, and removing a volume removes its mounts and its layout', () => {
    const mounted = apply(
      seed(),
      { kind: 'addVolume', name: 'data', at: { x: 1, y: 2 } },
      { kind: 'mountVolume', service: 'weba', volume: 'data', target: '/data' },
    );
    expect(apply(mounted, { kind: 'unmountVolume', service: 'weba', volume: 'data' }).services.weba).toEqual(seed().services.weba);
    // One mount of several: the container and the path say which; the others stay.
    const twice = apply(
      mounted,
      { kind: 'addContainer', service: 'weba', name: 'sync', role: 'sidecar', image: 'sync:1' },
      { kind: 'mountVolume', service: 'weba', volume: 'data', target: '/in', container: 'sync' },
      { kind: 'mountVolume', service: 'weba', volume: 'data', target: '/more' },
    );
    const one = apply(twice, { kind: 'unmountVolume', service: 'weba', volume: 'data', container: 'sync', target: '/in' });
    expect(one.services.weba?.containers.sync?.mounts).toBeUndefined();
    expect(one.services.weba?.containers.nginx?.mounts?.map((m) => m.target)).toEqual(['/data', '/more']);
    const other = apply(twice, { kind: 'unmountVolume', service: 'weba', volume: 'data', container: 'nginx', target: '/data' });
    expect(other.services.weba?.containers.nginx?.mounts?.map((m) => m.target)).toEqual(['/more']);
    expect(other.services.weba?.containers.sync?.mounts?.map((m) => m.target)).toEqual(['/in']);
    expect(
      applyCommand(twice, { kind: 'unmountVolume', service: 'weba', volume: 'data', container: 'sync', target: '/data' }),
    ).toMatchObject({
      ok: false,
    });
    const removed = apply(mounted, { kind: 'removeVolume', name: 'data' });
    expect(removed.services).toEqual(seed().services);
    expect(removed).not.toHaveProperty('volumes');
    expect(removed.layout?.nodes).toEqual({});
  });
});

describe('layout', () => {
  it('moving nodes changes the layout only, never the compiled output', () => {
    const bp = seed();
    const moved = apply(bp, {
      kind: 'moveNodes',
      moves: [
        { id: 'service:weba', x: 400, y: 120 },
        { id: 'service:haproxy', x: -80, y: 3 },
      ],
    });
    expect(moved.layout?.nodes['service:weba']).toEqual({ x: 400, y: 120 });
    expect({ ...moved, layout: undefined }).toEqual({ ...bp, layout: undefined });
    expect(compiled(moved)).toEqual(compiled(bp));
  });

  it('a failing command inside a batch leaves the document as it was', () => {
    const bp = seed();
    const r = applyCommand(bp, {
      kind: 'batch',
      commands: [
        { kind: 'removeService', name: 'weba' },
        { kind: 'removeService', name: 'nope' },
      ],
    });
    expect(r).toMatchObject({ ok: false, error: expect.stringContaining('nope') });
    expect(bp).toEqual(seed());
  });
});
