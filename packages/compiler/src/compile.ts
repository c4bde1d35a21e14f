import { type Blueprint, type Diagnostic, sortDiagnostics, type Target } from '@blaupause/model';
import { type ServiceCache, ServiceMemo } from './incremental/memo';
import { defineLazyText, lazyTextPieces } from './lazy-text';
import { Notes } from './notes';
import { plan as makePlan, type Plan } from './plan/plan';
import { composeEmitter } from './targets/compose/emit';
import { type CompileOptions, DEFAULT_KUBERNETES_VERSION, type EmitContext, type Emitter } from './targets/emitter';
import { kubernetesEmitter } from './targets/kubernetes/emit';
import { swarmEmitter } from './targets/swarm/emit';
import { emitYamlDocumentPieces, type SourceRange } from './yaml';

export type { NotesByMessage } from './notes';

export interface OutputFile {
  path: string;
  /**
   * The file's text. In compile()'s results it is joined from its pieces when first read (a
   * getter; see lazy-text.ts): code that only writes or compares the text can take
   * contentPieces(file) and never join it.
   */
  content: string;
  /** Which lines each blueprint element produced (1-based, inclusive). */
  sourceMap: SourceRange[];
}

export interface CompileResult {
  target: Target;
  files: OutputFile[];
  /** Fidelity notes of this target (semantic validation is separate: see validate()). */
  diagnostics: Diagnostic[];
}

/** The file's text as pieces whose concatenation is `file.content`, without joining them. */
export function contentPieces(file: OutputFile): readonly string[] {
  return lazyTextPieces(file, 'content') ?? [file.content];
}

export const TARGETS: readonly Target[] = ['compose', 'swarm', 'kubernetes'];

const emitters: Record<Target, Emitter> = { compose: composeEmitter, swarm: swarmEmitter, kubernetes: kubernetesEmitter };

/**
 * Compiles a parsed blueprint for one target. Never throws for user mistakes: what the target
 * cannot express comes back as fidelity notes; invalid references are left out (validate() names them).
 */
export function compile(blueprint: Blueprint, target: Target, options: CompileOptions = {}): CompileResult {
  return emitTarget(makePlan(blueprint), target, options);
}

/**
 * Compiles a blueprint for several targets, planning it once (the plan is target-neutral and
 * read-only to emitters). Results come in the order of `targets`; each equals compile()'s.
 */
export function compileAll(blueprint: Blueprint, targets: readonly Target[] = TARGETS, options: CompileOptions = {}): CompileResult[] {
  const plan = makePlan(blueprint);
  return targets.map((target) => emitTarget(plan, target, options));
}

/** With `cache`, services whose inputs did not change since the last compile reuse their output (see incremental/). */
export function emitTarget(plan: Plan, target: Target, options: CompileOptions, cache?: ServiceCache): CompileResult {
  const emitter = emitters[target];
  const notes = new Notes(target, cache !== undefined, cache?.lastNotes);
  const ctx: EmitContext = {
    plan,
    options: { ...options, kubernetesVersion: options.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION },
    note: (kind, path, elementId, message, hint) => notes.add(kind, path, elementId, message, hint),
  };
  if (cache) {
    cache.begin(sharedInputs(plan, ctx.options));
    ctx.memo = new ServiceMemo(cache, notes);
  }
  const docs = emitter.emit(ctx);
  // The text is joined only when read (lazy-text.ts): the canvas's worker compares the incremental
  // compiler's pieces, the CLI writes them out as they are (contentPieces), and a 4.5 MB join into
  // fresh memory is a large part of a cold compile on a busy host (PIPELINE.md, "fourth pass").
  const { pieces, ranges } = emitYamlDocumentPieces(docs, cache !== undefined);
  const file = defineLazyText({ path: emitter.fileName } as OutputFile, 'content', pieces);
  file.sourceMap = ranges; // after `content`: the keys keep the order of an eager file
  return {
    target,
    files: [file],
    diagnostics: cache ? cache.sortNotes(notes.list, notes.byMessage) : sortDiagnostics(notes.list),
  };
}

/**
 * What every service's output may read besides its own definition: the blueprint's shared parts,
 * the options, and the services' names in start order (the Kubernetes emitter reserves names and
 * hands out derived ones in that order). Compared by identity; a change drops every kept output.
 */
function sharedInputs(plan: Plan, options: EmitContext['options']): unknown[] {
  const bp = plan.blueprint;
  let order = '';
  for (const s of plan.services) order += `${s.name}\n`;
  return [
    bp.apiVersion,
    bp.kind,
    bp.metadata,
    bp.parameters,
    bp.volumes,
    bp.networks,
    bp.configs,
    bp.secrets,
    order,
    options.kubernetesVersion,
    options.namespace,
  ];
}
