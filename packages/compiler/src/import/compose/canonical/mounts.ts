import type { Path } from '@blaupause/model';
import { dotted, type ImportContext, isObj, type Obj } from '../context';
import { fileModeText } from '../file-mode';
import type { CFileRef, CMount } from '../types';
import { readBool, readList, readLiteral, readSize, readStringList, readText, typeError } from '../values';

/** `volumes:` of a service, short ("src:dst:ro") and long syntax. */
export function readVolumes(ctx: ImportContext, v: unknown, path: Path): CMount[] {
  const out: CMount[] = [];
  readList(ctx, v, path)?.forEach((item, i) => {
    const at = [...path, i];
    const m = isObj(item) ? readLongVolume(ctx, item, at) : typeof item === 'string' ? readShortVolume(ctx, item, at) : undefined;
    if (!isObj(item) && typeof item !== 'string') typeError(ctx, at, 'a volume mapping', item);
    if (m && absoluteTarget(ctx, m)) out.push(m);
  });
  return out;
}

/** Container paths are absolute; a ${VAR} in one takes its default (the blueprint checks the path). */
export function absoluteTarget(ctx: ImportContext, m: CMount): boolean {
  const at = m.at;
  const target = m.target.includes('$') ? readLiteral(ctx, m.target, at) : m.target;
  if (target?.startsWith('/')) {
    m.target = target;
    return true;
  }
  ctx.error(
    'SCHEMA_VALUE',
    at,
    `${dotted(at)}: the container path "${m.target}" is not absolute.`,
    'Write the path inside the container, starting with "/".',
  );
  return false;
}

/** Compose reads a source as a host path when it starts like one; otherwise it names a volume. */
export const isHostPath = (s: string): boolean => /^([./~\\]|[A-Za-z]:[\\/])/.test(s) || s.includes('$');

/**
 * "src:dst[:opts]" split on ":", keeping a Windows drive letter ("C:\\data") with its path and a
 * kept ${VAR:-default} whole (its default may hold a ":" or a path).
 */
export function splitSpec(spec: string): string[] {
  const raw: string[] = [];
  let start = 0;
  let depth = 0;
  for (let i = 0; i < spec.length; i++) {
    if (spec[i] === '$' && spec[i + 1] === '{') {
      depth++;
      i++;
    } else if (spec[i] === '}' && depth > 0) depth--;
    else if (spec[i] === ':' && depth === 0) {
      raw.push(spec.slice(start, i));
      start = i + 1;
    }
  }
  raw.push(spec.slice(start));
  const parts: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const p = raw[i] as string;
    const next = raw[i + 1];
    if (/^[A-Za-z]$/.test(p) && next !== undefined && /^[\\/]/.test(next)) {
      parts.push(`${p}:${next}`);
      i++;
    } else parts.push(p);
  }
  return parts;
}

function readShortVolume(ctx: ImportContext, spec: string, at: Path): CMount | undefined {
  const parts = splitSpec(spec);
  if (parts.length > 3 || parts.some((p) => p === '')) {
    ctx.error(
      'SCHEMA_VALUE',
      at,
      `${dotted(at)}: "${spec}" is not a volume mapping.`,
      'Write source:target[:ro], e.g. "data:/var/lib/data" or "./conf:/etc/app:ro".',
    );
    return undefined;
  }
  if (parts.length === 1) return { type: 'volume', target: parts[0] as string, at };
  const [source, target, opts] = parts as [string, string, string | undefined];
  const m: CMount = { type: isHostPath(source) ? 'bind' : 'volume', source, target, at };
  for (const opt of opts?.split(',') ?? []) shortOption(ctx, m, opt, at);
  return m;
}

// What each short-syntax flag is in long syntax, so a diagnostic names the key `docker compose config` prints.
const FLAG_KEYS: Record<string, Path> = {
  z: ['bind', 'selinux'],
  Z: ['bind', 'selinux'],
  nocopy: ['volume', 'nocopy'],
  consistent: ['consistency'],
  cached: ['consistency'],
  delegated: ['consistency'],
  shared: ['bind', 'propagation'],
  rshared: ['bind', 'propagation'],
  slave: ['bind', 'propagation'],
  rslave: ['bind', 'propagation'],
  private: ['bind', 'propagation'],
  rprivate: ['bind', 'propagation'],
};

function shortOption(ctx: ImportContext, m: CMount, opt: string, at: Path): void {
  if (opt === 'ro') m.readOnly = true;
  else if (opt === 'rw') m.readOnly = false;
  else if (Object.hasOwn(FLAG_KEYS, opt)) {
    const consistency = FLAG_KEYS[opt]?.[0] === 'consistency';
    ctx.unsupported(
      [...at, ...(FLAG_KEYS[opt] as Path)],
      `the mount option "${opt}" is not carried.`,
      undefined,
      consistency ? 'info' : 'warning',
      at,
    );
  } else ctx.error('SCHEMA_VALUE', at, `${dotted(at)}: "${opt}" is not a mount option.`, 'Use ro or rw.');
}

const LONG_KEYS = new Set(['type', 'source', 'target', 'read_only', 'consistency', 'bind', 'volume', 'tmpfs']);

function readLongVolume(ctx: ImportContext, item: Obj, at: Path): CMount | undefined {
  const type = readLiteral(ctx, item.type, [...at, 'type']);
  const target = readText(ctx, item.target, [...at, 'target']);
  if (type !== 'volume' && type !== 'bind' && type !== 'tmpfs') {
    ctx.unsupported(at, `mounts of type "${type ?? '(none)'}" are not carried (volume, bind and tmpfs are).`);
    return undefined;
  }
  if (target === undefined) {
    ctx.error('SCHEMA_REQUIRED', [...at, 'target'], `${dotted(at)} has no target.`, undefined, at);
    return undefined;
  }
  const m: CMount = { type, target, at };
  const source = readText(ctx, item.source, [...at, 'source']);
  if (source !== undefined && type !== 'tmpfs') m.source = source;
  if (type === 'bind' && source === undefined)
    ctx.error('SCHEMA_REQUIRED', [...at, 'source'], `${dotted(at)}: a bind mount needs a source.`, undefined, at);
  const ro = readBool(ctx, item.read_only, [...at, 'read_only']);
  if (ro !== undefined) m.readOnly = ro;
  for (const k of Object.keys(item)) {
    if (k.startsWith('x-')) continue;
    if (!LONG_KEYS.has(k)) ctx.unsupported([...at, k], 'not a key of a Compose mount.');
    else if (k === 'consistency') ctx.unsupported([...at, k], 'mount consistency has no effect outside Docker Desktop.', undefined, 'info');
    else if (k === 'bind' || k === 'volume' || k === 'tmpfs') readMountOptions(ctx, m, k, item[k], [...at, k]);
  }
  return m;
}

function readMountOptions(ctx: ImportContext, m: CMount, kind: 'bind' | 'volume' | 'tmpfs', v: unknown, path: Path): void {
  if (!isObj(v)) {
    if (v !== null && v !== undefined) typeError(ctx, path, 'a mapping', v);
    return;
  }
  if (kind !== m.type) {
    ctx.unsupported(path, `"${kind}" options do not apply to a ${m.type} mount.`);
    return;
  }
  for (const [k, value] of Object.entries(v)) {
    const p = [...path, k];
    if (k.startsWith('x-')) continue;
    if (kind === 'volume' && k === 'subpath') {
      const s = readText(ctx, value, p);
      if (s !== undefined) m.subPath = s;
    } else if (kind === 'tmpfs' && k === 'size') {
      const size = readSize(ctx, value, p);
      if (size !== undefined) m.size = size;
    } else if (kind === 'tmpfs' && k === 'mode') ctx.unsupported(p, `the tmpfs mode ${fileModeText(ctx, value, p)} is not carried.`);
    else if (kind === 'bind' && k === 'create_host_path') {
      if (readBool(ctx, value, p) === false) ctx.unsupported(p, 'the blueprint cannot forbid creating a missing host path.');
    } else ctx.unsupported(p, `the ${kind} option "${k}" is not carried.`);
  }
}

/** Service-level `tmpfs:` ("/run" or "/run:size=64m,mode=1777"). */
export function readTmpfs(ctx: ImportContext, v: unknown, path: Path): CMount[] {
  const list = readStringList(ctx, v, path) ?? [];
  const out: CMount[] = [];
  list.forEach((spec, i) => {
    const at: Path = typeof v === 'string' ? path : [...path, i];
    const colon = spec.indexOf(':');
    const m: CMount = { type: 'tmpfs', target: colon < 0 ? spec : spec.slice(0, colon), at };
    for (const opt of colon < 0 ? [] : spec.slice(colon + 1).split(',')) {
      const [k, value] = opt.split('=');
      const size = k === 'size' && value !== undefined ? readSize(ctx, value, at) : undefined;
      if (size !== undefined) m.size = size;
      else if (k !== 'size') ctx.unsupported([...at, k ?? opt], `the tmpfs option "${opt}" is not carried.`, undefined, 'warning', at);
    }
    if (absoluteTarget(ctx, m)) out.push(m);
  });
  return out;
}

const FILE_KEYS = new Set(['source', 'target', 'uid', 'gid', 'mode']);

/** A service's `configs:` or `secrets:`: short ("name") and long syntax; targets default as Compose does. */
export function readFileRefs(ctx: ImportContext, kind: 'config' | 'secret', v: unknown, path: Path): CFileRef[] {
  const out: CFileRef[] = [];
  for (const [i, item] of (readList(ctx, v, path) ?? []).entries()) {
    const ref = readFileRef(ctx, kind, item, [...path, i]);
    if (ref) out.push(ref);
  }
  return out;
}

const defaultTarget = (kind: 'config' | 'secret', name: string) => (kind === 'secret' ? `/run/secrets/${name}` : `/${name}`);

function readFileRef(ctx: ImportContext, kind: 'config' | 'secret', item: unknown, at: Path): CFileRef | undefined {
  if (typeof item === 'string') {
    const source = readLiteral(ctx, item, at);
    return source === undefined ? undefined : { kind, source, target: defaultTarget(kind, source), at };
  }
  if (!isObj(item)) {
    typeError(ctx, at, `a ${kind} name or mapping`, item);
    return undefined;
  }
  const source = readLiteral(ctx, item.source, [...at, 'source']);
  if (source === undefined) {
    ctx.error('SCHEMA_REQUIRED', [...at, 'source'], `${dotted(at)} names no ${kind}.`, undefined, at);
    return undefined;
  }
  const target = readText(ctx, item.target, [...at, 'target']);
  for (const k of Object.keys(item)) {
    if (k.startsWith('x-') || k === 'source' || k === 'target') continue;
    const p = [...at, k];
    if (!FILE_KEYS.has(k)) ctx.unsupported(p, `not a key of a Compose ${kind} reference.`);
    else if (k === 'mode')
      ctx.unsupported(p, `the file mode ${fileModeText(ctx, item[k], p)} is not carried; the engine's default applies.`);
    else ctx.unsupported(p, `the file owner (${k}) is not carried; the engine's default applies.`);
  }
  // A relative target is relative to /run/secrets (secrets) or / (configs), as in Compose.
  const absolute = target === undefined ? defaultTarget(kind, source) : target.startsWith('/') ? target : defaultTarget(kind, target);
  return { kind, source, target: absolute, at };
}
