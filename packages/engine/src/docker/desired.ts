import { DEFAULT_NETWORK, type PlannedContainer, type PlannedService, plan } from '@blaupause/compiler';
import type { Blueprint, ContainerRole, LinkCondition } from '@blaupause/model';
import { elementId as ids } from '@blaupause/model';
import type { ContainerCreateOptions } from 'dockerode';
import type { Result } from '../types';
import { configParts, encodeParts } from './config-parts';
import { createOptions, durationNs, envList, type MapContext, portOptions } from './create-options';
import { configHash } from './hash';
import { InterpolationError, interpolateBlueprint } from './interpolate';
import { composeService, containerName, LABEL, networkName, slotKey, volumeName } from './labels';

/**
 * The desired state of a project: what the blueprint asks the engine to run, with every name,
 * label and config hash decided. Pure (no engine calls), built from the compiler's
 * target-neutral plan, so the driver deploys exactly what the Compose emitter describes.
 */
export interface DesiredContainer {
  slot: string;
  name: string;
  service: string;
  container: string;
  composeService: string;
  role: ContainerRole;
  replica: number;
  elementId: string;
  image: string;
  hash: string;
  /** Create options with labels and first network; a helper's NetworkMode is filled in at create time. */
  options: ContainerCreateOptions;
  /** Networks beyond the first: connected after create (engine API < 1.44 takes one endpoint at create). */
  moreNetworks: { name: string; aliases: string[] }[];
  /** Helpers: the slot of the main container whose network namespace they join. */
  joins?: string;
}

export interface DesiredLink {
  target: string;
  condition: LinkCondition;
  timeoutMs: number;
  required: boolean;
  elementId: string;
}

export interface DesiredService {
  name: string;
  elementId: string;
  links: DesiredLink[];
  /** Run once per deploy of the service, in order, each to completion (exit 0). */
  inits: DesiredContainer[];
  mains: DesiredContainer[];
  helpers: DesiredContainer[];
}

export interface DesiredResource {
  key: string;
  name: string;
  external: boolean;
  elementId: string;
  driver?: string | undefined;
  internal?: boolean | undefined;
  driverOpts?: Record<string, string> | undefined;
  labels: Record<string, string>;
}

export interface Desired {
  project: string;
  /** In start order: a service after every service it links to. */
  services: DesiredService[];
  networks: DesiredResource[];
  volumes: DesiredResource[];
  images: string[];
  /** Images to build instead of pull (by element id; their tags are in `images`). */
  builds?: MapContext['builds'];
}

export const DEFAULT_LINK_TIMEOUT_MS = 60_000;

/** Interpolates the blueprint's parameters, then maps it; errors as data (INVALID_BLUEPRINT, UNSUPPORTED). */
export function desiredState(input: MapContext): Result<Desired> {
  let ctx: MapContext;
  try {
    ctx = { ...input, blueprint: interpolateBlueprint(input.blueprint) };
  } catch (e) {
    if (!(e instanceof InterpolationError)) throw e;
    return { ok: false, error: { code: 'INVALID_BLUEPRINT', message: `Parameters: ${e.message}` } };
  }
  const p = plan(ctx.blueprint);
  const services: DesiredService[] = [];
  const usedNetworks = new Set<string>();
  for (const s of p.services) {
    const r = desiredService(ctx, s);
    if (!r.ok) return r;
    services.push(r.value);
    if (!s.service.hostNetwork) for (const n of joinedNetworks(ctx.blueprint, s)) usedNetworks.add(n);
  }
  const images = [...new Set(services.flatMap((s) => [...s.inits, ...s.mains, ...s.helpers].map((c) => c.image)))];
  return {
    ok: true,
    value: { project: ctx.project, services, networks: networks(ctx, usedNetworks), volumes: volumes(ctx), images, builds: ctx.builds },
  };
}

function joinedNetworks(bp: Blueprint, s: PlannedService): string[] {
  const declared = bp.networks ?? {};
  return s.networks.filter((n) => n in declared || n === DEFAULT_NETWORK);
}

function desiredService(ctx: MapContext, s: PlannedService): Result<DesiredService> {
  const main = s.main;
  if (!main)
    return {
      ok: false,
      error: { code: 'INVALID_BLUEPRINT', message: `Service "${s.name}" has no main container.`, elementId: s.elementId },
    };
  const svc = s.service;
  const replicas = svc.mode === 'global' ? 1 : svc.replicas;
  const nets = svc.hostNetwork ? [] : joinedNetworks(ctx.blueprint, s).map((n) => networkRef(ctx, n));
  const out: DesiredService = { name: s.name, elementId: s.elementId, links: links(s), inits: [], mains: [], helpers: [] };

  const build = (pc: PlannedContainer, replica: number, wiring: (o: ContainerCreateOptions) => void, aliases: string[]) => {
    const isMain = pc === main;
    const compose = composeService(s.name, pc.name, isMain);
    const mapped = createOptions(ctx, s.name, svc, pc.name, pc.container, pc.elementId);
    if (!mapped.ok) return mapped;
    const o = mapped.options;
    o.Env = envList({ ...linkEnv(s, isMain), ...(pc.container.env ?? {}) });
    wiring(o);
    const moreNetworks: DesiredContainer['moreNetworks'] = [];
    if (o.HostConfig?.NetworkMode === undefined && nets.length > 0) {
      const [first, ...rest] = nets as [string, ...string[]];
      o.HostConfig = { ...o.HostConfig, NetworkMode: first };
      o.NetworkingConfig = { EndpointsConfig: { [first]: { Aliases: aliases } } };
      for (const n of rest) moreNetworks.push({ name: n, aliases });
    }
    const labels: Record<string, string> = { ...(svc.labels ?? {}) };
    labels[LABEL.project] = ctx.project;
    labels[LABEL.service] = compose;
    labels[LABEL.oneoff] = 'False';
    labels[LABEL.managed] = 'true';
    labels[LABEL.element] = pc.elementId;
    labels[LABEL.blueprintService] = s.name;
    labels[LABEL.container] = pc.name;
    labels[LABEL.role] = pc.container.role;
    if (svc.autoHeal === false) labels[LABEL.autoHeal] = 'false';
    o.Labels = labels;
    // The hash covers everything but the replica's identity: every replica of a container hashes alike
    // (a helper's symbolic NetworkMode names its own replica's main: hashed without that number).
    const hashed = withoutReplica(o, replica);
    const hash = configHash({ options: hashed, moreNetworks });
    const name = containerName(ctx.project, compose, replica);
    o.Labels = {
      ...labels,
      [LABEL.number]: String(replica),
      [LABEL.configHash]: hash,
      [LABEL.configParts]: encodeParts(configParts(hashed, moreNetworks)),
    };
    const dc: DesiredContainer = {
      slot: slotKey(compose, replica),
      name,
      service: s.name,
      container: pc.name,
      composeService: compose,
      role: pc.container.role,
      replica,
      elementId: pc.elementId,
      image: o.Image as string,
      hash,
      options: o,
      moreNetworks,
    };
    return { ok: true as const, value: dc };
  };

  const host = svc.hostNetwork ? (o: ContainerCreateOptions) => setNetworkMode(o, 'host') : () => {};
  for (const init of s.inits) {
    const r = build(init, 1, host, [composeService(s.name, init.name, false)]);
    if (!r.ok) return r;
    out.inits.push(r.value);
  }
  for (let n = 1; n <= replicas; n++) {
    const r = build(
      main,
      n,
      (o) => {
        host(o);
        if (svc.hostNetwork) return;
        const { ExposedPorts, PortBindings } = portOptions(svc);
        o.ExposedPorts = ExposedPorts;
        o.HostConfig = { ...o.HostConfig, PortBindings };
      },
      [s.name],
    );
    if (!r.ok) return r;
    out.mains.push(r.value);
    for (const h of s.helpers) {
      // Joins the main's network namespace: the symbolic form hashes stably, the id is set at create time.
      const hr = build(h, n, (o) => setNetworkMode(o, `container:${r.value.name}`), []);
      if (!hr.ok) return hr;
      hr.value.joins = r.value.slot;
      out.helpers.push(hr.value);
    }
  }
  return { ok: true, value: out };
}

function withoutReplica(o: ContainerCreateOptions, replica: number): ContainerCreateOptions {
  const mode = o.HostConfig?.NetworkMode;
  const suffix = `-${replica}`;
  if (!mode?.startsWith('container:') || !mode.endsWith(suffix)) return o;
  return { ...o, HostConfig: { ...o.HostConfig, NetworkMode: mode.slice(0, -suffix.length) } };
}

function setNetworkMode(o: ContainerCreateOptions, mode: string): void {
  o.HostConfig = { ...o.HostConfig, NetworkMode: mode };
}

function networkRef(ctx: MapContext, n: string): string {
  return ctx.blueprint.networks?.[n]?.external ? n : networkName(ctx.project, n);
}

/** Connection variables the links ask for (`REDIS_URL=redis://redis:6379`); the user's own env wins. */
function linkEnv(s: PlannedService, isMain: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isMain) return out;
  for (const l of s.links) if (l.link.env && l.port !== undefined) out[l.link.env] = `${l.link.protocol ?? 'tcp'}://${l.target}:${l.port}`;
  return out;
}

function links(s: PlannedService): DesiredLink[] {
  return s.links.map((l) => ({
    target: l.target,
    condition: l.link.condition ?? 'started',
    timeoutMs: l.link.timeout ? durationNs(l.link.timeout) / 1e6 : DEFAULT_LINK_TIMEOUT_MS,
    required: l.link.required !== false,
    elementId: l.elementId,
  }));
}

function networks(ctx: MapContext, used: ReadonlySet<string>): DesiredResource[] {
  const declared = ctx.blueprint.networks ?? {};
  const out: DesiredResource[] = [];
  for (const key of used) {
    const n = declared[key];
    out.push({
      key,
      name: n?.external ? key : networkName(ctx.project, key),
      external: n?.external === true,
      elementId: ids.network(key),
      driver: n?.driver,
      internal: n?.internal,
      labels: { ...(n?.labels ?? {}), [LABEL.project]: ctx.project, [LABEL.network]: key, [LABEL.managed]: 'true' },
    });
  }
  return out;
}

function volumes(ctx: MapContext): DesiredResource[] {
  return Object.entries(ctx.blueprint.volumes ?? {}).map(([key, v]) => ({
    key,
    name: v.external ? key : volumeName(ctx.project, key),
    external: v.external === true,
    elementId: ids.volume(key),
    driver: v.ephemeral ? 'local' : v.driver,
    // Ephemeral: tmpfs behind the local driver, gone when the volume is removed or the engine restarts.
    driverOpts: v.ephemeral ? { type: 'tmpfs', device: 'tmpfs', ...(v.size ? { o: `size=${v.size.replace(/i$/, '')}` } : {}) } : undefined,
    labels: { ...(v.labels ?? {}), [LABEL.project]: ctx.project, [LABEL.volume]: key, [LABEL.managed]: 'true' },
  }));
}

export const allContainers = (d: Desired): DesiredContainer[] => d.services.flatMap((s) => [...s.inits, ...s.mains, ...s.helpers]);
