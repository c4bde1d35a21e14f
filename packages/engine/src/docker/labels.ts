/**
 * Names and labels of what the Docker driver creates. The com.docker.compose.* labels follow
 * Compose's conventions so `docker compose ls/ps` and other tools recognise the deployment; the
 * dev.blaupause.* labels say the resource is ours (nothing without them is ever changed or removed)
 * and map a container back to its canvas element. The engine is the state store: listing by these
 * labels rebuilds every deployment after a backend restart (DESIGN §5).
 */

export const LABEL = {
  project: 'com.docker.compose.project',
  service: 'com.docker.compose.service',
  number: 'com.docker.compose.container-number',
  configHash: 'com.docker.compose.config-hash',
  oneoff: 'com.docker.compose.oneoff',
  network: 'com.docker.compose.network',
  volume: 'com.docker.compose.volume',
  managed: 'dev.blaupause.managed',
  element: 'dev.blaupause.element',
  blueprintService: 'dev.blaupause.service',
  container: 'dev.blaupause.container',
  role: 'dev.blaupause.role',
  /** A fingerprint per part of the configuration (config-parts.ts): a recreate's plan names what changed. Not hashed. */
  configParts: 'dev.blaupause.config-parts',
  /** "false" when the blueprint switches the auto-healing supervisor off for the service. */
  autoHeal: 'dev.blaupause.autoheal',
} as const;

/** Project names become resource name prefixes: Compose's own rule, narrowed to DNS-1123 labels. */
export const PROJECT_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export const ownedBy = (project: string): string[] => [`${LABEL.project}=${project}`, `${LABEL.managed}=true`];

/** Compose service of a pod container: the main one is the blueprint service, the others `<service>-<container>`. */
export const composeService = (service: string, container: string, main: boolean): string => (main ? service : `${service}-${container}`);

/** `<project>-<service>-<n>` for the main container, `<project>-<service>-<container>-<n>` for the others. */
export const containerName = (project: string, composeSvc: string, replica: number): string => `${project}-${composeSvc}-${replica}`;

export const networkName = (project: string, network: string): string => `${project}_${network}`;
export const volumeName = (project: string, volume: string): string => `${project}_${volume}`;

/** The identity of one desired or observed container slot: compose service and replica number. */
export const slotKey = (composeSvc: string, replica: number): string => `${composeSvc}#${replica}`;

/** A container renamed with this suffix is being torn down on purpose (destroy.ts); supervisors leave it. */
export const TORN_DOWN_SUFFIX = '_torn-down';
