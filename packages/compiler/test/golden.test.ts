import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Diagnostic, loadBlueprint, sortDiagnostics } from '@blaupause/model';
import { describe, expect, it } from 'vitest';
import { compile, TARGETS } from '../src';

/**
 * Golden files: every folder golden/<case>/ holding blueprint.yaml is compiled to every target
 * and compared with compose.yaml, swarm.yaml and kubernetes.yaml beside it, and all diagnostics
 * (validation and fidelity notes, sorted) with diagnostics.json. An unexpected diagnostic fails
 * the test like unexpected output does. `vitest -u` rewrites the files; review the diff.
 */

const here = dirname(fileURLToPath(import.meta.url));
const goldenDir = join(here, 'golden');
const cases = readdirSync(goldenDir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(goldenDir, d.name, 'blueprint.yaml')))
  .map((d) => d.name)
  .sort();

/** One diagnostic per block, keys in a fixed order, path as one string: diffs stay readable. */
function formatDiagnostics(ds: readonly Diagnostic[]): string {
  const rows = ds.map((d) => ({
    code: d.code,
    severity: d.severity,
    ...(d.target ? { target: d.target } : {}),
    path: d.path.join('.'),
    ...(d.elementId ? { elementId: d.elementId } : {}),
    message: d.message,
    ...(d.hint ? { hint: d.hint } : {}),
    ...(d.source ? { source: `${d.source.line}:${d.source.col}` } : {}),
  }));
  return `${JSON.stringify(rows, null, 2)}\n`;
}

function run(name: string) {
  const text = readFileSync(join(goldenDir, name, 'blueprint.yaml'), 'utf8');
  const loaded = loadBlueprint(text, { file: 'blueprint.yaml' });
  const diagnostics = [...loaded.diagnostics];
  const outputs = new Map<string, string>();
  if (loaded.blueprint)
    for (const target of TARGETS) {
      const result = compile(loaded.blueprint, target);
      diagnostics.push(...result.diagnostics);
      for (const file of result.files) outputs.set(file.path, file.content);
    }
  return { loaded, outputs, diagnostics: sortDiagnostics(diagnostics) };
}

describe('golden cases', () => {
  it('finds the cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });

  describe.each(cases)('%s', (name) => {
    const { loaded, outputs, diagnostics } = run(name);

    it('loads the blueprint', () => {
      expect(loaded.blueprint, formatDiagnostics(loaded.diagnostics)).toBeDefined();
    });

    it.each(['compose.yaml', 'swarm.yaml', 'kubernetes.yaml'])('%s', async (file) => {
      expect(outputs.has(file)).toBe(true);
      await expect(outputs.get(file)).toMatchFileSnapshot(join('golden', name, file));
    });

    it('diagnostics.json', async () => {
      await expect(formatDiagnostics(diagnostics)).toMatchFileSnapshot(join('golden', name, 'diagnostics.json'));
    });
  });
});
