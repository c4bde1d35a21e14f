import { describe, expect, it } from 'vitest';
import { seeded } from '../testing/seeded';
import { withEntry } from './doc';

describe('withEntry', () => {
  it('answers what the object literal { ...record, [key]: value } answers, as a new object (seeded keys)', () => {
    const { next } = seeded(7);
    for (let round = 0; round < 200; round++) {
      const record: Record<string, number> = {};
      const size = Math.floor(next() * 30);
      for (let i = 0; i < size; i++) record[`k${Math.floor(next() * 40)}`] = i;
      const key = next() < 0.5 ? `k${Math.floor(next() * 40)}` : `new${round}`;
      const frozen = JSON.stringify(record);
      const got = withEntry(record, key, -1);
      const want = { ...record, [key]: -1 };
      expect(got).not.toBe(record);
      expect(Object.entries(got)).toEqual(Object.entries(want));
      expect(JSON.stringify(record)).toBe(frozen);
    }
  });

  it('makes __proto__ an own key, as the literal does', () => {
    const got = withEntry<unknown>({ a: 1 }, '__proto__', { x: 1 });
    expect(Object.hasOwn(got, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(got)).toBe(Object.prototype);
  });
});
