import { describe, expect, it } from 'vitest';
import { COMPILED_FOR, savedTarget, saveTarget } from './targets';

function memory(): Storage {
  const m = new Map<string, string>();
  return {
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => void m.set(k, v),
    removeItem: (k) => void m.delete(k),
    clear: () => m.clear(),
    key: () => null,
    get length() {
      return m.size;
    },
  };
}

describe('deploy target choice', () => {
  it('is remembered, and anything unknown in storage means the local engine', () => {
    const s = memory();
    expect(savedTarget(s)).toBe('docker');
    saveTarget('podman-kube', s);
    expect(savedTarget(s)).toBe('podman-kube');
    s.setItem('blaupause.deployTarget', 'nomad');
    expect(savedTarget(s)).toBe('docker');
  });

  it('shows the notes of the output each target really runs', () => {
    expect(COMPILED_FOR).toEqual({ docker: 'compose', swarm: 'swarm', 'podman-kube': 'kubernetes', kubernetes: 'kubernetes' });
  });
});
