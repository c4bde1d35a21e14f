import { readFileSync } from 'node:fs';
import { type Blueprint, type Diagnostic, parseBlueprint, type Result, readYaml } from '@blaupause/model';
import { compile } from '../../src/compile';
import { importKubernetes, type KubernetesImportOptions } from '../../src/import/kubernetes/import-kubernetes';

export const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
export const example = (name: string): string => readFileSync(new URL(`../../../../examples/${name}`, import.meta.url), 'utf8');

export function importFixture(name: string, opts: KubernetesImportOptions = {}): Result<Blueprint> {
  return importKubernetes(fixture(name), { file: name, ...opts });
}

/** "severity CODE path.joined" per diagnostic, in the importer's (sorted) order. */
export const summary = (ds: readonly Diagnostic[]): string[] => ds.map((d) => `${d.severity} ${d.code} ${d.path.join('.')}`);

/** The blueprint of a successful import; fails the test with the diagnostics otherwise. */
export function blueprintOf(r: Result<Blueprint>): Blueprint {
  if (!r.ok) throw new Error(`import failed:\n${summary(r.diagnostics).join('\n')}`);
  return r.value;
}

/** A blueprint file parsed with the schema (defaults applied), as compile() takes it. */
export function parseBlueprintText(text: string): Blueprint {
  const read = readYaml(text);
  if (!read.ok) throw new Error(summary(read.diagnostics).join('\n'));
  return blueprintOf(parseBlueprint(read.value.value));
}

export const kubernetesYaml = (bp: Blueprint): string => compile(bp, 'kubernetes').files[0]?.content ?? '';
