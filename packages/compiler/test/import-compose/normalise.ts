import type { Path } from '@blaupause/model';
import { canonicalService, TOMBSTONE } from './normalise-service';

/**
 * normaliseCompose: a Compose document in one canonical long form, so that an original file and
 * the Compose output of its imported blueprint can be compared with one deep equality. What the
 * importer reported as not carried is removed from the original first (`lost`, paths as the
 * importer reported them), and the names it changed are changed (`renames`, `namedVolumes`,
 * `helpers`). Paths that are cut from both sides (`drop`, canonical paths) are what the Compose
 * emitter reported it could not write (fidelity notes).
 */

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

export interface NormaliseOptions {
  lost?: readonly Path[];
  renames?: Partial<Record<'services' | 'volumes' | 'networks' | 'configs' | 'secrets', Record<string, string>>>;
  /** Anonymous volumes the importer named: the path of the mount as written, and the name. */
  namedVolumes?: readonly { path: Path; name: string }[];
  /** Original service name → the service name it has in the output (helpers: "<pod>-<container>"). */
  helpers?: Record<string, string>;
  /** Canonical paths removed from the result, e.g. ['services', 'web', 'deploy', 'placement']. */
  drop?: readonly Path[];
}

export function normaliseCompose(doc: unknown, opts: NormaliseOptions = {}): Obj {
  const raw = structuredClone(doc) as Obj;
  const pending: Path[] = [];
  for (const p of opts.lost ?? []) if (!markLost(raw, p)) pending.push(p);
  for (const { path, name } of opts.namedVolumes ?? []) nameVolume(raw, path, name);
  const out: Obj = {};
  for (const [k, v] of Object.entries(raw)) {
    if (v === TOMBSTONE || k === 'version' || k === 'name' || k.startsWith('x-')) continue;
    if (k === 'services') out.services = services(v as Obj);
    else out[k] = resources(v);
  }
  for (const p of pending) deleteAt(out, p);
  flattenMounts(out);
  rename(out, opts);
  for (const p of opts.drop ?? []) deleteAt(out, p);
  return prune(out) as Obj;
}

/** Replaces what is at `path` with a tombstone (list indexes stay valid); false when the path does not exist as written. */
function markLost(root: Obj, path: Path): boolean {
  let node: unknown = root;
  for (const seg of path.slice(0, -1)) {
    node = isObj(node) || Array.isArray(node) ? (node as Record<string | number, unknown>)[seg] : undefined;
    if (node === undefined || node === TOMBSTONE) return node === TOMBSTONE;
  }
  const last = path.at(-1) as string | number;
  if (path.length === 0 || !(isObj(node) || Array.isArray(node)) || !Object.hasOwn(node as object, last)) return false;
  (node as Record<string | number, unknown>)[last] = TOMBSTONE;
  return true;
}

function nameVolume(root: Obj, path: Path, name: string): void {
  const [, service, , index] = path;
  const list = ((root.services as Obj)[service as string] as Obj).volumes as unknown[];
  const item = list[index as number];
  list[index as number] = isObj(item) ? { ...item, source: name } : `${name}:${item}`;
  root.volumes = { ...(isObj(root.volumes) ? root.volumes : {}), [name]: {} };
}

function services(v: Obj): Obj {
  const out: Obj = {};
  for (const [name, svc] of Object.entries(v)) {
    if (svc === TOMBSTONE || name.startsWith('x-')) continue;
    const s = isObj(svc) ? svc : {};
    // A helper's dependency on the service whose network it joins is implied (the emitter writes it).
    const joins = typeof s.network_mode === 'string' && s.network_mode.startsWith('service:') ? s.network_mode.slice(8) : undefined;
    const c = canonicalService(s);
    if (joins && isObj(c.depends_on)) delete c.depends_on[joins];
    out[name] = c;
  }
  return out;
}

/** Top-level volumes, networks, configs, secrets: null entries are empty, `external: {name}` is external. */
function resources(v: unknown): Obj {
  const out: Obj = {};
  for (const [name, def] of Object.entries(isObj(v) ? v : {})) {
    if (def === TOMBSTONE || name.startsWith('x-')) continue;
    const d: Obj = isObj(def) ? { ...def } : {};
    if (isObj(d.external)) d.external = true;
    if (isObj(d.labels)) d.labels = Object.fromEntries(Object.entries(d.labels).filter(([k]) => !k.startsWith('dev.blaupause.')));
    for (const [k, x] of Object.entries(d)) if (x === TOMBSTONE || x === false || x === undefined) delete d[k];
    out[name] = d;
  }
  return out;
}

/** Mounts are compared as a set: sorted by target, without their item index. */
function flattenMounts(out: Obj): void {
  for (const svc of Object.values((out.services as Obj | undefined) ?? {}) as Obj[]) {
    if (!Array.isArray(svc.volumes)) continue;
    const mounts = (svc.volumes as (Obj | undefined)[]).filter((m): m is Obj => m !== undefined).map(({ from: _, ...m }) => m);
    svc.volumes = mounts.sort((a, b) => String(a.target).localeCompare(String(b.target)));
  }
}

function rename(out: Obj, opts: NormaliseOptions): void {
  const r = opts.renames ?? {};
  const svcName = (n: string) => opts.helpers?.[n] ?? r.services?.[n] ?? n;
  const of = (kind: keyof NonNullable<NormaliseOptions['renames']>, n: string) => r[kind]?.[n] ?? n;
  for (const kind of ['volumes', 'networks', 'configs', 'secrets'] as const)
    if (isObj(out[kind])) out[kind] = Object.fromEntries(Object.entries(out[kind] as Obj).map(([k, v]) => [of(kind, k), v]));
  const services = (out.services as Obj | undefined) ?? {};
  const renamed: Obj = {};
  for (const [name, s] of Object.entries(services) as [string, Obj][]) {
    if (isObj(s.depends_on)) s.depends_on = Object.fromEntries(Object.entries(s.depends_on).map(([k, v]) => [svcName(k), v]));
    if (typeof s.network_mode === 'string' && s.network_mode.startsWith('service:'))
      s.network_mode = `service:${svcName(s.network_mode.slice(8))}`;
    if (Array.isArray(s.networks)) s.networks = s.networks.map((n) => of('networks', n as string)).sort();
    for (const m of (s.volumes as Obj[] | undefined) ?? [])
      if (m.type === 'volume' && typeof m.source === 'string') m.source = of('volumes', m.source);
    for (const kind of ['configs', 'secrets'] as const)
      for (const f of (s[kind] as Obj[] | undefined) ?? []) f.source = of(kind, String(f.source));
    renamed[svcName(name)] = s;
  }
  if (out.services) out.services = renamed;
}

function deleteAt(root: unknown, path: Path): void {
  let node = root as Record<string | number, unknown> | undefined;
  for (const seg of path.slice(0, -1)) node = node?.[seg] as Record<string | number, unknown> | undefined;
  if (node && typeof node === 'object') delete node[path.at(-1) as string];
}

/** Undefined values and emptied mappings left by deletions are not differences. */
function prune(v: unknown, depth = 0): unknown {
  if (Array.isArray(v)) return v.filter((x) => x !== TOMBSTONE).map((x) => prune(x, depth + 1));
  if (!isObj(v)) return v;
  const out: Obj = {};
  for (const [k, x] of Object.entries(v)) {
    const p = prune(x, depth + 1);
    // Entries of the sections (depth 1: services, volumes, ...) are kept even when empty: their name is the content.
    if (p === undefined || p === TOMBSTONE || (depth >= 2 && isObj(p) && Object.keys(p).length === 0)) continue;
    out[k] = p;
  }
  return out;
}
