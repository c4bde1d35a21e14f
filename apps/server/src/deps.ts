import type { Driver, EngineError, Orchestrator, Result, StatusHub, TargetKind } from '@blaupause/engine';
import { type AppResult, appError } from './errors';
import type { DeployRuns } from './services/deploy-runs';
import type { Supervisors } from './services/supervisors';
import type { Workspace } from './services/workspace';

/** One deploy target as the routers see it: its driver and the status hub built over its watch. */
export interface TargetDeps {
  driver: Driver;
  /** One engine watch per project shared by every subscriber, with resumable ids (built over driver.watch). */
  statusHub: StatusHub;
}

/** What the routers need, constructed once in the composition root (main.ts) and injected. */
export interface AppDeps extends TargetDeps {
  workspace: Workspace;
  runs: DeployRuns;
  /**
   * The targets besides the default Docker engine (`driver`/`statusHub` above). A target missing
   * here answers UNSUPPORTED with a hint; one whose engine is not running answers ENGINE_UNREACHABLE
   * from its own driver.
   */
  targets?: Partial<Record<Exclude<TargetKind, 'docker'>, TargetDeps>>;
  /** The Docker target's orchestrator and auto-healing supervisors (absent: those procedures answer UNSUPPORTED). */
  orchestration?: { orchestrator: Orchestrator; supervisors: Supervisors };
  /** The kubeconfig's contexts and the one the Kubernetes target uses (absent: no picker). */
  kube?: KubeContexts;
}

export interface KubeContext {
  name: string;
  cluster: string;
  namespace?: string;
  current: boolean;
}

export interface KubeContexts {
  list(): Promise<{ contexts: KubeContext[]; error?: string }>;
  /** Points the Kubernetes target at another context; NOT_FOUND when the kubeconfig has none of that name. */
  select(name: string): Promise<Result<string> | { ok: false; error: EngineError }>;
}

export const TARGET_LABEL: Record<TargetKind, string> = {
  docker: 'Docker engine',
  swarm: 'Docker Swarm',
  'podman-kube': 'Podman (Kubernetes YAML)',
  kubernetes: 'Kubernetes cluster',
};

/** The driver and status hub of a target; the default Docker one when none is named. */
export function targetOf(deps: AppDeps, kind: TargetKind = 'docker'): AppResult<TargetDeps> {
  if (kind === 'docker') return { ok: true, value: deps };
  const t = deps.targets?.[kind];
  if (t) return { ok: true, value: t };
  return appError('UNSUPPORTED', `This server has no ${TARGET_LABEL[kind]} target.`, {
    hint: 'Start the server with the target enabled (see `blaupause serve --help`), or pick another target.',
  });
}

/** The targets this server offers, the default first. */
export function targetKinds(deps: AppDeps): TargetKind[] {
  return ['docker', ...(Object.keys(deps.targets ?? {}) as Exclude<TargetKind, 'docker'>[])];
}
