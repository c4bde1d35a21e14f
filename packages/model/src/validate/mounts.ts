import type { Path } from '../diagnostics/diagnostic';
import type { Mount } from '../schema/container';
import type { Service } from '../schema/service';
import { type Ctx, containersOf, listing, mayRunSeveral } from './context';

const DANGLING = {
  volume: ['volumes', 'DANGLING_VOLUME'],
  config: ['configs', 'DANGLING_CONFIG'],
  secret: ['secrets', 'DANGLING_SECRET'],
} as const;

/** A service writing to a volume: the path of its first read-write mount of it. */
export interface Writer {
  service: string;
  path: Path;
}

/** Mounts name existing resources, never share a target path, and respect single-writer volumes. */
export function checkMounts(ctx: Ctx): void {
  const writers = new Map<string, Writer[]>();
  for (const [name, service] of ctx.services) {
    serviceMounts(ctx, name, service);
    mountSources(ctx, name, service);
    for (const [volume, w] of writersOf(name, service)) {
      const list = writers.get(volume);
      if (list) list.push(w);
      else writers.set(volume, [w]);
    }
  }
  for (const [volume, list] of writers) reportWriters(ctx, volume, list);
}

/** checkMounts about one service alone: repeated targets, subPaths leaving the volume. */
export function serviceMounts(ctx: Ctx, name: string, service: Service): void {
  for (const [c, container] of containersOf(service)) {
    const targets = new Map<string, number>();
    container.mounts?.forEach((m, i) => {
      const path = ['services', name, 'containers', c, 'mounts', i];
      checkTarget(ctx, targets, path, c, name, m, i);
      if (m.type === 'volume') checkSubPath(ctx, path, m.subPath);
    });
  }
}

/** checkMounts about one service and the volumes, configs and secrets declared: sources that are not. */
export function mountSources(ctx: Ctx, name: string, service: Service): void {
  for (const [c, container] of containersOf(service))
    container.mounts?.forEach((m, i) => {
      if (m.type === 'volume' || m.type === 'config' || m.type === 'secret')
        checkSource(ctx, ['services', name, 'containers', c, 'mounts', i], c, name, m);
    });
}

/** The volumes a service mounts read-write, each with its first such mount (one writer per service). */
export function writersOf(name: string, service: Service): Map<string, Writer> {
  const writers = new Map<string, Writer>();
  for (const [c, container] of containersOf(service))
    container.mounts?.forEach((m, i) => {
      // One writer per service: several containers of one pod run on one node, which RWO allows.
      if (m.type === 'volume' && !m.readOnly && !writers.has(m.source))
        writers.set(m.source, { service: name, path: ['services', name, 'containers', c, 'mounts', i] });
    });
  return writers;
}

function checkTarget(ctx: Ctx, targets: Map<string, number>, path: Path, c: string, service: string, m: Mount, i: number): void {
  const target = m.target.length > 1 ? m.target.replace(/\/+$/, '') : m.target;
  const first = targets.get(target);
  if (first === undefined) targets.set(target, i);
  else
    ctx.report(
      'DUPLICATE_MOUNT_TARGET',
      'error',
      [...path, 'target'],
      `Container "${c}" of service "${service}" mounts two things at ${target} (mounts ${first} and ${i}).`,
      'Give each mount its own target path.',
    );
}

function checkSource(ctx: Ctx, path: Path, c: string, service: string, m: Mount & { type: 'volume' | 'config' | 'secret' }): void {
  const [section, code] = DANGLING[m.type];
  const declared = ctx.bp[section];
  if (declared && Object.hasOwn(declared, m.source)) return;
  ctx.report(
    code,
    'error',
    [...path, 'source'],
    `Container "${c}" of service "${service}" mounts the ${m.type} "${m.source}", which is not declared under ${section}.`,
    `Declare ${section}.${m.source}, or mount an existing ${m.type}.`,
  );
}

function checkSubPath(ctx: Ctx, path: Path, subPath: string | undefined): void {
  if (subPath === undefined) return;
  if (!subPath.startsWith('/') && !subPath.split('/').includes('..')) return;
  ctx.report(
    'SCHEMA_VALUE',
    'error',
    [...path, 'subPath'],
    `The subPath "${subPath}" leaves the volume; it must be a relative path inside it.`,
    'Write a relative path without "..", e.g. "data/db".',
  );
}

/**
 * A single-writer volume (ReadWriteOnce) may be written by one pod: not by two services, nor by a
 * service that may run several replicas (unless each replica gets its own copy). Ephemeral volumes
 * exist once per pod, so they are never shared. `list`: the writers of one volume in document order.
 */
export function reportWriters(ctx: Ctx, volume: string, list: readonly Writer[]): void {
  const services = ctx.bp.services ?? {};
  const v = ctx.bp.volumes?.[volume];
  if (!v || v.access === 'shared' || v.ephemeral) return;
  for (const w of list.slice(1))
    ctx.report(
      'SINGLE_WRITER_SHARED',
      'error',
      w.path,
      `The single-writer volume "${volume}" is mounted read-write by ${listing(list.map((x) => `"${x.service}"`))}; only one pod may write to it.`,
      'Mount it readOnly in all but one service, or set access: shared on the volume.',
    );
  for (const w of list) {
    const s = services[w.service] as Service;
    if (!v.perReplica && mayRunSeveral(s))
      ctx.report(
        'SINGLE_WRITER_SHARED',
        'error',
        w.path,
        `The single-writer volume "${volume}" is mounted read-write by service "${w.service}", which ${replicasText(s)}; only one pod may write to it.`,
        'Run one replica, mount it readOnly, set perReplica: true (one copy per replica) or access: shared.',
      );
  }
}

const replicasText = (s: Service) =>
  s.mode === 'global'
    ? 'runs one replica per node'
    : s.replicas > 1
      ? `runs ${s.replicas} replicas`
      : `scales up to ${s.scaling?.max} replicas`;
