import { type CompileResult, compile, emitYaml, TARGETS } from '@blaupause/compiler';
import { type Blueprint, type Diagnostic, sortDiagnostics, type Target, validate } from '@blaupause/model';
import { sameParts, semanticParts } from '../model/semantics';
import { minimalForm } from './minimal-form';

/** Everything derived from the document's semantics: problems and the three compiled targets. */
export interface Analysis {
  /** Semantic validation (validate()). */
  problems: Diagnostic[];
  compiled: Record<Target, CompileResult>;
  /** Fidelity notes of every target, sorted. */
  notes: Diagnostic[];
}

export function analyze(bp: Blueprint): Analysis {
  const compiled = Object.fromEntries(TARGETS.map((t) => [t, compile(bp, t)])) as Record<Target, CompileResult>;
  return { problems: validate(bp), compiled, notes: sortDiagnostics(TARGETS.flatMap((t) => compiled[t].diagnostics)) };
}

/**
 * analyze() remembering its last answer: a document that differs only in layout (a node was moved)
 * is not validated or compiled again. Parts are compared by identity, which commands preserve.
 */
export function createAnalyzer(run: (bp: Blueprint) => Analysis = analyze): (bp: Blueprint) => Analysis {
  let lastParts: readonly unknown[] | undefined;
  let last: Analysis | undefined;
  return (bp) => {
    const parts = semanticParts(bp);
    if (last && sameParts(lastParts, parts)) return last;
    lastParts = parts;
    last = run(bp);
    return last;
  };
}

/**
 * The blueprint as YAML in its minimal form, top-level keys in reading order (layout last), written by the compiler's
 * deterministic writer. The CLI has the same function; both should move into the compiler.
 */
const ORDER = ['apiVersion', 'kind', 'metadata', 'parameters', 'services', 'volumes', 'networks', 'configs', 'secrets'];

export function blueprintYaml(bp: Blueprint): string {
  const source = minimalForm(bp) as Record<string, unknown>;
  const ordered: Record<string, unknown> = {};
  for (const key of ORDER) if (source[key] !== undefined) ordered[key] = source[key];
  for (const key of Object.keys(source)) if (!ORDER.includes(key) && source[key] !== undefined) ordered[key] = source[key];
  return emitYaml(ordered).text;
}
