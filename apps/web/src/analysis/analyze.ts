import { type CompileResult, compile, createIncrementalCompiler, TARGETS } from '@blaupause/compiler';
import { type Blueprint, createValidator, type Diagnostic, sortDiagnostics, type Target, validate } from '@blaupause/model';
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
 * documents keep untouched services' identity across edits. With `only` (AnalysisRequest.only)
 * just those targets are compiled; the problems and the other targets stay as in the last answer.
 * A target (and the problems) already made from the same semantic parts (by identity: the
 * worker's document keeps them) is not made again: the whole analysis asked for right after a
 * partial one compiles the two other targets and validates, not the shown target once more.
 * Validation is incremental too (createValidator): only what the edit can alter is checked again.
 */
export function createIncrementalAnalyze(): (bp: Blueprint, only?: readonly Target[]) => Analysis {
  const compiler = createIncrementalCompiler();
  const notes = createNotesJoin();
  const validator = createValidator();
  /** The semantic parts each target was last compiled from, and the problems last validated from. */
  const madeFrom: Partial<Record<Target | 'problems', readonly unknown[]>> = {};
  let last: Analysis | undefined;
  return (bp, only) => {
    const parts = semanticParts(bp);
    const partial = only !== undefined && last !== undefined;
    const stale = (partial ? only : TARGETS).filter((t) => !sameParts(madeFrom[t], parts));
    // One plan for the targets compiled (compile() would plan the document once per target).
    const results = stale.length > 0 ? compiler.compileAll(bp, stale) : [];
    const compiled = { ...last?.compiled } as Record<Target, CompileResult>;
    stale.forEach((t, i) => {
      compiled[t] = results[i] as CompileResult;
    });
    let problems = last?.problems;
    if (!partial && (!problems || !sameParts(madeFrom.problems, parts))) problems = validator(bp);
    for (const t of stale) madeFrom[t] = parts;
    if (!partial) madeFrom.problems = parts;
    last = { problems: problems as Diagnostic[], compiled, notes: notes(compiled) };
    return last;
  };
}

function analysisOf(bp: Blueprint, compileTo: (t: Target) => CompileResult): Analysis {
  const compiled = Object.fromEntries(TARGETS.map((t) => [t, compileTo(t)])) as Record<Target, CompileResult>;
  return { problems: validate(bp), compiled, notes: sortDiagnostics(TARGETS.flatMap((t) => compiled[t].diagnostics)) };
}

/**
 * The notes of every target sorted as analysisOf sorts them, from the incremental compiler's
 * results, keeping identities while nothing changed. An edit of one service makes its notes again
 * as the same objects (the compiler's notes by message), so each target's sorted list is usually
 * the same notes in the same order: that target's list is then the array answered last time (the
 * worker's delta skips it by identity), and with all three kept so is the joined list. Otherwise
 * the joined list starts from the last one's order (a part of a sorted list is sorted) and only
 * notes new since then are sorted in, as ServiceCache.sortNotes does per target. Equal to
 * sortDiagnostics of all notes: each target's notes are distinct under its order and the order
 * compares targets, so no two notes compare equal.
 */
export function createNotesJoin(): (compiled: Record<Target, CompileResult>) => Diagnostic[] {
  const kept = {} as Record<Target, Diagnostic[] | undefined>;
  let joined: Diagnostic[] = [];
  return (compiled) => {
    let changed = false;
    for (const t of TARGETS) {
      const result = compiled[t];
      const was = kept[t];
      if (was && sameItems(was, result.diagnostics)) result.diagnostics = was;
      else {
        kept[t] = result.diagnostics;
        changed = true;
      }
    }
    if (!changed) return joined;
    const fresh = new Set<Diagnostic>();
    for (const t of TARGETS) for (const d of compiled[t].diagnostics) fresh.add(d);
    const seed: Diagnostic[] = [];
    for (const d of joined) if (fresh.delete(d)) seed.push(d);
    for (const d of fresh) seed.push(d);
    joined = fresh.size === 0 ? seed : sortDiagnostics(seed);
    return joined;
  };
}

const sameItems = <T>(a: readonly T[], b: readonly T[]): boolean => {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};

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
