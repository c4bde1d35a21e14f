import type { Path } from '@blaupause/model';
import { dotted, type ImportContext, isObj, type Obj } from '../context';
import type { CPort } from '../types';
import { readInt, readList, readLiteral, typeError } from '../values';

/** Ranges expand to one port each; beyond this many a range is reported instead of carried. */
export const MAX_RANGE = 100;

const PORT = { min: 1, max: 65535 };

interface Spec {
  hostIp?: string;
  published?: string;
  target: string;
  protocol: string;
}

/** `ports:` in short ("[host_ip:][published:]target[/proto]", ranges too) and long syntax. */
export function readPorts(ctx: ImportContext, v: unknown, path: Path): CPort[] {
  const out: CPort[] = [];
  readList(ctx, v, path)?.forEach((item, i) => {
    const at = [...path, i];
    if (isObj(item)) out.push(...readLongPort(ctx, item, at));
    else if (typeof item === 'number') out.push(...expand(ctx, { target: String(item), protocol: 'tcp' }, at));
    else if (typeof item === 'string') {
      const spec = readLiteral(ctx, item, at);
      const parsed = spec === undefined ? undefined : parseShortPort(spec);
      if (parsed) out.push(...expand(ctx, parsed, at));
      else if (spec !== undefined) ctx.error('SCHEMA_VALUE', at, `${dotted(at)}: "${spec}" is not a port mapping.`, PORT_HINT);
    } else typeError(ctx, at, 'a port mapping', item);
  });
  return out;
}

const PORT_HINT = 'Write [host_ip:][published:]target[/tcp|udp], e.g. "8080:80" or "127.0.0.1:53:53/udp".';

/** `expose:` ports: internal only, never published. */
export function readExpose(ctx: ImportContext, v: unknown, path: Path): CPort[] {
  const out: CPort[] = [];
  readList(ctx, v, path)?.forEach((item, i) => {
    const at = [...path, i];
    const spec = typeof item === 'number' ? String(item) : readLiteral(ctx, item, at);
    if (spec === undefined) return;
    const slash = spec.indexOf('/');
    const target = slash < 0 ? spec : spec.slice(0, slash);
    const protocol = slash < 0 ? 'tcp' : spec.slice(slash + 1);
    out.push(...expand(ctx, { target, protocol }, at, true));
  });
  return out;
}

export function parseShortPort(raw: string): Spec | undefined {
  let s = raw.trim();
  let protocol = 'tcp';
  const slash = s.lastIndexOf('/');
  if (slash >= 0) {
    protocol = s.slice(slash + 1).toLowerCase();
    s = s.slice(0, slash);
  }
  let hostIp: string | undefined;
  if (s.startsWith('[')) {
    const close = s.indexOf(']');
    if (close < 0 || s[close + 1] !== ':') return undefined;
    hostIp = s.slice(1, close);
    s = s.slice(close + 2);
  }
  const parts = s.split(':');
  if (parts.length > 3 && hostIp === undefined) {
    // An unbracketed IPv6 address: the last two parts are the ports.
    hostIp = parts.slice(0, -2).join(':');
    parts.splice(0, parts.length - 2);
  }
  if (parts.length === 3 && hostIp === undefined) hostIp = parts.shift();
  if (parts.length > 2 || (hostIp !== undefined && parts.length !== 2)) return undefined;
  const target = parts.pop() as string;
  const published = parts.pop();
  return { target, protocol, ...(hostIp ? { hostIp } : {}), ...(published ? { published } : {}) };
}

function readLongPort(ctx: ImportContext, item: Obj, at: Path): CPort[] {
  const spec: Spec = { target: '', protocol: 'tcp' };
  let name: string | undefined;
  for (const [k, value] of Object.entries(item)) {
    const p = [...at, k];
    if (k.startsWith('x-')) continue;
    if (k === 'target' || k === 'published') {
      const s = typeof value === 'number' ? String(value) : readLiteral(ctx, value, p);
      if (s !== undefined) spec[k] = s;
    } else if (k === 'host_ip' || k === 'protocol' || k === 'name') {
      const s = readLiteral(ctx, value, p);
      if (s === undefined) continue;
      if (k === 'host_ip') spec.hostIp = s;
      else if (k === 'protocol') spec.protocol = s.toLowerCase();
      else name = s;
    } else if (k === 'mode') {
      if (readLiteral(ctx, value, p) === 'host') ctx.unsupported(p, 'Swarm host-mode publishing; the port is published the usual way.');
    } else if (k === 'app_protocol') ctx.unsupported(p, 'the blueprint has no application protocol on ports.', undefined, 'info');
    else ctx.unsupported(p, 'not a key of a Compose port.');
  }
  if (!spec.target) {
    ctx.error('SCHEMA_REQUIRED', [...at, 'target'], `${dotted(at)} has no target port.`, undefined, at);
    return [];
  }
  if (spec.published === '') delete spec.published;
  return expand(ctx, spec, at).map((p) => (name ? { ...p, name } : p));
}

/** One port per number of a range ("8000-8002:9000-9002"); a published range with a single target takes its first port. */
function expand(ctx: ImportContext, spec: Spec, at: Path, exposeOnly = false): CPort[] {
  if (spec.protocol !== 'tcp' && spec.protocol !== 'udp') {
    ctx.unsupported(at, `the protocol "${spec.protocol}" is not carried (tcp and udp only).`);
    return [];
  }
  const protocol = spec.protocol;
  const targets = range(ctx, spec.target, at);
  const published = spec.published === undefined ? undefined : range(ctx, spec.published, at);
  if (!targets || (spec.published !== undefined && !published)) return [];
  const n = targets[1] - targets[0] + 1;
  if (n > MAX_RANGE) {
    ctx.unsupported(
      at,
      `a range of ${n} ports is too large to carry (at most ${MAX_RANGE}).`,
      'Publish the ports the application really uses.',
    );
    return [];
  }
  const base = { protocol, at, ...(spec.hostIp ? { hostIp: spec.hostIp } : {}) } as const;
  if (exposeOnly) return ports(targets, (t) => ({ target: t, protocol, exposeOnly, at }));
  if (published === undefined) {
    ctx.approximated(
      at,
      spec.hostIp
        ? 'Compose publishes this port on a random host port; the blueprint keeps it internal, and the host address is dropped.'
        : 'Compose publishes this port on a random host port; the blueprint keeps it internal.',
      'Give a host port ("8080:80") to publish it.',
    );
    return ports(targets, (t) => ({ target: t, protocol, at }));
  }
  const m = published[1] - published[0] + 1;
  if (m === n) return ports(targets, (t) => ({ ...base, target: t, published: published[0] + (t - targets[0]) }));
  if (n === 1) {
    ctx.approximated(at, `Compose picks a free host port in ${published[0]}-${published[1]}; the blueprint publishes ${published[0]}.`);
    return [{ ...base, target: targets[0], published: published[0] }];
  }
  ctx.error('SCHEMA_VALUE', at, `${dotted(at)}: the published range has ${m} ports and the target range ${n}.`, PORT_HINT);
  return [];
}

function ports(r: [number, number], make: (t: number) => CPort): CPort[] {
  const out: CPort[] = [];
  for (let t = r[0]; t <= r[1]; t++) out.push(make(t));
  return out;
}

function range(ctx: ImportContext, s: string, at: Path): [number, number] | undefined {
  const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(s);
  if (!m) {
    ctx.error('SCHEMA_VALUE', at, `${dotted(at)}: "${s}" is not a port number or range.`, PORT_HINT);
    return undefined;
  }
  const lo = readInt(ctx, Number(m[1]), at, PORT);
  const hi = m[2] === undefined ? lo : readInt(ctx, Number(m[2]), at, PORT);
  if (lo === undefined || hi === undefined) return undefined;
  if (hi < lo) {
    ctx.error('SCHEMA_VALUE', at, `${dotted(at)}: the range ${lo}-${hi} runs backwards.`);
    return undefined;
  }
  return [lo, hi];
}
