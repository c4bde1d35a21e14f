import type { Diagnostic, Path, Target } from '@blaupause/model';
import type { ServiceMemo } from '../incremental/memo';
import type { Plan } from '../plan/plan';

export interface CompileOptions {
  /** Kubernetes minor version the manifests are written for (native sidecars need ≥ 1.29). */
  kubernetesVersion?: string;
  /** Namespace put on namespaced Kubernetes objects; omitted by default (kubectl's current one). */
  namespace?: string;
}

export const DEFAULT_KUBERNETES_VERSION = '1.33';

export interface EmitContext {
  plan: Plan;
  options: Required<Pick<CompileOptions, 'kubernetesVersion'>> & CompileOptions;
  /** Records a fidelity note: what this target cannot express (lost) or expresses approximately. */
  note(kind: 'lost' | 'approximated', path: Path, elementId: string, message: string, hint?: string): void;
  /** Set by the incremental compiler: emitters render each service through it (see incremental/). */
  memo?: ServiceMemo;
}

/** A target: turns the plan into YAML documents (plain objects, tagged with their elements). */
export interface Emitter {
  target: Target;
  fileName: string;
  /**
   * The documents, in output order. They may come lazily (a generator): compile() writes each
   * one as it arrives, so its objects are garbage before the next is built instead of all of
   * them surviving into the old generation. Notes are recorded as a side effect, in order.
   */
  emit(ctx: EmitContext): Iterable<unknown>;
}

export type { Diagnostic };
