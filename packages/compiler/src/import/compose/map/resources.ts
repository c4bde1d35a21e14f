import type { Path } from '@blaupause/model';
import { checkProjectPath, readLabels } from '../canonical/fields';
import { type ImportContext, isObj, type Obj } from '../context';
import { readBool, readMap, readText, typeError } from '../values';
import type { Kind, Renames } from './renames';
import type { ConfigInput, NetworkInput, SecretInput, VolumeInput } from './state';

type Entry = { name: string; path: Path; def: Obj };

/** The entries of a top-level section, `x-` keys skipped and `name:` (null) read as empty. */
function entries(ctx: ImportContext, root: Obj, kind: Kind): Entry[] {
  const section = readMap(ctx, root[kind], [kind]);
  const out: Entry[] = [];
  for (const [name, def] of Object.entries(section ?? {})) {
    if (name.startsWith('x-')) continue;
    const path = [kind, name];
    if (def !== null && !isObj(def)) typeError(ctx, path, 'a mapping', def);
    out.push({ name, path, def: isObj(def) ? def : {} });
  }
  return out;
}

/**
 * `external: true`, or the legacy `external: {name: x}` (external, under another name, which is
 * not carried). Returns whether the resource is external.
 */
function readExternal(ctx: ImportContext, e: Entry): boolean {
  const v = e.def.external;
  if (isObj(v)) {
    ctx.unsupported([...e.path, 'external', 'name'], 'the resource is used under its own name.');
    return true;
  }
  return readBool(ctx, v, [...e.path, 'external']) === true;
}

/** Keys every top-level resource has: `x-` (skipped) and `name` (not carried). True when handled here. */
function common(ctx: ImportContext, e: Entry, key: string, what: string): boolean {
  if (key.startsWith('x-')) return true;
  if (key !== 'name') return false;
  ctx.unsupported([...e.path, key], `the ${what} is named after its key (and the project).`);
  return true;
}

export function mapVolumes(ctx: ImportContext, root: Obj, names: Renames): Record<string, VolumeInput> {
  const out: Record<string, VolumeInput> = {};
  for (const e of entries(ctx, root, 'volumes')) {
    const v: VolumeInput = {};
    if (readExternal(ctx, e)) v.external = true;
    for (const [k, value] of Object.entries(e.def)) {
      const p = [...e.path, k];
      if (common(ctx, e, k, 'volume')) continue;
      if (k === 'labels') v.labels = readLabels(ctx, value, p);
      else if (k === 'driver') v.driver = readText(ctx, value, p);
      else if (k === 'driver_opts') readDriverOpts(ctx, value, p, v);
      else if (k !== 'external') ctx.unsupported(p, 'not a key of a Compose volume.');
    }
    // The local driver is every engine's default; keeping it would only make the blueprint say so.
    if (v.ephemeral && v.driver === 'local') delete v.driver;
    out[names.of('volumes', e.name)] = v;
  }
  return out;
}

/** The local driver with tmpfs options is an ephemeral volume (what the Compose emitter writes for one). */
function readDriverOpts(ctx: ImportContext, value: unknown, p: Path, v: VolumeInput): void {
  const opts = readMap(ctx, value, p) ?? {};
  const o = typeof opts.o === 'string' ? opts.o : '';
  const size = /^size=(\d+[kmg]?)$/i.exec(o)?.[1];
  const keys = Object.keys(opts).sort().join(',');
  if (opts.type === 'tmpfs' && opts.device === 'tmpfs' && (o === '' || size) && (keys === 'device,o,type' || keys === 'device,type')) {
    v.ephemeral = true;
    if (size) v.size = dockerToQuantity(size);
  } else ctx.unsupported(p, 'volume driver options are not carried.');
}

function dockerToQuantity(s: string): string {
  const unit = s.slice(-1).toLowerCase();
  return unit === 'k' || unit === 'm' || unit === 'g' ? `${s.slice(0, -1)}${unit.toUpperCase()}i` : s;
}

export function mapNetworks(ctx: ImportContext, root: Obj, names: Renames): Record<string, NetworkInput> {
  const out: Record<string, NetworkInput> = {};
  for (const e of entries(ctx, root, 'networks')) {
    const n: NetworkInput = {};
    if (readExternal(ctx, e)) n.external = true;
    for (const [k, value] of Object.entries(e.def)) {
      const p = [...e.path, k];
      if (common(ctx, e, k, 'network')) continue;
      if (k === 'labels') n.labels = readLabels(ctx, value, p);
      else if (k === 'driver') n.driver = readText(ctx, value, p);
      else if (k === 'internal') n.internal = readBool(ctx, value, p);
      else if (k === 'ipam') ctx.unsupported(p, 'address management (subnets, gateways) is not carried; the engine picks the addresses.');
      else if (k === 'attachable' || k === 'enable_ipv6' || k === 'enable_ipv4' || k === 'driver_opts')
        ctx.unsupported(p, `the network setting ${k} is not carried.`);
      else if (k !== 'external') ctx.unsupported(p, 'not a key of a Compose network.');
    }
    out[e.name === 'default' ? 'default' : names.of('networks', e.name)] = n;
  }
  return out;
}

export function mapConfigs(ctx: ImportContext, root: Obj, names: Renames): Record<string, ConfigInput> {
  const out: Record<string, ConfigInput> = {};
  for (const e of entries(ctx, root, 'configs')) {
    const c: ConfigInput = {};
    if (readExternal(ctx, e)) c.external = true;
    for (const [k, value] of Object.entries(e.def)) {
      const p = [...e.path, k];
      if (common(ctx, e, k, 'config')) continue;
      if (k === 'file') c.file = projectFile(ctx, value, p);
      else if (k === 'content') c.content = readText(ctx, value, p);
      else if (k === 'environment')
        ctx.unsupported(
          p,
          'a config cannot take its content from an environment variable in the blueprint.',
          'Write the content inline, or use a file.',
        );
      else if (k === 'labels' || k === 'template_driver') ctx.unsupported(p, `the config setting ${k} is not carried.`);
      else if (k !== 'external') ctx.unsupported(p, 'not a key of a Compose config.');
    }
    out[names.of('configs', e.name)] = c;
  }
  return out;
}

export function mapSecrets(ctx: ImportContext, root: Obj, names: Renames): Record<string, SecretInput> {
  const out: Record<string, SecretInput> = {};
  for (const e of entries(ctx, root, 'secrets')) {
    const s: SecretInput = {};
    if (readExternal(ctx, e)) s.external = true;
    for (const [k, value] of Object.entries(e.def)) {
      const p = [...e.path, k];
      if (common(ctx, e, k, 'secret')) continue;
      if (k === 'file') s.file = projectFile(ctx, value, p);
      else if (k === 'environment') s.environment = readText(ctx, value, p);
      else if (k === 'labels' || k === 'driver' || k === 'driver_opts' || k === 'template_driver')
        ctx.unsupported(p, `the secret setting ${k} is not carried.`);
      else if (k !== 'external') ctx.unsupported(p, 'not a key of a Compose secret.');
    }
    out[names.of('secrets', e.name)] = s;
  }
  return out;
}

function projectFile(ctx: ImportContext, value: unknown, p: Path): string | undefined {
  const file = readText(ctx, value, p);
  if (file !== undefined) checkProjectPath(ctx, file, p);
  return file;
}
