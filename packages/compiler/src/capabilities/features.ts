import type { Blueprint } from '@blaupause/model';

/** What the blueprint asks for, as far as the capability matrix depends on it. */
export interface Features {
  services: number;
  /** Services with a scaling policy (min/max/targetCPU). */
  scaled: string[];
  /** Services whose rollout strategy is canary. */
  canary: string[];
  /** Services with a rollout setting of any kind. */
  rollout: string[];
  /** Services with placement constraints. */
  placed: string[];
  /** Services with autoHeal: false. */
  noHeal: string[];
  /** Containers with a health check ("service/container"). */
  healthchecks: string[];
  /** Named volumes declared, and mounts of any kind. */
  volumes: number;
  mounts: number;
  /** Main and helper containers with a restart policy other than "no" ("service/container"). */
  restarts: string[];
  /** Main and helper containers with restart: "no" set explicitly. */
  noRestart: string[];
  /** Containers built from a build context. */
  builds: string[];
  /** Ports routed by an HTTP ingress. */
  ingress: number;
  links: number;
}

export function featuresOf(bp: Blueprint): Features {
  const f: Features = {
    services: 0,
    scaled: [],
    canary: [],
    rollout: [],
    placed: [],
    noHeal: [],
    healthchecks: [],
    volumes: Object.keys(bp.volumes ?? {}).length,
    mounts: 0,
    restarts: [],
    noRestart: [],
    builds: [],
    ingress: 0,
    links: 0,
  };
  for (const [name, s] of Object.entries(bp.services ?? {})) {
    f.services++;
    if (s.scaling) f.scaled.push(name);
    if (s.rollout) f.rollout.push(name);
    if (s.rollout?.strategy === 'canary') f.canary.push(name);
    if (s.placement?.constraints.length) f.placed.push(name);
    if (s.autoHeal === false) f.noHeal.push(name);
    f.ingress += (s.ports ?? []).filter((p) => p.ingress).length;
    f.links += s.links?.length ?? 0;
    for (const [cname, c] of Object.entries(s.containers)) {
      if (c.healthcheck) f.healthchecks.push(`${name}/${cname}`);
      if (c.role !== 'init' && c.restart && c.restart !== 'no') f.restarts.push(`${name}/${cname}`);
      if (c.role !== 'init' && c.restart === 'no') f.noRestart.push(`${name}/${cname}`);
      if (c.build) f.builds.push(`${name}/${cname}`);
      f.mounts += c.mounts?.length ?? 0;
    }
  }
  return f;
}

/** "a", "a and b", "a, b and c". */
export function list(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
