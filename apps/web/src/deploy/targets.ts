import type { Target } from '@blaupause/model';
import type { Api } from './api-types';

type Out<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;

/** One target the server offers, with whether its engine answers (engine.targets). */
export type TargetStatus = Out<Api['engine']['targets']['query']>[number];
export type DeployTargetKind = TargetStatus['kind'];

/** The compiled output a target deploys: its fidelity notes are what the user sees before Deploy. */
export const COMPILED_FOR: Record<DeployTargetKind, Target> = {
  docker: 'compose',
  swarm: 'swarm',
  'podman-kube': 'kubernetes',
  kubernetes: 'kubernetes',
};

/** What each target is, in one line, for the picker's help text. */
export const TARGET_HELP: Record<DeployTargetKind, string> = {
  docker: 'The local Docker engine with Compose semantics: one container per pod member, started in link order.',
  swarm: 'A Docker Swarm: services with replicas, rolling updates and rollback (docker stack semantics).',
  'podman-kube': 'The Kubernetes YAML played by the local Podman (podman kube play): pods without a cluster.',
  kubernetes: 'A Kubernetes cluster from your kubeconfig: server-side apply, dry-run preview, pruning of our objects.',
};

const KEY = 'blaupause.deployTarget';

export function savedTarget(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): DeployTargetKind {
  const v = storage?.getItem(KEY);
  return v === 'swarm' || v === 'podman-kube' || v === 'kubernetes' ? v : 'docker';
}

export function saveTarget(kind: DeployTargetKind, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(KEY, kind);
  } catch {
    // Storage full or disabled: the choice lasts for this page only.
  }
}
