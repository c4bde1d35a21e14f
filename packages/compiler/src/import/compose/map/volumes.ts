import type { ServiceInput } from '@blaupause/model';
import type { VolumeInput } from './state';

/**
 * Compose volumes live on one host, where every container that mounts one shares it. The
 * blueprint says so explicitly: a volume mounted by several services, or by a service with
 * several replicas, is `shared` (single-writer would mean ReadWriteOnce on Kubernetes).
 */
export function markSharedVolumes(services: Record<string, ServiceInput>, volumes: Record<string, VolumeInput>): void {
  const users = new Map<string, Set<string>>();
  const several = new Set<string>();
  for (const [name, svc] of Object.entries(services)) {
    const replicas = svc.mode === 'global' || (svc.replicas ?? 1) > 1;
    for (const c of Object.values(svc.containers))
      for (const m of c.mounts ?? []) {
        if (m.type !== 'volume') continue;
        const set = users.get(m.source) ?? new Set<string>();
        users.set(m.source, set);
        set.add(name);
        if (replicas) several.add(m.source);
      }
  }
  for (const [volume, set] of users) {
    const v = Object.hasOwn(volumes, volume) ? volumes[volume] : undefined;
    if (v && !v.external && (set.size > 1 || several.has(volume))) v.access = 'shared';
  }
}
