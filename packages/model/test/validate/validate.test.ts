import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnosticCodes } from '../../src/diagnostics/codes';
import { sortDiagnostics } from '../../src/diagnostics/diagnostic';
import { loadBlueprint } from '../../src/load';
import { validate } from '../../src/validate/validate';
import { blueprint, check, of, svc } from '../helpers';

const examples = new URL('../../../../examples/', import.meta.url);

describe('validate', () => {
  it('warns about an empty blueprint', () => {
    const ds = of(check('services: {}\n'), 'EMPTY_BLUEPRINT');
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({
      severity: 'warning',
      path: ['services'],
      elementId: 'blueprint',
      message: 'The blueprint "test" has no services.',
    });
  });

  it('finds nothing to say about a clean blueprint', () => {
    expect(check(`services:\n${svc('web', '    ports:\n      - port: 80\n        publish: 8080\n')}`)).toEqual([]);
  });

  it.each(readdirSync(examples).filter((f) => f.endsWith('.blueprint.yaml')))('finds nothing to say about examples/%s', (file) => {
    const r = loadBlueprint(readFileSync(new URL(file, examples), 'utf8'), { file });
    expect(r.diagnostics).toEqual([]);
    expect(r.ok).toBe(true);
  });

  it('gives every diagnostic a code, severity, path, element id, message and hint, in a stable order', () => {
    const body = `services:\n${svc('b', '    links:\n      - to: a\n      - to: zz\n')}${svc('a', '    links:\n      - to: b\n        condition: healthy\n')}volumes:\n  unused: {}\n`;
    const bp = blueprint(body);
    const ds = validate(bp);
    expect(ds.length).toBeGreaterThanOrEqual(4);
    for (const d of ds) {
      expect(d.elementId).toMatch(/^(blueprint|service:|container:|link:|volume:|network:|config:|secret:)/);
      expect(d.message.length).toBeGreaterThan(10);
      expect(d.hint?.length).toBeGreaterThan(5);
    }
    expect(validate(structuredClone(bp))).toEqual(ds);
    expect(sortDiagnostics(ds)).toEqual(ds);
  });

  it('has tests for every code the checks can report', () => {
    const dir = new URL('../../src/validate/', import.meta.url);
    const tests = new URL('./', import.meta.url);
    const literals = (d: URL) =>
      readdirSync(d)
        .filter((f) => f.endsWith('.ts'))
        .flatMap((f) => readFileSync(new URL(f, d), 'utf8').match(/'[A-Z][A-Z0-9_]+'/g) ?? []);
    const reported = new Set(literals(dir).filter((l) => (diagnosticCodes as string[]).includes(l.slice(1, -1))));
    const tested = new Set(literals(tests));
    expect(reported.size).toBeGreaterThan(40);
    expect([...reported].filter((c) => !tested.has(c))).toEqual([]);
  });

  it('never throws on a blueprint the canvas left half-built', () => {
    const bp = blueprint(`services:\n${svc('web')}`);
    const half = { ...bp, services: { web: { ...bp.services.web, containers: undefined }, api: { replicas: 1, mode: 'replicated' } } };
    expect(() => validate(half as never)).not.toThrow();
    expect(of(validate(half as never), 'NO_MAIN_CONTAINER').map((d) => d.path[1])).toEqual(['api', 'web']);
  });
});
