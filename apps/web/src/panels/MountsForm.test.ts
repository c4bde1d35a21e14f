import type { Service } from '@blaupause/model';
import { describe, expect, it } from 'vitest';
import { applyCommand } from '../model/commands';
import { TEMPLATE_ENTRIES } from '../templates/catalog';
import { templateBlueprint } from '../templates/templates';
import { seeded } from '../testing/seeded';
import { mountRow, sameMounts, type VolumeMount, volumeMounts } from './MountsForm';

/** The shared seeded generator (testing/seeded.ts). */
const random = (seed: number): (() => number) => seeded(seed).next;

describe('MountsForm props', () => {
  it('sameMounts holds exactly when the mounts are equal as data, in order (seeded random lists)', () => {
    const r = random(42);
    const one = (): VolumeMount => ({
      container: ['main', 'side'][Math.floor(r() * 2)] ?? 'main',
      source: ['a', 'b', 'c'][Math.floor(r() * 3)] ?? 'a',
      target: ['/data', '/x'][Math.floor(r() * 2)] ?? '/data',
    });
    let equal = 0;
    for (let i = 0; i < 2000; i++) {
      const a = Array.from({ length: Math.floor(r() * 3) }, one);
      const b = r() < 0.3 ? a.map((m) => ({ ...m })) : Array.from({ length: Math.floor(r() * 3) }, one);
      const expected = JSON.stringify(a) === JSON.stringify(b);
      expect(sameMounts(a, b)).toBe(expected);
      if (expected) equal++;
    }
    expect(equal).toBeGreaterThan(300);
  });

  it('volumeMounts lists the volume mounts of every container, not the others', () => {
    const containers = {
      app: {
        role: 'main',
        image: 'x',
        mounts: [
          { type: 'volume', source: 'data', target: '/data' },
          { type: 'bind', source: './conf', target: '/conf' },
        ],
      },
      side: { role: 'sidecar', image: 'y', mounts: [{ type: 'volume', source: 'logs', target: '/logs' }] },
    } as unknown as Service['containers'];
    expect(volumeMounts(containers)).toEqual([
      { container: 'app', source: 'data', target: '/data' },
      { container: 'side', source: 'logs', target: '/logs' },
    ]);
  });

  it("a row's remove takes away that mount only: every row of every service of every template, and of seeded random pods", () => {
    const check = (bp: ReturnType<typeof templateBlueprint>) => {
      let rows = 0;
      for (const [name, service] of Object.entries(bp.services)) {
        const mounts = volumeMounts(service.containers);
        const several = new Set(mounts.map((m) => m.container)).size > 1;
        mounts.forEach((m, i) => {
          const r = applyCommand(bp, mountRow(name, m, several).command);
          if (!r.ok) throw new Error(r.error);
          const left = volumeMounts(r.value.services[name]?.containers ?? {});
          expect(left).toEqual(mounts.filter((_, j) => j !== i));
          // The rest of the document is untouched.
          expect({ ...r.value, services: { ...r.value.services, [name]: undefined } }).toEqual({
            ...bp,
            services: { ...bp.services, [name]: undefined },
          });
          rows++;
        });
      }
      return rows;
    };
    let rows = 0;
    for (const t of TEMPLATE_ENTRIES) rows += check(templateBlueprint(t.id));
    // The patterns template's web pod mounts one volume twice (nginx and git-sync): the case that broke.
    expect(rows).toBeGreaterThan(5);
    const r = random(7);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
    for (let i = 0; i < 200; i++) {
      const bp = templateBlueprint('seed-compose');
      const containers: Service['containers'] = {};
      for (const c of ['main', 'side', 'init'].slice(0, 1 + Math.floor(r() * 3))) {
        const targets = ['/a', '/b', '/c'].filter(() => r() < 0.6);
        containers[c] = {
          role: c === 'main' ? 'main' : c === 'side' ? 'sidecar' : 'init',
          image: 'x:1',
          mounts: targets.map((target) => ({ type: 'volume', source: pick(['v1', 'v2']), target })),
        } as Service['containers'][string];
      }
      const web = bp.services.weba;
      if (!web) throw new Error('seed has weba');
      check({
        ...bp,
        volumes: { v1: { access: 'shared' }, v2: { access: 'shared' } },
        services: { ...bp.services, weba: { ...web, containers } },
      });
    }
  });

  it('a row names its container only when the mounts come from several containers', () => {
    const m = { container: 'git-sync', source: 'content', target: '/content' };
    expect(mountRow('web', m, true)).toMatchObject({ who: 'git-sync', label: 'Unmount content from git-sync at /content' });
    expect(mountRow('web', m, false)).toMatchObject({ who: undefined, label: 'Unmount content at /content' });
  });
});
