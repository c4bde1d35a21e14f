import { describe, expect, it } from 'vitest';
import { fitName, isLabelKey, isLabelValue, isPortName, NameAllocator, slug, suffixed } from './names';
import { cpuQuantity, durationSeconds, escapeExpansion, parseKubeVersion, versionAtLeast } from './units';

describe('durationSeconds', () => {
  it('converts whole durations exactly', () => {
    expect(durationSeconds('10s')).toEqual({ value: 10, exact: true });
    expect(durationSeconds('1m30s')).toEqual({ value: 90, exact: true });
    expect(durationSeconds('1h')).toEqual({ value: 3600, exact: true });
    expect(durationSeconds('2000ms')).toEqual({ value: 2, exact: true });
  });
  it('rounds fractions of a second up and says so', () => {
    expect(durationSeconds('500ms')).toEqual({ value: 1, exact: false });
    expect(durationSeconds('1.5s')).toEqual({ value: 2, exact: false });
    expect(durationSeconds('100us')).toEqual({ value: 1, exact: false });
  });
  it('respects a minimum', () => {
    expect(durationSeconds('0s', 1)).toEqual({ value: 1, exact: false });
    expect(durationSeconds('0s')).toEqual({ value: 0, exact: true });
  });
});

describe('cpuQuantity', () => {
  it('writes whole cores plainly and fractions as millicores', () => {
    expect(cpuQuantity(2)).toEqual({ value: '2', exact: true });
    expect(cpuQuantity(0.5)).toEqual({ value: '500m', exact: true });
    expect(cpuQuantity(1.25)).toEqual({ value: '1250m', exact: true });
    expect(cpuQuantity(0.1)).toEqual({ value: '100m', exact: true });
  });
  it('rounds below a millicore up', () => {
    expect(cpuQuantity(0.0001)).toEqual({ value: '1m', exact: false });
    expect(cpuQuantity(0.0015)).toEqual({ value: '2m', exact: false });
  });
});

describe('Kubernetes versions', () => {
  it('parses major.minor with or without v and patch', () => {
    expect(parseKubeVersion('1.29')).toEqual([1, 29]);
    expect(parseKubeVersion('v1.30.2')).toEqual([1, 30]);
    expect(parseKubeVersion('latest')).toBeUndefined();
  });
  it('compares', () => {
    expect(versionAtLeast([1, 29], 1, 29)).toBe(true);
    expect(versionAtLeast([1, 28], 1, 29)).toBe(false);
    expect(versionAtLeast([2, 0], 1, 29)).toBe(true);
  });
});

describe('escapeExpansion', () => {
  it('doubles each $ that Kubernetes would expand or collapse', () => {
    expect(escapeExpansion('$(HOME)')).toBe('$$(HOME)');
    expect(escapeExpansion('a$$b')).toBe('a$$$b');
    expect(escapeExpansion('$HOME ${X} $')).toBe('$HOME ${X} $');
    expect(escapeExpansion('plain')).toBe('plain');
  });
});

describe('names', () => {
  it('fits long names into 63 characters with a stable hash', () => {
    const long = `${'a'.repeat(60)}-headless`;
    const fitted = fitName(long);
    expect(fitted).toHaveLength(63);
    expect(fitted).toBe(fitName(long));
    expect(fitted).not.toBe(fitName(`${'a'.repeat(60)}-canaryxx`));
    expect(fitName('short')).toBe('short');
  });
  it('keeps a suffix readable when shortening', () => {
    const name = 'a'.repeat(60);
    expect(suffixed('web', 'canary')).toBe('web-canary');
    expect(suffixed(name, 'headless')).toMatch(/^a{46}-[0-9a-z]{7}-headless$/);
    expect(suffixed(name, 'headless')).toHaveLength(63);
  });
  it('allocates unique names', () => {
    const names = new NameAllocator();
    names.reserve('x');
    expect([names.take('x'), names.take('x'), names.take('y')]).toEqual(['x-2', 'x-3', 'y']);
  });
  it('slugs free text', () => {
    expect(slug('My Data_dir')).toBe('my-data-dir');
    expect(slug('..')).toBe('');
  });
  it('checks labels and port names', () => {
    expect(isLabelKey('tier')).toBe(true);
    expect(isLabelKey('example.com/tier')).toBe(true);
    expect(isLabelKey('Example.com/tier')).toBe(false);
    expect(isLabelKey('a b')).toBe(false);
    expect(isLabelValue('')).toBe(true);
    expect(isLabelValue('v1.2_x')).toBe(true);
    expect(isLabelValue('has space')).toBe(false);
    expect(isLabelValue('x'.repeat(64))).toBe(false);
    expect(isPortName('http')).toBe(true);
    expect(isPortName('tcp-8080')).toBe(true);
    expect(isPortName('8080')).toBe(false);
    expect(isPortName('a-very-long-port-name')).toBe(false);
    expect(isPortName('a--b')).toBe(false);
  });
});
