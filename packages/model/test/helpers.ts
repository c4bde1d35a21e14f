import { expect } from 'vitest';
import type { Diagnostic } from '../src/diagnostics/diagnostic';
import { type LoadResult, loadBlueprint } from '../src/load';
import type { Blueprint } from '../src/schema/blueprint';
import { validate } from '../src/validate/validate';

const HEADER = 'apiVersion: blaupause.dev/v1\nkind: Blueprint\nmetadata:\n  name: test\n';

/** Loads a blueprint from the YAML after its header (services, volumes, ...). */
export const load = (body: string): LoadResult => loadBlueprint(HEADER + body, { file: 'test.blueprint.yaml' });

/** The blueprint of a body that must pass the schema. */
export function blueprint(body: string): Blueprint {
  const r = load(body);
  // Without a blueprint the schema failed; unknown keys would mean a typo in the test's YAML.
  expect(r.blueprint === undefined ? r.diagnostics : []).toEqual([]);
  expect(r.diagnostics.filter((d) => d.code === 'UNKNOWN_KEY')).toEqual([]);
  return r.blueprint as Blueprint;
}

/** Semantic diagnostics of a body. */
export const check = (body: string): Diagnostic[] => validate(blueprint(body));

/** Diagnostics of one code. */
export const of = (ds: readonly Diagnostic[], code: Diagnostic['code']): Diagnostic[] => ds.filter((d) => d.code === code);

export const codes = (ds: readonly Diagnostic[]): string[] => ds.map((d) => d.code);

/** A service with one main container (nginx), as YAML lines indented under `services:`. */
export const svc = (name: string, extra = '', container = ''): string =>
  `  ${name}:\n${extra}    containers:\n      main:\n        image: nginx:1.27\n${container}`;
