import type { Blueprint, Diagnostic } from '@blaupause/model';
import type { DangerFinding } from './policy/finding';

export type { DangerCode, DangerFinding } from './policy/finding';

/**
 * The one interface every deploy driver implements (DESIGN §9.6): constructed in the composition
 * root (server, CLI) and injected, never created on import. Errors are data: operations that can
 * fail return `Result`, streams carry error events; only the CLI decides exit codes and the
 * server maps errors to tRPC codes in one place.
 *
 * This is the shared contract between packages/engine, apps/server and apps/web (through the
 * server's router types). Extend it; do not break it without updating all three.
 */

export type Result<T> = { ok: true; value: T } | { ok: false; error: EngineError };

export type EngineErrorCode =
  | 'ENGINE_UNREACHABLE'
  | 'ENGINE_RESTARTED'
  | 'INVALID_BLUEPRINT'
  | 'INVALID_NAME'
  | 'BUSY'
  | 'IMAGE_PULL_FAILED'
  | 'IMAGE_MISSING'
  | 'PORT_IN_USE'
  | 'DEPENDENCY_FAILED'
  | 'DEPENDENCY_TIMEOUT'
  | 'CONTAINER_EXITED'
  | 'CRASH_LOOP'
  | 'NOT_FOUND'
  | 'NOT_OWNED'
  /** A blueprint feature this driver cannot deploy yet (e.g. build contexts, inline configs). */
  | 'UNSUPPORTED'
  /** The caller's AbortSignal fired; what was done so far stays (and is labelled). */
  | 'CANCELLED'
  /** The payload has dangerous settings not acknowledged by id (DeployOptions.acknowledge); nothing was created. */
  | 'DANGEROUS_SETTINGS'
  /** Kubernetes server-side apply: a field we set is owned by another field manager; never forced. */
  | 'FIELD_CONFLICT'
  /** A rolling update or canary failed (a new replica did not turn healthy in time) and was rolled back. */
  | 'ROLLED_BACK'
  /** An image build (a container's `build:`) failed; `step` names the Dockerfile step. */
  | 'BUILD_FAILED'
  | 'ENGINE_ERROR';

export interface EngineError {
  code: EngineErrorCode;
  message: string;
  /** What to do about it, for a person. */
  hint?: string;
  /** The blueprint element concerned (service:x, container:x/c, volume:v …), when there is one. */
  elementId?: string;
  /** Validation diagnostics when code is INVALID_BLUEPRINT. */
  diagnostics?: Diagnostic[];
  /** CONTAINER_EXITED / CRASH_LOOP / DEPENDENCY_*: what the engine last reported. */
  exitCode?: number;
  restarts?: number;
  /** The container's last log lines (CONTAINER_EXITED, CRASH_LOOP, DEPENDENCY_FAILED). */
  logTail?: string[];
  /** BUILD_FAILED: the Dockerfile step that failed ("Step 2/3 : RUN false" or "RUN false"). */
  step?: string;
  /** DANGEROUS_SETTINGS: the findings that were not acknowledged. */
  dangers?: DangerFinding[];
}

/**
 * The deploy targets (DESIGN §4): the local Docker engine (1-level, Compose semantics), a Swarm
 * (stack semantics), Kubernetes YAML played by the local Podman, and a Kubernetes cluster (the
 * user's kubeconfig). Every target has its own Driver; the server and the CLI pick one by this name.
 */
export const TARGET_KINDS = ['docker', 'swarm', 'podman-kube', 'kubernetes'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export interface EngineInfo {
  kind: 'docker' | 'podman' | 'swarm' | 'kubernetes';
  /** Where it was reached: unix socket path or tcp URL (DOCKER_HOST). */
  endpoint: string;
  version: string;
  apiVersion: string;
  os: string;
  arch: string;
  containersRunning: number;
  swarm: boolean;
}

/** DESIGN §5 states. */
export type ContainerState =
  | 'pending'
  | 'creating'
  | 'starting'
  | 'running'
  | 'healthy'
  | 'unhealthy'
  | 'restarting'
  | 'exited'
  | 'crash-looping'
  | 'removed';

export interface ContainerStatus {
  project: string;
  service: string;
  /** Container name inside the pod (the blueprint's container key). */
  container: string;
  /** 1-based replica number (com.docker.compose.container-number). */
  replica: number;
  /** Blueprint element id: container:<service>/<container>. */
  elementId: string;
  /** Engine container id, once one exists. */
  id?: string;
  state: ContainerState;
  exitCode?: number;
  restarts: number;
  image: string;
  /** Published host ports: "127.0.0.1:8080->80/tcp". */
  ports: string[];
  /** Engine time of the change this status reflects, ms since epoch. */
  at: number;
  message?: string;
}

export interface ContainerStats {
  id: string;
  elementId: string;
  replica: number;
  cpuPercent: number;
  memoryBytes: number;
  memoryLimitBytes: number;
  at: number;
}

/** The status stream: a full snapshot on (re)connect, then changes. */
export type StatusEvent =
  | { kind: 'snapshot'; project?: string; containers: ContainerStatus[]; at: number }
  | { kind: 'change'; status: ContainerStatus }
  | { kind: 'stats'; stats: ContainerStats }
  | { kind: 'engine'; connected: boolean; message?: string; at: number };

/** `start`: the container is as desired but not running (e.g. after an engine restart); it is started, not recreated. */
/** `update`: changed in place (Kubernetes server-side apply: the cluster rolls the pods itself). */
export type PlanActionKind = 'create' | 'recreate' | 'update' | 'remove' | 'unchanged' | 'scale-up' | 'scale-down' | 'start';

export interface PlanAction {
  kind: PlanActionKind;
  service: string;
  /** Pod container, when the action is about one container. */
  container?: string;
  replica?: number;
  elementId: string;
  /** Why (e.g. "changed: image; env DEBUG" for a recreate). */
  reason?: string;
}

export interface ResourceAction {
  kind: 'create' | 'keep' | 'remove';
  /** secret / config: the Swarm driver's (their data never appears in a plan or event). */
  resource: 'network' | 'volume' | 'image' | 'secret' | 'config';
  name: string;
  elementId?: string;
  reason?: string;
}

export interface DeployPlan {
  project: string;
  actions: PlanAction[];
  resources: ResourceAction[];
  /** True when applying would make no mutating engine call. */
  noop: boolean;
  /** Dangerous settings of the final payload; apply needs every id in DeployOptions.acknowledge. */
  dangers?: DangerFinding[];
  /**
   * Fidelity notes of this target (FIDELITY_LOST / FIDELITY_APPROXIMATED): what the engine ignores
   * or approximates, e.g. Podman's kube play running one replica. Shown before deploy.
   */
  notes?: Diagnostic[];
}

export type ProgressEvent =
  | { kind: 'plan'; plan: DeployPlan }
  | { kind: 'step'; action: PlanAction | ResourceAction; phase: 'started' | 'done' | 'failed'; message?: string; at: number }
  | { kind: 'pull'; image: string; status: string; current?: number; total?: number; at: number }
  /** Image build output (a container's `build:`), one line of the engine's stream per event. */
  | { kind: 'build'; image: string; elementId?: string; text: string; at: number }
  | { kind: 'wait'; service: string; on: string; condition: 'started' | 'healthy' | 'completed'; at: number }
  | { kind: 'error'; error: EngineError; at: number }
  | { kind: 'done'; ok: boolean; durationMs: number; at: number }
  | RolloutEvent;

/**
 * One step of an orchestrator operation on one replica (docker/orchestrate): scale, rolling
 * update, canary, promote, abort. `version` is the config hash (12 chars) the replica runs after the step.
 */
export interface RolloutEvent {
  kind: 'rollout';
  service: string;
  replica: number;
  phase: RolloutPhase;
  message?: string;
  version?: string;
  at: number;
}

export type RolloutPhase =
  /** A new replica was created and started (beside the old one when start-first). */
  | 'started'
  /** The new replica passed its health check (or runs, without one). */
  | 'healthy'
  /** The old replica is being stopped: the engine waits up to the stop timeout for it to exit (then SIGKILL). */
  | 'stopping'
  /** The old replica was stopped and set aside (kept until the operation commits). */
  | 'retired'
  /** The new replica did not become healthy within its deadline. */
  | 'failed'
  /** The old replica runs again (rollback or canary abort), under its own id. */
  | 'restored'
  /** The set-aside old replica was removed (the operation committed). */
  | 'committed'
  /** Scale: a replica was added / removed. */
  | 'added'
  | 'removed'
  /** Canary: the canaries run; promote or abort next. */
  | 'paused';

export interface DeploymentSummary {
  project: string;
  services: string[];
  containers: number;
  running: number;
  /** Blueprint hash stored in our labels at the last apply. */
  blueprintHash?: string;
  updatedAt?: number;
}

export interface LogLine {
  id: string;
  elementId: string;
  replica: number;
  stream: 'stdout' | 'stderr';
  /** Engine timestamp, ms since epoch. */
  at: number;
  text: string;
}

export interface DeployOptions {
  project: string;
  /** Folder of the blueprint file: relative bind sources and config files resolve inside it. */
  baseDir?: string;
  /**
   * Ids of the dangerous settings (DeployPlan.dangers) the user acknowledged, itemised: apply
   * refuses unless every finding is listed. Ids not found are ignored (they cannot cover others).
   */
  acknowledge?: readonly string[];
  signal?: AbortSignal;
}

export interface DestroyOptions {
  /** Named volumes to delete too (by blueprint volume name); others are kept. */
  volumes?: string[];
  /** Delete every named volume of the project (ours by label; external ones are never ours). */
  allVolumes?: boolean;
  signal?: AbortSignal;
}

export interface LogOptions {
  project: string;
  service: string;
  container?: string;
  replica?: number;
  tail?: number;
  follow?: boolean;
  signal?: AbortSignal;
}

export interface Driver {
  info(): Promise<Result<EngineInfo>>;
  plan(blueprint: Blueprint, options: DeployOptions): Promise<Result<DeployPlan>>;
  /** Plans again and converges; one apply per project at a time (a second gets BUSY). */
  apply(blueprint: Blueprint, options: DeployOptions): AsyncIterable<ProgressEvent>;
  destroy(project: string, options?: DestroyOptions): AsyncIterable<ProgressEvent>;
  list(): Promise<Result<DeploymentSummary[]>>;
  /** Snapshot, then changes from the engine's event stream; re-snapshots after reconnects. */
  watch(project: string | undefined, signal: AbortSignal): AsyncIterable<StatusEvent>;
  logs(options: LogOptions): AsyncIterable<LogLine>;
}
