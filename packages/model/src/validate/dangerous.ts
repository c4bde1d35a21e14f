import type { Path } from '../diagnostics/diagnostic';
import { BASELINE_CAPS, ENGINE_SOCKET, SYSTEM_DIRS } from '../host-dangers';
import type { Service } from '../schema/service';
import { type Ctx, containersOf, listing, perService, serviceMemo } from './context';
import { capability } from './duplicates';

const HOST_NAMESPACES = { hostNetwork: 'network', hostPid: 'process (PID)', hostIpc: 'IPC' } as const;

/** Settings that give a container power over the host: allowed, but flagged so that deploys can ask for an itemised acknowledgement. */
const remembered = serviceMemo();

export function checkDangerous(all: Ctx): void {
  perService(remembered, all, dangersOfService);
}

/** checkDangerous's report about one service (from that service and its name alone). */
export function dangersOfService(ctx: Ctx, name: string, service: Service): void {
  for (const key of ['hostNetwork', 'hostPid', 'hostIpc'] as const)
    if (service[key])
      warn(
        ctx,
        ['services', name, key],
        `Service "${name}" shares the host's ${HOST_NAMESPACES[key]} namespace (${key}).`,
        `Remove ${key} unless the service must see the host's ${HOST_NAMESPACES[key]} namespace.`,
      );
  for (const [c, container] of containersOf(service)) {
    const path = ['services', name, 'containers', c];
    const who = `Container "${c}" of service "${name}"`;
    if (container.privileged)
      warn(
        ctx,
        [...path, 'privileged'],
        `${who} runs privileged: it has every capability and every device of the host.`,
        'Remove privileged; add the single capabilities it needs with capAdd.',
      );
    const caps = [...new Set((container.capAdd ?? []).map(capability).filter((cap) => !BASELINE_CAPS.has(cap)))];
    if (caps.length)
      warn(
        ctx,
        [...path, 'capAdd'],
        `${who} adds the capabilit${caps.length > 1 ? 'ies' : 'y'} ${listing(caps)}, beyond the default set.`,
        'Remove capabilities the container does not need.',
      );
    if (container.devices?.length)
      warn(
        ctx,
        [...path, 'devices'],
        `${who} gets host devices (${listing(container.devices)}).`,
        'Remove devices the container does not need.',
      );
    container.mounts?.forEach((m, i) => {
      const problem = m.type === 'bind' ? bindProblem(m.source) : undefined;
      if (problem && m.type === 'bind')
        warn(
          ctx,
          [...path, 'mounts', i, 'source'],
          `${who} bind-mounts ${m.source}, ${problem}.`,
          'Mount a folder inside the project (e.g. ./data), or a named volume.',
        );
    });
  }
}

const warn = (ctx: Ctx, path: Path, message: string, hint: string) => ctx.report('DANGEROUS_SETTING', 'warning', path, message, hint);

/** Why a bind-mount source is dangerous, or undefined for a path inside the project folder. */
export function bindProblem(source: string): string | undefined {
  if (source.startsWith('~')) return 'a folder in a home directory of the host';
  if (/^[A-Za-z]:[\\/]/.test(source) || source.startsWith('\\\\')) return 'an absolute host path outside the project folder';
  const parts = normalise(source);
  if (!source.startsWith('/')) return parts[0] === '..' ? 'which leaves the project folder' : undefined;
  // Above the root there is only the root: "/../etc" is "/etc".
  const abs = `/${parts.filter((seg) => seg !== '..').join('/')}`;
  if (ENGINE_SOCKET.test(abs)) return "the container engine's socket: whoever holds it controls the host (read-only does not help)";
  if (abs === '/') return "the host's root file system";
  if (SYSTEM_DIRS.some((d) => abs === d || abs.startsWith(`${d}/`))) return 'a system folder of the host';
  return 'an absolute host path outside the project folder';
}

/** Path segments with "." and "x/.." removed; leading ".." kept (they leave the base folder). */
function normalise(p: string): string[] {
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(seg);
  }
  return out;
}
