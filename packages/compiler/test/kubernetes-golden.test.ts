import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Diagnostic, loadBlueprint } from '@blaupause/model';
import { describe, expect, it } from 'vitest';
import { type CompileOptions, compile } from '../src';
import { importKubernetes } from '../src/import/kubernetes/import-kubernetes';

/**
 * Kubernetes golden cases, one per mapping (golden/kubernetes/<case>/; biome leaves golden/ alone): blueprint.yaml and, where
 * the case needs them, compile options (options.json) → kubernetes.yaml and notes.json (validation
 * and fidelity notes). Each case's YAML is also imported and compiled again: the text must come
 * back the same (ROUND_TRIP would name a case whose YAML holds no trace of a blueprint setting,
 * with the importer's reason). kubernetes-schema.test.ts validates the same files against
 * the official schemas. `vitest -u` rewrites the snapshots; review the diff.
 */

const dir = join(import.meta.dirname, 'golden', 'kubernetes');
const cases = readdirSync(dir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'blueprint.yaml')))
  .map((d) => d.name)
  .sort();

/**
 * Documented normalisations: what the YAML cannot carry back, and the notes the importer gives.
 * None is needed today: links that leave no wait and no variable (completed, optional, to a
 * service without ports) travel in the workload's blaupause.dev/links annotation.
 */
const ROUND_TRIP: Record<string, { expect: (text: string) => string; notes: string[] }> = {};

function run(name: string) {
  const at = (f: string) => join(dir, name, f);
  const loaded = loadBlueprint(readFileSync(at('blueprint.yaml'), 'utf8'), { file: 'blueprint.yaml' });
  const options: CompileOptions = existsSync(at('options.json')) ? JSON.parse(readFileSync(at('options.json'), 'utf8')) : {};
  const result = loaded.blueprint ? compile(loaded.blueprint, 'kubernetes', options) : undefined;
  return { loaded, options, result, at };
}

const format = (ds: readonly Diagnostic[]) =>
  `${JSON.stringify(
    ds.map((d) => ({
      code: d.code,
      severity: d.severity,
      path: d.path.join('.'),
      message: d.message,
      ...(d.hint ? { hint: d.hint } : {}),
    })),
    null,
    2,
  )}\n`;
const summary = (ds: readonly Diagnostic[]) => ds.map((d) => `${d.severity} ${d.code} ${d.path.join('.')}`);

describe('Kubernetes golden cases', () => {
  it('has one case per mapping', () => {
    expect(cases.length).toBeGreaterThanOrEqual(13);
  });

  describe.each(cases)('%s', (name) => {
    const { loaded, options, result, at } = run(name);

    it('loads and validates clean', () => {
      expect(loaded.blueprint).toBeDefined();
      expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    });

    it('kubernetes.yaml', async () => {
      await expect(result?.files[0]?.content).toMatchFileSnapshot(at('kubernetes.yaml'));
    });

    it('notes.json', async () => {
      await expect(format([...loaded.diagnostics, ...(result?.diagnostics ?? [])])).toMatchFileSnapshot(at('notes.json'));
    });

    it('comes back the same through the importer', () => {
      const text = result?.files[0]?.content ?? '';
      const imported = importKubernetes(text, { file: 'kubernetes.yaml' });
      if (!imported.ok) throw new Error(summary(imported.diagnostics).join('\n'));
      const again = compile(imported.value, 'kubernetes', options).files[0]?.content;
      const rule = ROUND_TRIP[name];
      expect(again).toBe(rule ? rule.expect(text) : text);
      expect(summary(imported.diagnostics.filter((d) => d.severity !== 'info' || rule))).toEqual(rule?.notes ?? []);
    });
  });
});
