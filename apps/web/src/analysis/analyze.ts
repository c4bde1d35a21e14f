import { type CompileResult, compile, createIncrementalCompiler, TARGETS } from '@blaupause/compiler';
import { type Blueprint, type Diagnostic, sortDiagnostics, type Target, validate } from '@blaupause/model';
import { sameParts, semanticParts } from '../model/semantics';

/** Everything derived from the document's semantics: problems and the three compiled targets. */
export interface Analysis {
  /** Semantic validation (validate()). */
  problems: Diagnostic[];
  compiled: Record<Target, CompileResult>;
  /** Fidelity notes of every target, sorted. */
  notes: Diagnostic[];
}

export function analyze(bp: Blueprint): Analysis {
  return analysisOf(bp, (t) => compile(bp, t));
}

/**
 * analyze() over an incremental compiler (see @blaupause/compiler): a service whose object did
 * not change since the last call is not emitted again. Made for the analysis worker, whose
 * documents keep untouched services' identity across edits.
 */
export function createIncrementalAnalyze(): (bp: Blueprint) => Analysis {
  const compiler = createIncrementalCompiler();
  return (bp) => analysisOf(bp, (t) => compiler.compile(bp, t));
}

function analysisOf(bp: Blueprint, compileTo: (t: Target) => CompileResult): Analysis {
  const compiled = Object.fromEntries(TARGETS.map((t) => [t, compileTo(t)])) as Record<Target, CompileResult>;
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

export { blueprintYaml } from '@blaupause/compiler';
