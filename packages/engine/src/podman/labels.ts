/**
 * What the podman-kube driver puts on the pods it plays (Podman copies pod labels onto every
 * container of the pod) and on the network and volumes it creates. Nothing without
 * `dev.blaupause.managed=true` and our project label is ever changed or removed.
 */
export const PLABEL = {
  managed: 'dev.blaupause.managed',
  project: 'dev.blaupause.project',
  service: 'dev.blaupause.service',
  /** The pod's name: a container's blueprint name is its Podman name minus `<pod>-`. */
  pod: 'dev.blaupause.pod',
  /** sha256 of what was played for the service (pod, aliases, config maps): unchanged → no call. */
  hash: 'dev.blaupause.config-hash',
  target: 'dev.blaupause.target',
  /** Blueprint volume name of a named volume we created from a PersistentVolumeClaim. */
  volume: 'dev.blaupause.volume',
} as const;

export const TARGET = 'podman-kube';

export const ownedFilter = (project: string): string[] => [`${PLABEL.managed}=true`, `${PLABEL.project}=${project}`];

export const podName = (project: string, service: string): string => `${project}-${service}`;
export const networkName = (project: string): string => `${project}_kube`;
export const volumeName = (project: string, claim: string): string => `${project}_${claim}`;

export function ownLabels(project: string, extra: Record<string, string> = {}): Record<string, string> {
  return { [PLABEL.managed]: 'true', [PLABEL.project]: project, [PLABEL.target]: TARGET, ...extra };
}

/** The container's name inside the pod (the blueprint container key) from Podman's `<pod>-<name>`. */
export function containerOf(name: string, pod: string): string {
  const n = name.replace(/^\//, '');
  return n.startsWith(`${pod}-`) ? n.slice(pod.length + 1) : n;
}
