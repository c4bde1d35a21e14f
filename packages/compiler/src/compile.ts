import { type Blueprint, type Diagnostic, diag, type Path, sortDiagnostics, type Target } from '@blaupause/model';
import { type NoteCall, type NoteSink, type ServiceCache, ServiceMemo } from './incremental/memo';
import { plan as makePlan, type Plan } from './plan/plan';
import { composeEmitter } from './targets/compose/emit';
import { type CompileOptions, DEFAULT_KUBERNETES_VERSION, type EmitContext, type Emitter } from './targets/emitter';
import { kubernetesEmitter } from './targets/kubernetes/emit';
import { swarmEmitter } from './targets/swarm/emit';
import { emitYamlDocuments, type SourceRange } from './yaml';

export interface OutputFile {
  path: string;
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
  const notes = new Notes(target, cache?.lastNotes);
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
  const { text, ranges } = emitYamlDocuments(docs);
  return {
    target,
    files: [{ path: emitter.fileName, content: text, sourceMap: ranges }],
    diagnostics: cache ? cache.sortNotes(notes.list, notes.byMessage) : sortDiagnostics(notes.list),
  };
}

/**
 * Fidelity notes of one compile, without duplicates (same code, path and message; the first one
 * is kept). Duplicates are found by message first, then by comparing paths segment by segment,
 * so no key string is built from the path.
 */
class Notes implements NoteSink {
  readonly list: Diagnostic[] = [];
  recording: NoteCall[] | undefined;
  readonly byMessage: NotesByMessage = new Map();

  /**
   * `previous`: the notes of the last incremental compile of this target, by message. A note made
   * again with the same content is given that compile's object, so notes stay the same objects
   * from compile to compile (as replayed ones are) and sorting them starts from a sorted run.
   */
  constructor(
    private readonly target: Target,
    private readonly previous?: NotesByMessage,
  ) {}

  add(kind: 'lost' | 'approximated', path: Path, elementId: string, message: string, hint?: string): void {
    if (this.recording === undefined && this.previous === undefined) {
      // A plain compile: no call kept for replaying, no earlier note to reuse.
      const code = kind === 'lost' ? 'FIDELITY_LOST' : 'FIDELITY_APPROXIMATED';
      const same = this.byMessage.get(message);
      if (same === undefined || !repeats(same, code, path))
        this.keep(diag(code, kind === 'lost' ? 'warning' : 'info', path, message, this.extra(elementId, hint)), message, same);
      return;
    }
    const call: NoteCall = { kind, path, elementId, message, hint, made: undefined };
    this.recording?.push(call);
    this.replay(call);
  }

  /**
   * Records a note unless it repeats one (same code, path and message). The diagnostic made for
   * a call is kept on it, so a replayed note (see incremental/) is the same object again.
   */
  replay(call: NoteCall): void {
    const { kind, path, message } = call;
    const code = kind === 'lost' ? 'FIDELITY_LOST' : 'FIDELITY_APPROXIMATED';
    const same = this.byMessage.get(message);
    if (same !== undefined && repeats(same, code, path)) return;
    call.made ??=
      this.earlier(code, call) ?? diag(code, kind === 'lost' ? 'warning' : 'info', path, message, this.extra(call.elementId, call.hint));
    this.keep(call.made, message, same);
  }

  /** What a note carries besides code, severity, path and message (no hint key when there is none). */
  private extra(elementId: string, hint: string | undefined): Partial<Diagnostic> {
    return hint ? { elementId, target: this.target, hint } : { elementId, target: this.target };
  }

  private keep(d: Diagnostic, message: string, same: Diagnostic | Diagnostic[] | undefined): void {
    this.list.push(d);
    if (same === undefined) this.byMessage.set(message, d);
    else if (Array.isArray(same)) same.push(d);
    else this.byMessage.set(message, [same, d]);
  }

  /** The last compile's note equal to the one `call` makes (code, path, message, element, hint), if any. */
  private earlier(code: Diagnostic['code'], call: NoteCall): Diagnostic | undefined {
    const before = this.previous?.get(call.message);
    if (before === undefined) return undefined;
    const equal = (d: Diagnostic) =>
      d.code === code && d.elementId === call.elementId && d.hint === (call.hint || undefined) && samePath(d.path, call.path);
    return Array.isArray(before) ? before.find(equal) : equal(before) ? before : undefined;
  }
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

/** Notes by message: one, or several with different paths or codes. */
export type NotesByMessage = Map<string, Diagnostic | Diagnostic[]>;

function samePath(a: Path, b: Path): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Whether a note of this code and path is among the notes with its message already. */
const repeats = (same: Diagnostic | Diagnostic[], code: Diagnostic['code'], path: Path): boolean =>
  Array.isArray(same) ? same.some((d) => isDuplicate(d, code, path)) : isDuplicate(same, code, path);

function isDuplicate(d: Diagnostic, code: Diagnostic['code'], path: Path): boolean {
  if (d.code !== code || d.path.length !== path.length) return false;
  for (let i = 0; i < path.length; i++) if (String(d.path[i]) !== String(path[i])) return false;
  return true;
}
