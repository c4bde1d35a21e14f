import { describe, expect, it } from 'vitest';
import { readSnap, SNAP_KEY, writeSnap } from './snap-pref';

const memory = () => {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
};

describe('snap to grid preference', () => {
  it('is on by default and remembers being turned off and on', () => {
    const s = memory();
    expect(readSnap(s)).toBe(true);
    writeSnap(s, false);
    expect(s.m.get(SNAP_KEY)).toBe('off');
    expect(readSnap(s)).toBe(false);
    writeSnap(s, true);
    expect(readSnap(s)).toBe(true);
  });

  it('works without storage and with storage that throws', () => {
    expect(readSnap(undefined)).toBe(true);
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
    };
    expect(readSnap(broken)).toBe(true);
    expect(() => writeSnap(broken, false)).not.toThrow();
  });
});
