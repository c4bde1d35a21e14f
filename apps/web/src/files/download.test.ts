import { describe, expect, it } from 'vitest';
import { safeFileName } from './download';

describe('safeFileName', () => {
  it('keeps ordinary names and makes the rest safe for file systems', () => {
    expect(safeFileName('seed-haproxy')).toBe('seed-haproxy');
    expect(safeFileName('../../etc/passwd')).toBe('etc-passwd');
    expect(safeFileName('a:b*c?"d<e>f|g\u0001h')).toBe('a-b-c-d-e-f-g-h');
    expect(safeFileName('  .hidden. ')).toBe('hidden');
    expect(safeFileName('///')).toBe('blueprint');
    expect(safeFileName('x'.repeat(200))).toHaveLength(80);
  });
});
