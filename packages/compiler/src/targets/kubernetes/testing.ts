import { API_VERSION, Blueprint, type Diagnostic, KIND } from '@blaupause/model';
import { plan } from '../../plan/plan';
import { materialize } from '../../yaml';
import { type CompileOptions, DEFAULT_KUBERNETES_VERSION, type EmitContext } from '../emitter';
import type { Obj } from './context';
import { kubernetesEmitter } from './emit';

/** A fidelity note as the emitter records it (compile() turns these into diagnostics). */
export interface Note {
  kind: 'lost' | 'approximated';
  path: Diagnostic['path'];
  elementId: string;
  message: string;
  hint?: string;
}

export interface Emitted {
  docs: Obj[];
  notes: Note[];
  /** The object of this kind and name; throws when there is none (a test failure). */
  get(kind: string, name: string): Obj;
  /** Kind/name of every object, in output order. */
  index(): string[];
}

/**
 * Emits Kubernetes objects for a small inline blueprint (metadata.name "app"), for unit tests
 * in this folder. Defaults are filled by the schema as parseBlueprint would.
 */
export function emitK8s(input: Record<string, unknown>, options: CompileOptions = {}): Emitted {
  const blueprint = Blueprint.parse({ apiVersion: API_VERSION, kind: KIND, metadata: { name: 'app' }, ...input });
  const notes: Note[] = [];
  const ctx: EmitContext = {
    plan: plan(blueprint),
    options: { ...options, kubernetesVersion: options.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION },
    note: (kind, path, elementId, message, hint) =>
      void notes.push({ kind, path: [...path], elementId, message, ...(hint ? { hint } : {}) }),
  };
  const docs = [...kubernetesEmitter.emit(ctx)].map(materialize) as Obj[];
  const name = (d: Obj) => (d.metadata as { name: string }).name;
  return {
    docs,
    notes,
    get(kind, n) {
      const found = docs.find((d) => d.kind === kind && name(d) === n);
      if (!found) throw new Error(`no ${kind} ${n} among ${docs.map((d) => `${d.kind}/${name(d)}`).join(', ')}`);
      return found;
    },
    index: () => docs.map((d) => `${d.kind}/${name(d)}`),
  };
}

/** `{ containers: { main: { image } } }` with optional extras: the smallest valid service. */
export function svc(extra: Record<string, unknown> = {}, main: Record<string, unknown> = {}): Record<string, unknown> {
  return { containers: { main: { image: 'img:1', ...main } }, ...extra };
}

/** Walks a path of keys and indexes into an emitted object. */
export function at(obj: unknown, ...path: (string | number)[]): unknown {
  let cur = obj;
  for (const p of path) cur = (cur as Record<string | number, unknown> | undefined)?.[p];
  return cur;
}

/** The pod spec of a workload. */
export const podSpec = (workload: Obj): Obj => at(workload, 'spec', 'template', 'spec') as Obj;
