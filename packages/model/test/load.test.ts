import { describe, expect, it } from 'vitest';
import { loadBlueprint, loadBlueprintValue } from '../src/load';

const VALID = `apiVersion: blaupause.dev/v1
kind: Blueprint
metadata:
  name: shop
services:
  api:
    ports:
      - port: 8080
    containers:
      app:
        image: shop/api:1.0
  web:
    links:
      - to: api
    containers:
      nginx:
        image: nginx:1.27
`;

describe('loadBlueprint', () => {
  it('loads a valid blueprint with defaults applied and nothing to report', () => {
    const r = loadBlueprint(VALID, { file: 'shop.blueprint.yaml' });
    expect(r.ok).toBe(true);
    expect(r.diagnostics).toEqual([]);
    expect(r.blueprint?.services.web?.links?.[0]).toEqual({ to: 'api', condition: 'started' });
    expect(r.blueprint?.services.api?.containers.app?.role).toBe('main');
    expect(r.migratedFrom).toBeUndefined();
  });

  it('stops at unreadable YAML, with positions and no blueprint', () => {
    const r = loadBlueprint('apiVersion: blaupause.dev/v1\nservices:\n\tweb: {}\n', { file: 'x.yaml' });
    expect(r.ok).toBe(false);
    expect(r.blueprint).toBeUndefined();
    expect(r.diagnostics.map((d) => [d.code, d.source?.file, d.source?.line])).toEqual([['YAML_SYNTAX', 'x.yaml', 3]]);
  });

  it('stops at schema errors, each with the line of its key', () => {
    const r = loadBlueprint(VALID.replace('      - port: 8080', '      - port: 80800').replace('shop/api:1.0', '42'), {
      file: 'shop.yaml',
    });
    expect(r.ok).toBe(false);
    expect(r.blueprint).toBeUndefined();
    expect(r.diagnostics.map((d) => [d.code, d.path.join('.'), d.source?.line])).toEqual([
      ['SCHEMA_TYPE', 'services.api.containers.app.image', 11],
      ['SCHEMA_VALUE', 'services.api.ports.0.port', 8],
    ]);
  });

  it('keeps the blueprint when only semantic checks fail, so the canvas can show it', () => {
    const r = loadBlueprint(VALID.replace('      - to: api', '      - to: ap'), { file: 'shop.yaml' });
    expect(r.ok).toBe(false);
    expect(r.blueprint?.services.web?.links?.[0]?.to).toBe('ap');
    expect(r.diagnostics).toEqual([
      {
        code: 'DANGLING_LINK',
        severity: 'error',
        path: ['services', 'web', 'links', 0, 'to'],
        elementId: 'link:web->ap',
        message: 'Service "web" links to "ap", which is not a service of this blueprint.',
        hint: 'Link to an existing service, or add the service.',
        source: { file: 'shop.yaml', line: 14, col: 9 },
      },
    ]);
  });

  it('is ok with warnings, and places defaulted paths at their nearest written ancestor', () => {
    const r = loadBlueprint(VALID.replace('  api:\n', '  api:\n    scaling:\n      min: 2\n      max: 3\n'));
    expect(r.ok).toBe(true);
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.path.join('.'), d.source?.line])).toEqual([
      ['SCALING_RANGE', 'warning', 'services.api.replicas', 6],
    ]);
  });

  it('warns about unknown keys, even beside errors, and drops them', () => {
    const typo = VALID.replace('        image: nginx:1.27', '        image: nginx:1.27\n        imagePullPolicy: Always');
    const r = loadBlueprint(typo);
    expect(r.ok).toBe(true);
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.path.join('.'), d.elementId, d.source?.line])).toEqual([
      ['UNKNOWN_KEY', 'warning', 'services.web.containers.nginx.imagePullPolicy', 'container:web/nginx', 18],
    ]);
    expect(r.blueprint?.services.web?.containers.nginx).not.toHaveProperty('imagePullPolicy');
    const both = loadBlueprint(typo.replace('shop/api:1.0', '42'));
    expect(both.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['SCHEMA_TYPE', 'error'],
      ['UNKNOWN_KEY', 'warning'],
    ]);
  });

  it('reads JSON text too', () => {
    const json = JSON.stringify({
      apiVersion: 'blaupause.dev/v1',
      kind: 'Blueprint',
      metadata: { name: 'j' },
      services: { a: { containers: { main: { image: 'x' } } } },
    });
    const r = loadBlueprint(json);
    expect(r.ok).toBe(true);
    expect(Object.keys(r.blueprint?.services ?? {})).toEqual(['a']);
  });

  it('refuses an unknown apiVersion alone, without schema noise', () => {
    const r = loadBlueprint(VALID.replace('blaupause.dev/v1', 'blaupause.dev/v3'), { file: 'f.yaml' });
    expect(r.ok).toBe(false);
    expect(r.blueprint).toBeUndefined();
    expect(r.diagnostics.map((d) => [d.code, d.source?.line])).toEqual([['UNSUPPORTED_VERSION', 1]]);
  });

  it('reports a missing apiVersion as a schema error', () => {
    const r = loadBlueprint(VALID.replace('apiVersion: blaupause.dev/v1\n', ''));
    expect(r.diagnostics.map((d) => [d.code, d.path.join('.')])).toEqual([['SCHEMA_REQUIRED', 'apiVersion']]);
  });
});

describe('loadBlueprintValue', () => {
  it('checks an in-memory document without positions and never mutates it', () => {
    const doc = {
      apiVersion: 'blaupause.dev/v1',
      kind: 'Blueprint',
      metadata: { name: 'm' },
      services: { a: { links: [{ to: 'b' }], containers: { main: { image: 'x' } } } },
    };
    const before = structuredClone(doc);
    const r = loadBlueprintValue(doc);
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => [d.code, d.source])).toEqual([['DANGLING_LINK', undefined]]);
    expect(doc).toEqual(before);
  });
});
