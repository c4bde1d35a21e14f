import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importKubernetes } from '../../src/import/kubernetes/import-kubernetes';
import { blueprintOf, kubernetesYaml, summary } from './helpers';

/**
 * Every golden kubernetes.yaml of the emitter (test/golden/<case>/) imported and compiled again
 * gives the same text. Where the YAML holds no trace of a blueprint setting, the expected text is
 * normalised, and the importer must say why:
 * - build-and-process: a build-only container runs an image named after the build with
 *   imagePullPolicy IfNotPresent; the build context is not in the YAML, so the policy is reported.
 * (A "completed" link used to need one too; it now travels in the blaupause.dev/links annotation.)
 */
const goldenDir = new URL('../golden/', import.meta.url);
const cases = readdirSync(goldenDir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(new URL(`${d.name}/kubernetes.yaml`, goldenDir)))
  .map((d) => d.name)
  .sort();

const NORMALISE: Record<string, { expect: (text: string) => string; diagnostics: string[] }> = {
  'build-and-process': {
    expect: (text) => text.replace(/^ *imagePullPolicy: IfNotPresent\n/gm, ''),
    diagnostics: ['warning IMPORT_UNSUPPORTED_KEY documents.0.spec.template.spec.containers.0.imagePullPolicy'],
  },
};

describe('golden Kubernetes YAML of the emitter, imported and compiled again', () => {
  it('finds the golden cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });

  it.each(cases)('%s', (name) => {
    const text = readFileSync(new URL(`${name}/kubernetes.yaml`, goldenDir), 'utf8');
    const imported = importKubernetes(text, { file: 'kubernetes.yaml' });
    const again = kubernetesYaml(blueprintOf(imported));
    const normalise = NORMALISE[name];
    expect(again).toBe(normalise ? normalise.expect(text) : text);
    if (normalise) expect(summary(imported.diagnostics)).toEqual(normalise.diagnostics);
    else expect(imported.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });
});
