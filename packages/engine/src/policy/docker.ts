import type { ContainerCreateOptions } from 'dockerode';
import { DOCKER_DEFAULT_CAPS, normaliseCap } from './capabilities';
import { type DangerFinding, finding, uniqueFindings } from './finding';
import { type HostPathContext, hostPathVerdict } from './host-path';

/**
 * The policy of the Docker driver's final payload: the create options it is about to send, after
 * every mapping step, so nothing the blueprint, an importer or a mapping bug adds slips past. Pure
 * apart from the optional realpath of host paths.
 */
export interface DockerPayload {
  elementId: string;
  options: ContainerCreateOptions;
}

export interface DockerPolicyContext extends HostPathContext {
  /** Names of the containers this deployment creates: joining their namespaces is how pods work. */
  ownContainers: ReadonlySet<string>;
}

export function dockerDangers(payloads: readonly DockerPayload[], ctx: DockerPolicyContext): DangerFinding[] {
  return uniqueFindings(payloads.flatMap((p) => containerDangers(p, ctx)));
}

const NAMESPACES = [
  ['NetworkMode', 'host-network', "the host's network: it can bind any host port and reach services listening on localhost"],
  ['PidMode', 'host-pid', "the host's processes: it can see, signal and ptrace every process of the host"],
  ['IpcMode', 'host-ipc', "the host's shared memory and IPC objects"],
  ['UsernsMode', 'host-userns', "the host's user namespace: it escapes the engine's user remapping"],
  ['UTSMode', 'host-uts', "the host's hostname namespace: it can change the host's name"],
  ['CgroupnsMode', 'host-cgroupns', "the host's cgroup namespace: it sees and may write the host's cgroup tree"],
] as const;

const UNCONFINED = /^(seccomp|apparmor)[=:]unconfined$|^label[=:]disable$|^systempaths[=:]unconfined$/i;

/** The HostConfig fields the policy reads, typed (dockerode types several as `any`). */
type HostFields = Omit<NonNullable<ContainerCreateOptions['HostConfig']>, 'CapAdd' | 'Devices' | 'SecurityOpt' | 'VolumesFrom'> & {
  CapAdd?: string[];
  Devices?: { PathOnHost: string }[];
  SecurityOpt?: string[];
  VolumesFrom?: string[];
  UTSMode?: string;
  CgroupnsMode?: string;
  DeviceCgroupRules?: string[];
};

function containerDangers({ elementId, options }: DockerPayload, ctx: DockerPolicyContext): DangerFinding[] {
  const out: DangerFinding[] = [];
  const h = (options.HostConfig ?? {}) as HostFields;
  if (h.Privileged)
    out.push(
      finding(
        'privileged',
        elementId,
        'HostConfig.Privileged',
        'true',
        'it gets every capability and every device of the host: root on the host',
      ),
    );
  for (const [field, code, why] of NAMESPACES) {
    const mode = h[field];
    if (mode === 'host') out.push(finding(code, elementId, `HostConfig.${field}`, mode, `it shares ${why}`));
  }
  for (const field of ['NetworkMode', 'PidMode', 'IpcMode'] as const) {
    const target = /^container:(.+)$/.exec(h[field] ?? '')?.[1];
    if (target !== undefined && !ctx.ownContainers.has(target))
      out.push(
        finding(
          'foreign-namespace',
          elementId,
          `HostConfig.${field}`,
          h[field] as string,
          `it joins a namespace of "${target}", a container this deployment does not create`,
          `${field}=${target}`,
        ),
      );
  }
  (h.Mounts ?? []).forEach((m, i) => {
    // A volume of the local driver with `o: bind` is a host bind by another name.
    const device = m.Type === 'volume' ? boundDevice(m.VolumeOptions?.DriverConfig?.Options) : undefined;
    const source = m.Type === 'bind' ? m.Source : device;
    if (source === undefined) return;
    const field =
      m.Type === 'bind' ? `HostConfig.Mounts[${i}].Source` : `HostConfig.Mounts[${i}].VolumeOptions.DriverConfig.Options.device`;
    const v = hostPathVerdict(source, ctx);
    if (v) out.push(finding(v.code, elementId, field, source, v.why, source));
  });
  for (const from of h.VolumesFrom ?? []) {
    const name = from.split(':')[0] ?? '';
    if (!ctx.ownContainers.has(name))
      out.push(
        finding(
          'foreign-volumes',
          elementId,
          'HostConfig.VolumesFrom',
          from,
          `it mounts every volume of "${name}", a container this deployment does not create`,
          name,
        ),
      );
  }
  // Not written by our mapping, but a payload is checked for what it can do, not for who wrote it.
  (h.Binds ?? []).forEach((b, i) => {
    const source = b.split(':')[0] ?? '';
    // "name:/target" is a named volume; only a path is a host bind.
    if (!source.startsWith('/') && !source.startsWith('.')) return;
    const v = hostPathVerdict(source, ctx);
    if (v) out.push(finding(v.code, elementId, `HostConfig.Binds[${i}]`, b, v.why, source));
  });
  for (const cap of h.CapAdd ?? []) {
    const name = normaliseCap(cap);
    if (!DOCKER_DEFAULT_CAPS.has(name)) out.push(finding('cap-add', elementId, 'HostConfig.CapAdd', cap, capWhy(name), name));
  }
  (h.Devices ?? []).forEach((d, i) => {
    const why = 'direct access to a host device, outside the container’s file system';
    out.push(finding('device', elementId, `HostConfig.Devices[${i}]`, d.PathOnHost, why, d.PathOnHost));
  });
  for (const rule of h.DeviceCgroupRules ?? [])
    out.push(finding('device', elementId, 'HostConfig.DeviceCgroupRules', rule, 'it may open host devices matching the rule', rule));
  for (const opt of h.SecurityOpt ?? [])
    if (UNCONFINED.test(opt))
      out.push(
        finding(
          'unconfined',
          elementId,
          'HostConfig.SecurityOpt',
          opt,
          'it turns off a kernel confinement (seccomp, AppArmor, SELinux or masked /proc paths)',
          opt,
        ),
      );
  return out;
}

/** Volumes the driver creates: their driver options are part of the payload too (`o: bind` of a host path). */
export function volumeDangers(
  volumes: readonly { elementId: string; driverOpts?: Record<string, string> | undefined }[],
  ctx: HostPathContext,
): DangerFinding[] {
  const out: DangerFinding[] = [];
  for (const vol of volumes) {
    const device = boundDevice(vol.driverOpts);
    const v = device === undefined ? undefined : hostPathVerdict(device, ctx);
    if (device !== undefined && v) out.push(finding(v.code, vol.elementId, 'DriverOpts.device', device, v.why, device));
  }
  return out;
}

/** The host path a local-driver volume binds (`type: none, o: bind, device: /path`), if it does. */
export function boundDevice(opts: Record<string, string> | undefined): string | undefined {
  if (!opts?.device || !(opts.o ?? '').split(',').includes('bind')) return undefined;
  return opts.device;
}

function capWhy(cap: string): string {
  if (cap === 'ALL') return 'every capability: as good as privileged';
  if (cap === 'SYS_ADMIN') return 'SYS_ADMIN allows mounts and most of root’s powers: a known container escape';
  return `${cap} is beyond Docker's default capability set`;
}
