/**
 * A dangerous setting found in the final engine payload (DESIGN §7): what a deploy would really ask
 * the engine for, not what the YAML says. Deploying needs an itemised acknowledgement naming every
 * finding's `id` (acknowledge.ts).
 */
export type DangerCode =
  | 'privileged'
  | 'host-network'
  | 'host-pid'
  | 'host-ipc'
  | 'host-userns'
  | 'host-uts'
  | 'host-cgroupns'
  /** pid / ipc / network namespace of a container that is not part of this deployment. */
  | 'foreign-namespace'
  /** VolumesFrom a container that is not part of this deployment. */
  | 'foreign-volumes'
  | 'bind-root'
  | 'bind-engine-socket'
  | 'bind-system-path'
  | 'bind-home'
  | 'bind-outside-folder'
  | 'cap-add'
  | 'device'
  | 'unconfined';

export interface DangerFinding {
  /**
   * Stable and itemised: `<code>:<elementId>` plus `:<what>` when the same element can have several
   * (a capability, a host path, a device), e.g. `privileged:container:web/main`,
   * `cap-add:container:web/main:SYS_ADMIN`, `bind-root:container:web/main:/`. The value is part of
   * the id, so acknowledging a bind of `/srv/x` never covers a later bind of `/`.
   */
  id: string;
  code: DangerCode;
  /** Blueprint element: container:<service>/<container>. */
  elementId: string;
  /** Where in the payload: `HostConfig.Mounts[0].Source`, `spec.template.spec.hostNetwork` … */
  field: string;
  /** The offending value as sent (a path, a capability, a mode). */
  value: string;
  /** Why it is dangerous, for a person. */
  why: string;
}

export function finding(code: DangerCode, elementId: string, field: string, value: string, why: string, item?: string): DangerFinding {
  return { id: item === undefined ? `${code}:${elementId}` : `${code}:${elementId}:${item}`, code, elementId, field, value, why };
}

/** One finding per id: replicas of a container share their settings, so they would repeat. */
export function uniqueFindings(list: readonly DangerFinding[]): DangerFinding[] {
  const seen = new Set<string>();
  return list.filter((f) => !seen.has(f.id) && seen.add(f.id));
}
