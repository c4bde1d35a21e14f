import { realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import type Docker from 'dockerode';
import { dockerDangers } from '../policy/docker';
import type { DangerFinding } from '../policy/finding';
import type { SwarmDesired } from './desired';

/**
 * The danger policy (DESIGN §7) on the service specs about to be sent: each spec's container part
 * is read as the Docker policy's payload (mounts, added capabilities, the host network), and the
 * findings name the spec's own fields. Ids are the Docker driver's (`bind-root:container:web/main:/`),
 * so an acknowledgement carries over between the two targets.
 */
export function swarmDangers(desired: SwarmDesired, baseDir: string | undefined): DangerFinding[] {
  const payloads = desired.services.map((s) => {
    const task = s.spec.TaskTemplate as Docker.ContainerTaskSpec;
    const c = task.ContainerSpec ?? {};
    const host = (task.Networks ?? []).some((n) => n.Target === 'host');
    return {
      elementId: s.elementId,
      options: {
        HostConfig: {
          Mounts: c.Mounts,
          ...(c.CapabilityAdd ? { CapAdd: c.CapabilityAdd } : {}),
          ...(host ? { NetworkMode: 'host' } : {}),
        },
      } as Docker.ContainerCreateOptions,
    };
  });
  const ctx = { ownContainers: new Set<string>(), baseDir, homeDir: homedir(), realpath };
  return dockerDangers(payloads, ctx).map((f) => ({ ...f, field: specField(f.field) }));
}

function specField(field: string): string {
  if (field === 'HostConfig.NetworkMode') return 'TaskTemplate.Networks[].Target';
  if (field === 'HostConfig.CapAdd') return 'TaskTemplate.ContainerSpec.CapabilityAdd';
  return field.replace(/^HostConfig\./, 'TaskTemplate.ContainerSpec.');
}

function realpath(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}
