import type { Service } from '../schema/service';
import { type Ctx, containersOf } from './context';

const CODES = { volumes: 'UNUSED_VOLUME', networks: 'UNUSED_NETWORK', configs: 'UNUSED_CONFIG', secrets: 'UNUSED_SECRET' } as const;
const MOUNT_SECTION = { volume: 'volumes', config: 'configs', secret: 'secrets' } as const;

/** Declared but never used: harmless, but usually a leftover or a forgotten mount (info). */
export function checkUnused(ctx: Ctx): void {
  const used = usesOf(ctx.services.map(([, service]) => service));
  for (const section of SECTIONS) reportUnused(ctx, section, (name) => used[section].has(name));
}

export const SECTIONS = ['volumes', 'networks', 'configs', 'secrets'] as const;
export type Section = (typeof SECTIONS)[number];

/** The volumes, networks, configs and secrets some of `services` use. */
export function usesOf(services: readonly Service[]): Record<Section, Set<string>> {
  const used = { volumes: new Set<string>(), networks: new Set<string>(), configs: new Set<string>(), secrets: new Set<string>() };
  for (const service of services) {
    // A service that names no network joins the default one, which a blueprint may declare to configure it.
    for (const n of service.networks?.length ? service.networks : ['default']) used.networks.add(n);
    for (const [, container] of containersOf(service))
      for (const m of container.mounts ?? []) if (m.type !== 'bind' && m.type !== 'tmpfs') used[MOUNT_SECTION[m.type]].add(m.source);
  }
  return used;
}

/** checkUnused about one section, given which of its names some service uses. */
export function reportUnused(ctx: Ctx, section: Section, isUsed: (name: string) => boolean): void {
  for (const name of Object.keys(ctx.bp[section] ?? {}))
    if (!isUsed(name))
      ctx.report(
        CODES[section],
        'info',
        [section, name],
        `The ${section.slice(0, -1)} "${name}" is declared but ${section === 'networks' ? 'joined' : 'mounted'} by no service.`,
        section === 'networks' ? `Add "${name}" to a service's networks, or remove it.` : `Mount it in a container, or remove it.`,
      );
}
