import { type CompileResult, compileAll } from '@blaupause/compiler';
import {
  type Blueprint,
  checkBudget,
  DEFAULT_LIMITS,
  type Diagnostic,
  type LoadResult,
  loadBlueprint,
  loadBlueprintValue,
  type Target,
} from '@blaupause/model';
import { type AppResult, appError } from '../errors';
import type { BlueprintInput } from '../schemas';

/**
 * Never trust the client (DESIGN §1): whatever the browser validated, the server reads the blueprint
 * again with the model's budgets and checks before compiling or deploying it.
 */
export function load(input: BlueprintInput): LoadResult {
  if ('text' in input) return loadBlueprint(input.text);
  // A document arrives as JSON: it gets the node and depth budget a YAML file gets from the reader.
  const over = checkBudget(input.document, DEFAULT_LIMITS);
  return over ? { ok: false, diagnostics: [over] } : loadBlueprintValue(input.document);
}

export interface ValidateAnswer {
  ok: boolean;
  diagnostics: Diagnostic[];
  name?: string;
}

export function validateBlueprint(input: BlueprintInput): ValidateAnswer {
  const r = load(input);
  return { ok: r.ok, diagnostics: r.diagnostics, ...(r.blueprint ? { name: r.blueprint.metadata.name } : {}) };
}

export interface CompileAnswer extends ValidateAnswer {
  /** Empty when the blueprint has errors: an invalid blueprint is not compiled (as in the CLI). */
  results: CompileResult[];
}

export function compileBlueprint(input: BlueprintInput, targets: readonly Target[]): CompileAnswer {
  const r = load(input);
  const base = { ok: r.ok, diagnostics: r.diagnostics, ...(r.blueprint ? { name: r.blueprint.metadata.name } : {}) };
  if (!r.ok || !r.blueprint) return { ...base, results: [] };
  return { ...base, results: compileAll(r.blueprint, targets) };
}

/** The blueprint when it has no errors; otherwise INVALID_BLUEPRINT with every diagnostic. */
export function requireValid(input: BlueprintInput): AppResult<Blueprint> {
  const r = load(input);
  if (r.ok && r.blueprint) return { ok: true, value: r.blueprint };
  const errors = r.diagnostics.filter((d) => d.severity === 'error').length;
  return appError('INVALID_BLUEPRINT', `The blueprint has ${errors} error${errors === 1 ? '' : 's'}; fix them before deploying.`, {
    diagnostics: r.diagnostics,
  });
}
