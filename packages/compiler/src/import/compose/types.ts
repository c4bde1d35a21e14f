import type { Build, Container, ContainerRole, Healthcheck, LinkCondition, Path, Resources, Rollout } from '@blaupause/model';

export type RestartPolicy = NonNullable<Container['restart']>;

/**
 * The canonical shape (phase 3): every short and long Compose syntax read into one form, still
 * in Compose terms and with Compose names (renaming happens when mapping). `at` is the path of
 * what was written, for diagnostics.
 */

export interface CPort {
  target: number;
  published?: number;
  hostIp?: string;
  protocol: 'tcp' | 'udp';
  name?: string;
  /** From `expose:` (never published). */
  exposeOnly?: boolean;
  at: Path;
}

export interface CMount {
  type: 'volume' | 'bind' | 'tmpfs';
  /** Volume name or host path; undefined for an anonymous volume and for tmpfs. */
  source?: string;
  target: string;
  readOnly?: boolean;
  subPath?: string;
  size?: string;
  at: Path;
}

export interface CFileRef {
  kind: 'config' | 'secret';
  source: string;
  target: string;
  at: Path;
}

export interface CDependency {
  service: string;
  condition: LinkCondition;
  required?: boolean;
  at: Path;
}

export interface CConstraint {
  label: string;
  op: '==' | '!=';
  value: string;
}

export interface CNetworkRef {
  name: string;
  at: Path;
}

export interface CService {
  name: string;
  at: Path;
  image?: string;
  build?: Build;
  entrypoint?: string[];
  command?: string[];
  workingDir?: string;
  user?: string;
  env?: Record<string, string>;
  /** Variables of the env_files (when the caller can read them); `environment` wins over them. */
  envFromFiles?: Record<string, string>;
  labels?: Record<string, string>;
  ports: CPort[];
  mounts: CMount[];
  files: CFileRef[];
  dependsOn: CDependency[];
  healthcheck?: Healthcheck;
  resources?: Resources;
  restart?: RestartPolicy;
  /** deploy.restart_policy.condition; `restart:` wins when both are given. */
  deployRestart?: { policy: RestartPolicy; at: Path };
  privileged?: boolean;
  capAdd?: string[];
  capDrop?: string[];
  devices?: string[];
  readOnly?: boolean;
  networks?: CNetworkRef[];
  profiles?: string[];
  /** `network_mode: service:<name>`: this service becomes a helper container in that service's pod. */
  joins?: { service: string; at: Path };
  hostNetwork?: boolean;
  hostPid?: boolean;
  hostIpc?: boolean;
  mode?: 'replicated' | 'global';
  replicas?: number;
  /** The legacy `scale:`; deploy.replicas wins. */
  scale?: number;
  constraints?: CConstraint[];
  rollout?: Rollout;
  /** From the `x-blaupause-role` extension: the role this service takes as a helper. */
  role?: ContainerRole;
  /** Written by Blaupause's own Compose emitter (it carries the dev.blaupause.role label). */
  fromBlaupause?: boolean;
  /** The container name Blaupause wrote in its dev.blaupause.element label. */
  ownContainer?: string;
}

export const newService = (name: string): CService => ({
  name,
  at: ['services', name],
  ports: [],
  mounts: [],
  files: [],
  dependsOn: [],
});
