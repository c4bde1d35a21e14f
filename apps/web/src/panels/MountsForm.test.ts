import type { Service } from '@blaupause/model';
import { describe, expect, it } from 'vitest';
import { seeded } from '../testing/seeded';
import { sameMounts, type VolumeMount, volumeMounts } from './MountsForm';

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
});
