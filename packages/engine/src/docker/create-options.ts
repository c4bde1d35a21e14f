import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import type { Blueprint, Container, Healthcheck, HealthTest, Mount, Service } from '@blaupause/model';
import { quantityBytes, resolveFileRef } from '@blaupause/model';
import type { ContainerCreateOptions, HostConfig } from 'dockerode';
import type { EngineError } from '../types';
import type { Builds } from './build/prepare';
import { volumeName } from './labels';

/**
 * One blueprint container → the Engine API's create options (pure). What Compose would write in
 * a service, said in the Engine API's own terms. Everything that identifies a replica (name,
 * number, hash labels) and the runtime wiring (networks, the main's id for helpers) is added by
 * the caller, so that these options hash the same for every replica.
 */
export interface MapContext {
  project: string;
  blueprint: Blueprint;
  /** Folder of the blueprint file: bind and config sources resolve inside it, never outside. */
  baseDir?: string | undefined;
  /** Images built from `build:` contexts (build/prepare.ts), by element id: the container runs that tag. */
  builds?: Builds | undefined;
}

export type Mapped = { ok: true; options: ContainerCreateOptions } | { ok: false; error: EngineError };

export function createOptions(ctx: MapContext, service: string, svc: Service, name: string, c: Container, elementId: string): Mapped {
  const image = ctx.builds?.get(elementId)?.tag ?? c.image;
  if (!image)
    return fail(
      'UNSUPPORTED',
      `Container "${name}" of service "${service}" has no image (builds are not deployed yet).`,
      elementId,
      'Build the image first and put its tag into the blueprint.',
    );
  const mounts = dockerMounts(ctx, c.mounts ?? [], service, name, elementId);
  if (!mounts.ok) return mounts;
  const host: HostConfig = {
    Mounts: mounts.mounts,
    RestartPolicy: { Name: c.role === 'init' ? 'no' : (c.restart ?? 'no') },
    ...resources(c),
  };
  if (c.privileged) host.Privileged = true;
  if (c.capAdd?.length) host.CapAdd = [...c.capAdd];
  if (c.capDrop?.length) host.CapDrop = [...c.capDrop];
  if (c.devices?.length) host.Devices = c.devices.map(device);
  if (c.readOnlyRootFilesystem) host.ReadonlyRootfs = true;
  // Host PID and IPC namespaces are pod-wide settings: every container of the pod gets them.
  if (svc.hostPid) host.PidMode = 'host';
  if (svc.hostIpc) host.IpcMode = 'host';
  const options: ContainerCreateOptions = { Image: image, HostConfig: host };
  if (c.command) options.Entrypoint = [...c.command];
  if (c.args) options.Cmd = [...c.args];
  if (c.workingDir) options.WorkingDir = c.workingDir;
  if (c.user) options.User = c.user;
  if (c.healthcheck) options.Healthcheck = healthcheck(c.healthcheck);
  return { ok: true, options };
}

/** Env as Docker takes it, sorted so a reordering in the document is not a change. */
export function envList(env: Record<string, string>): string[] {
  return Object.entries(env)
    .map(([k, v]) => `${k}=${v}`)
    .sort();
}

/** The main container carries the pod's ports: helpers share its network namespace. */
export function portOptions(svc: Service): Pick<ContainerCreateOptions, 'ExposedPorts'> & Pick<HostConfig, 'PortBindings'> {
  const exposed: Record<string, object> = {};
  const bindings: Record<string, { HostIp: string; HostPort: string }[]> = {};
  for (const p of svc.ports ?? []) {
    const key = `${p.port}/${p.protocol ?? 'tcp'}`;
    exposed[key] = {};
    if (p.publish !== undefined) bindings[key] = [...(bindings[key] ?? []), { HostIp: p.hostIp ?? '', HostPort: String(p.publish) }];
  }
  return { ExposedPorts: exposed, PortBindings: bindings };
}

const NS: Record<string, number> = { h: 3.6e12, m: 6e10, s: 1e9, ms: 1e6, us: 1e3, ns: 1 };

/** Go duration (the blueprint's syntax) → nanoseconds, as the Engine API wants them. */
export function durationNs(d: string): number {
  let total = 0;
  for (const m of d.matchAll(/(\d+(?:\.\d+)?)(h|ms|m|us|ns|s)/g)) total += Number(m[1]) * (NS[m[2] as string] as number);
  return Math.round(total);
}

export function healthTest(test: HealthTest): string[] {
  if ('exec' in test) return ['CMD', ...test.exec];
  if ('shell' in test) return ['CMD-SHELL', test.shell];
  // No HTTP or TCP probe in Docker: wget / nc inside the container, as the compiler writes it too.
  if ('http' in test) {
    const { port, path = '/', scheme = 'http' } = test.http;
    const insecure = scheme === 'https' ? ' --no-check-certificate' : '';
    return ['CMD-SHELL', `wget -q${insecure} -O /dev/null '${`${scheme}://127.0.0.1:${port}${path}`.replaceAll("'", `'\\''`)}' || exit 1`];
  }
  return ['CMD-SHELL', `nc -z 127.0.0.1 ${test.tcp.port} || exit 1`];
}

function healthcheck(hc: Healthcheck): NonNullable<ContainerCreateOptions['Healthcheck']> {
  const out: NonNullable<ContainerCreateOptions['Healthcheck']> = { Test: healthTest(hc.test) };
  if (hc.interval) out.Interval = durationNs(hc.interval);
  if (hc.timeout) out.Timeout = durationNs(hc.timeout);
  if (hc.retries !== undefined) out.Retries = hc.retries;
  if (hc.startPeriod) out.StartPeriod = durationNs(hc.startPeriod);
  return out;
}

function resources(c: Container): Partial<HostConfig> {
  const out: Partial<HostConfig> = {};
  const { limits, requests } = c.resources ?? {};
  if (limits?.cpus !== undefined) out.NanoCpus = Math.round(limits.cpus * 1e9);
  if (limits?.memory) out.Memory = quantityBytes(limits.memory);
  if (requests?.memory) out.MemoryReservation = quantityBytes(requests.memory);
  // CPU requests have no hard Docker equivalent; relative shares are the closest (1 core = 1024).
  if (requests?.cpus !== undefined) out.CpuShares = Math.max(2, Math.round(requests.cpus * 1024));
  return out;
}

function device(spec: string): { PathOnHost: string; PathInContainer: string; CgroupPermissions: string } {
  const [onHost = spec, inContainer, perms] = spec.split(':');
  return { PathOnHost: onHost, PathInContainer: inContainer ?? onHost, CgroupPermissions: perms ?? 'rwm' };
}

type DockerMount = NonNullable<HostConfig['Mounts']>[number];
type MountsResult = { ok: true; mounts: DockerMount[] } | { ok: false; error: EngineError };

function dockerMounts(ctx: MapContext, mounts: readonly Mount[], service: string, name: string, elementId: string): MountsResult {
  const out: DockerMount[] = [];
  const where = `container "${name}" of service "${service}"`;
  for (const m of mounts) {
    const readOnly = m.readOnly === true;
    switch (m.type) {
      case 'volume': {
        const v = ctx.blueprint.volumes?.[m.source];
        if (!v) return fail('INVALID_BLUEPRINT', `The ${where} mounts the undeclared volume "${m.source}".`, elementId);
        if (m.subPath)
          return fail('UNSUPPORTED', `The ${where} mounts a subPath of "${m.source}", which this engine API version cannot do.`, elementId);
        out.push({
          Type: 'volume',
          Source: v.external ? m.source : volumeName(ctx.project, m.source),
          Target: m.target,
          ReadOnly: readOnly,
        });
        break;
      }
      case 'tmpfs': {
        const size = m.size === undefined ? undefined : quantityBytes(m.size);
        out.push({
          Type: 'tmpfs',
          Source: '',
          Target: m.target,
          ReadOnly: readOnly,
          ...(size ? { TmpfsOptions: { SizeBytes: size, Mode: 0o1777 } } : {}),
        });
        break;
      }
      case 'bind': {
        const source = inBaseDir(ctx.baseDir, m.source);
        if (!source.ok) return fail('INVALID_BLUEPRINT', `The ${where} binds "${m.source}": ${source.why}.`, elementId);
        out.push({ Type: 'bind', Source: source.path, Target: m.target, ReadOnly: readOnly });
        break;
      }
      case 'config': {
        const cfg = ctx.blueprint.configs?.[m.source];
        if (!cfg?.file || cfg.external)
          return fail('UNSUPPORTED', `The ${where} mounts config "${m.source}": only configs with a file are deployed yet.`, elementId);
        const source = inBaseDir(ctx.baseDir, cfg.file);
        if (!source.ok) return fail('INVALID_BLUEPRINT', `Config "${m.source}" file "${cfg.file}": ${source.why}.`, elementId);
        // Compose (non-swarm) mounts file configs as read-only binds too.
        out.push({ Type: 'bind', Source: source.path, Target: m.target, ReadOnly: true });
        break;
      }
      case 'secret': {
        const sec = ctx.blueprint.secrets?.[m.source];
        if (!sec?.file || sec.external)
          return fail('UNSUPPORTED', `The ${where} mounts secret "${m.source}": only secrets with a file are deployed yet.`, elementId);
        const source = inBaseDir(ctx.baseDir, sec.file);
        if (!source.ok) return fail('INVALID_BLUEPRINT', `Secret "${m.source}" file: ${source.why}.`, elementId);
        out.push({ Type: 'bind', Source: source.path, Target: m.target, ReadOnly: true });
        break;
      }
    }
  }
  return { ok: true, mounts: out };
}

/**
 * A host path inside the blueprint's folder; anything that leaves it — by `..`, an absolute path,
 * `~`, a remote address or a symbolic link leading out — is refused (DESIGN §7, the model's
 * resolveFileRef: one rule for every file reference). The link check reads the file system.
 */
export function inBaseDir(
  baseDir: string | undefined,
  source: string,
  realpath: (path: string) => string | undefined = realpathOf,
): { ok: true; path: string } | { ok: false; why: string } {
  if (!baseDir) return { ok: false, why: 'host paths need the blueprint’s folder (deploy it from a file)' };
  const base = resolve(baseDir);
  // An absolute path that names a place inside the folder is that place (e.g. the folder `/` itself,
  // which the payload policy then flags as a bind of the host's root for acknowledgement).
  const ref = isAbsolute(source) ? relative(base, source) || '.' : source;
  const r = resolveFileRef(ref, { baseDir: base, realpath });
  return r.ok ? r : { ok: false, why: `${r.why} (${base})` };
}

function realpathOf(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

function fail(code: EngineError['code'], message: string, elementId: string, hint?: string): { ok: false; error: EngineError } {
  return { ok: false, error: { code, message, elementId, ...(hint ? { hint } : {}) } };
}
