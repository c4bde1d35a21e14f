import type { ContainerCreateOptions } from 'dockerode';
import { configHash } from './hash';

/**
 * What a recreate changed, in words. The config hash only says *that* a container's configuration
 * differs; the container also carries a short fingerprint per part (label `dev.blaupause.config-parts`,
 * written beside the hash and not hashed itself) so a plan can name the parts: image, command, env
 * keys, ports, mounts… Values never appear, only 8 hex digits of their hash, and only on the
 * container whose `docker inspect` shows the values anyway.
 */
export type ConfigParts = Record<string, string | Record<string, string>>;

const short = (v: unknown): string => configHash(v).slice(0, 8);

/** The part a create option belongs to, in the words a plan shows. */
const PART: Record<string, string> = {
  Image: 'image',
  Cmd: 'command',
  Entrypoint: 'command',
  WorkingDir: 'working directory',
  User: 'user',
  ExposedPorts: 'ports',
  PortBindings: 'ports',
  Binds: 'mounts',
  Mounts: 'mounts',
  Volumes: 'mounts',
  Tmpfs: 'mounts',
  NetworkMode: 'networks',
  NetworkingConfig: 'networks',
  moreNetworks: 'networks',
  Healthcheck: 'health check',
  Labels: 'labels',
  RestartPolicy: 'restart policy',
  Memory: 'resources',
  MemoryReservation: 'resources',
  MemorySwap: 'resources',
  NanoCpus: 'resources',
  CpuShares: 'resources',
  CpuQuota: 'resources',
  CpuPeriod: 'resources',
  PidsLimit: 'resources',
  CapAdd: 'security',
  CapDrop: 'security',
  Privileged: 'security',
  SecurityOpt: 'security',
  ReadonlyRootfs: 'security',
};

/** The fingerprint per part of a container's create options (as hashed: without replica number and hash labels). */
export function configParts(options: ContainerCreateOptions, moreNetworks: unknown): ConfigParts {
  const out: ConfigParts = {};
  const { HostConfig, Env, ...rest } = options;
  for (const [k, v] of Object.entries(rest)) if (v !== undefined) out[k] = short(v);
  for (const [k, v] of Object.entries(HostConfig ?? {})) if (v !== undefined) out[k] = short(v);
  if (moreNetworks !== undefined && !(Array.isArray(moreNetworks) && moreNetworks.length === 0)) out.moreNetworks = short(moreNetworks);
  const env: Record<string, string> = {};
  for (const e of Env ?? []) {
    const i = e.indexOf('=');
    env[i < 0 ? e : e.slice(0, i)] = short(i < 0 ? null : e.slice(i + 1));
  }
  if (Object.keys(env).length > 0) out.Env = env;
  return out;
}

export const encodeParts = (p: ConfigParts): string => JSON.stringify(p);

export function decodeParts(label: string | undefined): ConfigParts | undefined {
  if (!label) return undefined;
  try {
    const v = JSON.parse(label) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as ConfigParts) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The parts that differ, in words: "image, env DEBUG, API_URL, ports". Undefined when the old
 * container records no parts (made by an earlier version) or none differs by them.
 */
export function changedParts(before: ConfigParts | undefined, after: ConfigParts): string | undefined {
  if (!before) return undefined;
  const words: string[] = [];
  const add = (w: string) => {
    if (!words.includes(w)) words.push(w);
  };
  const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])];
  for (const k of keys) {
    if (k === 'Env') continue;
    if (before[k] !== after[k]) add(PART[k] ?? k.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase());
  }
  const a = (after.Env ?? {}) as Record<string, string>;
  const b = (before.Env ?? {}) as Record<string, string>;
  const envKeys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => a[k] !== b[k]).sort();
  if (envKeys.length > 0) {
    const shown = envKeys.slice(0, 5).join(', ');
    words.unshift(`env ${shown}${envKeys.length > 5 ? ` and ${envKeys.length - 5} more` : ''}`);
  }
  // The image first: it is the change people look for.
  const image = words.indexOf('image');
  if (image > 0) words.unshift(...words.splice(image, 1));
  return words.length > 0 ? words.join('; ') : undefined;
}
