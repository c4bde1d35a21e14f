import { type Blueprint, type Diagnostic, diag, sortDiagnostics, type Target } from '@blaupause/model';
import { plan as makePlan } from './plan/plan';
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
  const emitter = emitters[target];
  const diagnostics: Diagnostic[] = [];
  const ctx: EmitContext = {
    plan: makePlan(blueprint),
    options: { ...options, kubernetesVersion: options.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION },
    note(kind, path, elementId, message, hint) {
      const code = kind === 'lost' ? 'FIDELITY_LOST' : 'FIDELITY_APPROXIMATED';
      diagnostics.push(diag(code, kind === 'lost' ? 'warning' : 'info', path, message, { elementId, target, ...(hint ? { hint } : {}) }));
    },
  };
  const docs = emitter.emit(ctx);
  const { text, ranges } = emitYamlDocuments(docs);
  return {
    target,
    files: [{ path: emitter.fileName, content: text, sourceMap: ranges }],
    diagnostics: sortDiagnostics(dedupe(diagnostics)),
  };
}

function dedupe(ds: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const k = `${d.code}|${d.path.join('.')}|${d.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
