import type { Path } from '../diagnostics/diagnostic';
import type { Service } from '../schema/service';
import { type Ctx, containersOf, perService, serviceMemo } from './context';

/**
 * Lists of names are sets: Compose's schema refuses repeated items (uniqueItems) and a repeated
 * capability or device is a typo more often than not.
 */
const remembered = serviceMemo();

export function checkDuplicateEntries(all: Ctx): void {
  perService(remembered, all, duplicatesOfService);
}

/** checkDuplicateEntries's report about one service (from that service and its name alone). */
export function duplicatesOfService(ctx: Ctx, name: string, service: Service): void {
  const path = ['services', name];
  check(ctx, [...path, 'networks'], service.networks, `service "${name}"`, (s) => s);
  check(ctx, [...path, 'profiles'], service.profiles, `service "${name}"`, (s) => s);
  for (const [c, container] of containersOf(service)) {
    const owner = `container "${c}" of service "${name}"`;
    const cpath = [...path, 'containers', c];
    check(ctx, [...cpath, 'capAdd'], container.capAdd, owner, capability);
    check(ctx, [...cpath, 'capDrop'], container.capDrop, owner, capability);
    check(ctx, [...cpath, 'devices'], container.devices, owner, (d) => d.split(':')[0] ?? d);
  }
}

/** CAP_NET_ADMIN and net_admin name one capability. */
export const capability = (c: string): string => c.toUpperCase().replace(/^CAP_/, '');

function check(ctx: Ctx, path: Path, items: readonly string[] | undefined, owner: string, key: (s: string) => string): void {
  const seen = new Map<string, number>();
  items?.forEach((item, i) => {
    const k = key(item);
    const first = seen.get(k);
    if (first === undefined) {
      seen.set(k, i);
      return;
    }
    ctx.report(
      'DUPLICATE_ENTRY',
      'warning',
      [...path, i],
      `The ${String(path[path.length - 1])} of ${owner} name "${k}" twice (entries ${first} and ${i}).`,
      'Remove the repeated entry.',
    );
  });
}
