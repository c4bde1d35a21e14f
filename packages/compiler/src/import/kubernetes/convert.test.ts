import { describe, expect, it } from 'vitest';
import { unescapeExpansion } from './container';
import { cpuCores, dnsLabel, fileStem, isBase64, isGeneratedLabel, sizeQuantity, uniqueName, utf8Bytes } from './convert';

describe('conversions', () => {
  it('makes DNS-1123 labels of Kubernetes names and keeps them unique', () => {
    expect(dnsLabel('nginx.conf')).toBe('nginx-conf');
    expect(dnsLabel('My_App--v2.')).toBe('my-app-v2');
    expect(dnsLabel('x'.repeat(70))).toBe('x'.repeat(63));
    expect(dnsLabel('...')).toBe('x');
    expect(uniqueName('web', new Set(['web', 'web-2']))).toBe('web-3');
    expect(uniqueName('a'.repeat(63), new Set(['a'.repeat(63)]))).toBe(`${'a'.repeat(61)}-2`);
  });

  it('reads CPU and memory quantities', () => {
    expect(cpuCores('500m')).toBe(0.5);
    expect(cpuCores('100m')).toBe(0.1);
    expect(cpuCores('2')).toBe(2);
    expect(cpuCores(1.5)).toBe(1.5);
    expect(cpuCores('1e3')).toBeUndefined();
    expect(cpuCores('0')).toBeUndefined();
    expect(sizeQuantity('256Mi')).toBe('256Mi');
    expect(sizeQuantity(1048576)).toBe('1048576');
    expect(sizeQuantity('1Ei')).toBeUndefined();
  });

  it('checks base64 the way the API server decodes it, and counts UTF-8 bytes', () => {
    expect(isBase64('aGVsbG8=')).toBe(true);
    expect(isBase64('aGVs\nbG8=\n')).toBe(true);
    expect(isBase64('aGVsbG8')).toBe(false);
    expect(isBase64('a=Vs')).toBe(false);
    expect(utf8Bytes('aé€😀')).toBe(1 + 2 + 3 + 4);
  });

  it('knows the labels the emitter writes itself', () => {
    expect(
      ['app.kubernetes.io/name', 'app.kubernetes.io/part-of', 'network.blaupause.dev/backend', 'blaupause.dev/role'].every(
        isGeneratedLabel,
      ),
    ).toBe(true);
    expect(['app', 'tier', 'app.kubernetes.io/version', 'notblaupause.dev/x'].some(isGeneratedLabel)).toBe(false);
  });

  it('derives a blueprint name from a file name', () => {
    expect(fileStem('deploy/shop.k8s.yaml')).toBe('shop');
    expect(fileStem('C:\\work\\app.yml')).toBe('app');
    expect(fileStem('manifests.json')).toBe('manifests');
  });

  it('reads $$ as $ and reports $(VAR) references', () => {
    const refs: string[] = [];
    expect(unescapeExpansion('a$$b $(HOME) $$(X) $5', () => refs.push('ref'))).toBe('a$b $(HOME) $(X) $5');
    expect(refs).toEqual(['ref']);
  });
});
