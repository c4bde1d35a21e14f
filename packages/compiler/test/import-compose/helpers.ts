import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Blueprint, Diagnostic, Result } from '@blaupause/model';
import { type ImportComposeOptions, importCompose } from '../../src/import/compose/import-compose';

export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

export const fixture = (name: string): string => readFileSync(`${FIXTURES}${name}`, 'utf8');

/** "CODE path.to.key" for every diagnostic, in the order reported: what most tests compare. */
export const codes = (r: { diagnostics: readonly Diagnostic[] }): string[] => r.diagnostics.map((d) => `${d.code} ${d.path.join('.')}`);

/** The blueprint of a successful import; fails the test (with the diagnostics) otherwise. */
export function imported(text: string, opts?: ImportComposeOptions): { bp: Blueprint; diagnostics: Diagnostic[] } {
  const r: Result<Blueprint> = importCompose(text, opts);
  if (!r.ok) throw new Error(`import failed:\n${codes(r).join('\n')}`);
  return { bp: r.value, diagnostics: r.diagnostics };
}

/** The main container of a service (named after the service, as the importer names it). */
export function main(bp: Blueprint, service: string) {
  const c = bp.services[service]?.containers[service];
  if (!c) throw new Error(`no container ${service} in service ${service}`);
  return c;
}
