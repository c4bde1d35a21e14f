import { posix } from 'node:path';
import { ENGINE_SOCKET, SYSTEM_DIRS as SYSTEM } from '@blaupause/model';
import type { DangerCode } from './finding';

/**
 * How dangerous it is to give a container a host path. One verdict per path, the most specific
 * first: the engine socket anywhere (Docker Desktop and rootless Podman keep it under a home or
 * /run/user), the root, system folders — and their parents, since binding /var hands over
 * /var/run/docker.sock too — home directories, then anything outside the blueprint's folder.
 */
export interface HostPathContext {
  /** The blueprint's folder: host paths inside it are the user's own files. */
  baseDir?: string | undefined;
  /** The home directory of whoever runs the backend (its parents and itself are flagged). */
  homeDir?: string | undefined;
  /**
   * Resolves symlinks (fs.realpathSync in the driver): `./link -> /` inside the folder is `/` to
   * the engine, which follows it. Absent in pure tests; a path that does not exist stays as is.
   */
  realpath?: ((path: string) => string | undefined) | undefined;
}

export interface HostPathVerdict {
  code: DangerCode;
  why: string;
}

const within = (p: string, dir: string): boolean => p === dir || p.startsWith(`${dir}/`);

export function hostPathVerdict(source: string, ctx: HostPathContext): HostPathVerdict | undefined {
  const given = posix.resolve(ctx.baseDir ?? '/', source);
  const real = ctx.realpath?.(given) ?? given;
  const via = real === given ? '' : ` (a symlink to ${real})`;
  for (const p of new Set([given, real])) {
    if (ENGINE_SOCKET.test(p))
      return {
        code: 'bind-engine-socket',
        why: `the container engine's socket${via}: whoever holds it controls the host (read-only does not help)`,
      };
  }
  if (real === '/') return { code: 'bind-root', why: `the host's root file system${via}` };
  const system = SYSTEM.find((d) => within(real, d) || within(d, real));
  if (system)
    return {
      code: 'bind-system-path',
      why: within(real, system) ? `a system folder of the host (${system})${via}` : `it contains the system folder ${system}${via}`,
    };
  const home = ctx.homeDir ? posix.resolve(ctx.homeDir) : undefined;
  if (/^\/home(\/[^/]+)?$/.test(real) || (home !== undefined && within(home, real)))
    return { code: 'bind-home', why: `a whole home directory (keys, credentials, shell start-up files)${via}` };
  const base = ctx.baseDir === undefined ? undefined : posix.resolve(ctx.baseDir);
  const realBase = base === undefined ? undefined : (ctx.realpath?.(base) ?? base);
  if (base === undefined || realBase === undefined || !(within(given, base) && within(real, realBase)))
    return { code: 'bind-outside-folder', why: `a host path outside the blueprint's folder${base ? ` ${base}` : ''}${via}` };
  return undefined;
}
