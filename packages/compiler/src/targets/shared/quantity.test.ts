import { describe, expect, it } from 'vitest';
import { formatDockerBytes, quantityToBytes, quantityToDockerBytes } from './quantity';

describe('quantityToBytes', () => {
  it.each([
    ['0', 0n],
    ['1', 1n],
    ['1k', 1000n],
    ['1Ki', 1024n],
    ['256Mi', 268_435_456n],
    ['1Gi', 1_073_741_824n],
    ['1.5Gi', 1_610_612_736n],
    ['100M', 100_000_000n],
    ['1G', 1_000_000_000n],
    ['2Ti', 2_199_023_255_552n],
    ['1P', 1_000_000_000_000_000n],
    ['0.5Ki', 512n],
  ])('%s = %s bytes', (q, bytes) => {
    expect(quantityToBytes(q)).toBe(bytes);
  });

  it('rounds a fractional byte count up, as Kubernetes does', () => {
    expect(quantityToBytes('1.0001k')).toBe(1001n); // 1000.1 bytes
    expect(quantityToBytes('0.1')).toBe(1n);
  });

  it('is exact where floating point is not', () => {
    expect(quantityToBytes('1.1Gi')).toBe(1_181_116_007n); // 1181116006.4 rounded up
    expect(quantityToBytes('4.3G')).toBe(4_300_000_000n);
  });

  it.each(['', 'Mi', '1MB', '1mi', '-1Gi', '1e3', '1 Gi', '1.Gi'])('refuses %j', (q) => {
    expect(quantityToBytes(q)).toBeUndefined();
  });
});

describe('Docker byte values (binary units b, k, m, g)', () => {
  it.each([
    ['256Mi', '256m'],
    ['512Mi', '512m'],
    ['1Gi', '1g'],
    ['1.5Gi', '1536m'],
    ['64Ki', '64k'],
    ['1Ti', '1024g'],
    ['100M', '100000000b'],
    ['1G', '1000000000b'],
    ['2048k', '2000k'],
    ['1k', '1000b'],
    ['0', '0'],
  ])('%s → %s', (q, docker) => {
    expect(quantityToDockerBytes(q)).toBe(docker);
  });

  it('uses the largest unit that divides exactly', () => {
    expect(formatDockerBytes(3n * 1024n ** 3n)).toBe('3g');
    expect(formatDockerBytes(1024n ** 3n + 1024n ** 2n)).toBe('1025m');
    expect(formatDockerBytes(1536n)).toBe('1536b'); // 1.5k: Docker units take whole numbers only
    expect(formatDockerBytes(7n)).toBe('7b');
  });

  it('is undefined for a malformed quantity', () => {
    expect(quantityToDockerBytes('lots')).toBeUndefined();
  });
});
