import { describe, expect, test } from 'vitest';
import { parseCommandLine } from '../src/args';
import { formatProvidePlan } from '../src/commands/images';

/** `blaupause images` options: which images --pull / --build / --rebuild / --provide get. */
describe('images arguments', () => {
  const base = { kind: 'images', file: 'a.yaml', removeUnused: false, json: false };
  test('without a provide option nothing is pulled or built', () => {
    expect(parseCommandLine(['images', 'a.yaml'])).toEqual(base);
  });
  test('--pull, --build, --provide and --rebuild pick the sources', () => {
    expect(parseCommandLine(['images', 'a.yaml', '--pull'])).toEqual({ ...base, provide: { sources: ['pull'], rebuild: false } });
    expect(parseCommandLine(['images', 'a.yaml', '--build'])).toEqual({ ...base, provide: { sources: ['build'], rebuild: false } });
    expect(parseCommandLine(['images', 'a.yaml', '--provide'])).toEqual({
      ...base,
      provide: { sources: ['pull', 'build'], rebuild: false },
    });
    expect(parseCommandLine(['images', 'a.yaml', '--pull', '--build', '-p', 'shop', '--json'])).toEqual({
      ...base,
      project: 'shop',
      json: true,
      provide: { sources: ['pull', 'build'], rebuild: false },
    });
    expect(parseCommandLine(['images', 'a.yaml', '--rebuild'])).toEqual({ ...base, provide: { sources: ['build'], rebuild: true } });
  });
  test('unknown options and values are usage errors', () => {
    expect(parseCommandLine(['images', 'a.yaml', '--pull=yes'])).toMatchObject({ kind: 'usage', command: 'images' });
    expect(parseCommandLine(['images', 'a.yaml', '--fetch'])).toMatchObject({ kind: 'usage', command: 'images' });
  });
  test('the provide plan names each image and what happens to it', () => {
    const plan = (resources: { name: string; reason: string }[]) => ({
      project: 'shop',
      actions: [],
      resources: resources.map((r) => ({ kind: 'create' as const, resource: 'image' as const, ...r })),
      noop: resources.length === 0,
    });
    expect(formatProvidePlan(plan([]), 'shop')).toBe('Nothing to pull or build for project shop: every image is present.\n');
    expect(
      formatProvidePlan(
        plan([
          { name: 'redis:7', reason: 'pull' },
          { name: 'shop-web:bp-1', reason: 'rebuild' },
        ]),
        'shop',
      ),
    ).toBe('Images to provide for project shop:\n  pull       redis:7\n  rebuild    shop-web:bp-1\n');
  });
});
