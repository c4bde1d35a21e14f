import { shellSplit } from '../../src/import/compose/shell-words';

/**
 * One Compose service in one canonical long form, written independently of the importer (except
 * for the shell-word splitting, which is a unit-tested port of compose-go's). Lists of mounts keep
 * the index of the item they came from (`from`), so that lost sub-keys of a short syntax item can
 * still be removed by the path the importer reported.
 */

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

export const TOMBSTONE = Symbol('lost');

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

function listOrDict(v: unknown, noValue: (k: string) => string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (Array.isArray(v))
    for (const item of v) {
      if (item === TOMBSTONE) continue;
      const s = str(item);
      const eq = s.indexOf('=');
      const value = eq < 0 ? noValue(s) : s.slice(eq + 1);
      if (value !== undefined) out[eq < 0 ? s : s.slice(0, eq)] = value;
    }
  else if (isObj(v))
    for (const [k, value] of Object.entries(v)) {
      if (value === TOMBSTONE) continue;
      const s = value === null ? noValue(k) : str(value);
      if (s !== undefined) out[k] = s;
    }
  return out;
}

const braced = (s: string) =>
  s.replace(/\$([A-Za-z_][A-Za-z0-9_]*)/g, (m, name: string, at: number) => (s[at - 1] === '$' ? m : `\${${name}}`));

function argv(v: unknown): string[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') {
    const r = shellSplit(v);
    return r.ok ? r.args : [v];
  }
  return (v as unknown[]).map(str);
}

const BYTES: Record<string, number> = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

export function bytes(v: unknown): number | undefined {
  if (v === undefined || v === null) return undefined;
  const m = /^(\d+(?:\.\d+)?)\s*([bkmg])?i?b?$/i.exec(String(v).trim());
  return m ? Math.floor(Number(m[1]) * (BYTES[(m[2] ?? '').toLowerCase()] ?? 1)) : undefined;
}

function portRange(s: string): number[] {
  const [lo, hi = lo] = s.split('-').map(Number) as [number, number?];
  return Array.from({ length: (hi as number) - lo + 1 }, (_, i) => lo + i);
}

/** Published ports as "host_ip|published|target/proto" and internal ones as "target/proto". */
function ports(svc: Obj): { published: string[]; internal: string[] } {
  const published = new Set<string>();
  const internal = new Set<string>();
  for (const item of (svc.ports as unknown[] | undefined) ?? []) {
    if (item === TOMBSTONE) continue;
    let ip = '';
    let pub: string | undefined;
    let target: string;
    let proto = 'tcp';
    if (isObj(item)) {
      ip = str(item.host_ip);
      pub = item.published === undefined || item.published === '' ? undefined : str(item.published);
      target = str(item.target);
      proto = str(item.protocol || 'tcp');
    } else {
      let s = str(item);
      const slash = s.lastIndexOf('/');
      if (slash >= 0) [s, proto] = [s.slice(0, slash), s.slice(slash + 1)];
      const parts = s.startsWith('[') ? [s.slice(1, s.indexOf(']')), ...s.slice(s.indexOf(']') + 2).split(':')] : s.split(':');
      target = parts.pop() as string;
      pub = parts.pop() || undefined;
      ip = parts.join(':');
    }
    const targets = portRange(target);
    const pubs = pub === undefined ? undefined : portRange(pub);
    targets.forEach((t, i) => {
      if (pubs === undefined) internal.add(`${t}/${proto}`);
      else published.add(`${ip}|${pubs[i] ?? pubs[0]}|${t}/${proto}`);
    });
  }
  for (const e of (svc.expose as unknown[] | undefined) ?? []) {
    if (e === TOMBSTONE) continue;
    const [t = '', proto = 'tcp'] = str(e).split('/');
    for (const p of portRange(t)) internal.add(`${p}/${proto}`);
  }
  for (const p of published) internal.delete(p.slice(p.lastIndexOf('|') + 1));
  return { published: [...published].sort(), internal: [...internal].sort() };
}

/** "src:dst:opts" split on the colons outside ${...}; a drive letter ("C:\\x") stays with its path. */
function splitVolume(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    if (c === '$' && s[i + 1] === '{') depth++;
    if (c === '}' && depth > 0) depth--;
    const drive = /^[A-Za-z]$/.test(cur) && parts.length === 0 && /[\\/]/.test(s[i + 1] ?? '');
    if (c === ':' && depth === 0 && !drive) {
      parts.push(cur);
      cur = '';
    } else cur += c;
  }
  parts.push(cur);
  return parts;
}

const SHORT_FLAGS: Record<string, [string, string?]> = {
  z: ['bind', 'selinux'],
  Z: ['bind', 'selinux'],
  nocopy: ['volume', 'nocopy'],
  consistent: ['consistency'],
  cached: ['consistency'],
  delegated: ['consistency'],
};

/** A mount in long syntax; `from` is the index of the item it was written as. */
function mount(item: unknown, from: number): Obj {
  if (isObj(item)) {
    const m: Obj = { ...item, from };
    if (m.read_only === false) delete m.read_only;
    if (isObj(m.tmpfs) && m.tmpfs.size !== undefined) m.tmpfs = { ...m.tmpfs, size: bytes(m.tmpfs.size) };
    return m;
  }
  const parts = splitVolume(str(item));
  if (parts.length === 1) return { type: 'volume', target: parts[0], from };
  const [source = '', target, opts = ''] = parts;
  const bind = /^([./~\\]|[A-Za-z]:[\\/])/.test(source) || source.includes('$');
  const m: Obj = { type: bind ? 'bind' : 'volume', source, target, from };
  for (const o of opts.split(',').filter(Boolean)) {
    if (o === 'ro') m.read_only = true;
    const flag = SHORT_FLAGS[o];
    if (!flag) continue;
    if (flag[1]) m[flag[0]] = { ...(m[flag[0]] as Obj | undefined), [flag[1]]: o };
    else m[flag[0]] = o;
  }
  return m;
}

function tmpfs(v: unknown, from: number): Obj[] {
  const specs = typeof v === 'string' ? [v] : ((v as unknown[] | undefined) ?? []);
  return specs.map((s) => {
    const [target, opts = ''] = str(s).split(':');
    const size = /(?:^|,)size=([^,]+)/.exec(opts)?.[1];
    return { type: 'tmpfs', target, ...(size ? { tmpfs: { size: bytes(size) } } : {}), from };
  });
}

function fileRefs(v: unknown, kind: 'configs' | 'secrets'): Obj[] {
  const def = (name: string) => (kind === 'secrets' ? `/run/secrets/${name}` : `/${name}`);
  return ((v as unknown[] | undefined) ?? [])
    .filter((x) => x !== TOMBSTONE)
    .map((x) => {
      const o: Obj = isObj(x) ? { ...x } : { source: str(x) };
      const target = str(o.target);
      o.target = o.target === undefined ? def(str(o.source)) : target.startsWith('/') ? target : def(target);
      return o;
    });
}

const CONDITION_STRENGTH = ['service_started', 'service_healthy', 'service_completed_successfully'];

function dependencies(svc: Obj): Obj {
  const out: Record<string, Obj> = {};
  const add = (name: string, spec: Obj) => {
    const condition = str(spec.condition || 'service_started');
    const prev = out[name];
    const strongest =
      prev && CONDITION_STRENGTH.indexOf(str(prev.condition)) > CONDITION_STRENGTH.indexOf(condition) ? str(prev.condition) : condition;
    out[name] = {
      condition: strongest,
      ...(spec.required === false ? { required: false } : {}),
      ...(spec.restart ? { restart: spec.restart } : {}),
    };
  };
  const deps = svc.depends_on;
  if (Array.isArray(deps)) for (const d of deps) d !== TOMBSTONE && add(str(d), {});
  else if (isObj(deps)) for (const [k, v] of Object.entries(deps)) v !== TOMBSTONE && add(k, isObj(v) ? v : {});
  for (const l of (svc.links as unknown[] | undefined) ?? []) if (l !== TOMBSTONE) add(str(l).split(':')[0] as string, {});
  return out;
}

function healthcheck(v: unknown): Obj | undefined {
  if (!isObj(v)) return undefined;
  const out: Obj = { ...v };
  if (typeof out.test === 'string') out.test = ['CMD-SHELL', out.test];
  if (out.retries !== undefined) out.retries = Number(out.retries);
  return out;
}

function resources(svc: Obj, deploy: Obj): Obj | undefined {
  const r = isObj(deploy.resources) ? deploy.resources : {};
  const amounts = (a: unknown, cpus: unknown, memory: unknown) => {
    const o = isObj(a) ? { ...a } : {};
    if (cpus !== undefined) o.cpus ??= cpus;
    if (memory !== undefined) o.memory ??= memory;
    if (o.cpus !== undefined) o.cpus = Number(o.cpus);
    if (o.memory !== undefined) o.memory = bytes(o.memory);
    return Object.keys(o).length ? o : undefined;
  };
  const limits = amounts(r.limits, svc.cpus, svc.mem_limit);
  const reservations = amounts(r.reservations, undefined, svc.mem_reservation);
  return limits || reservations ? { ...(limits ? { limits } : {}), ...(reservations ? { reservations } : {}) } : undefined;
}

const RESTART_CONDITION: Record<string, string> = { none: 'no', 'on-failure': 'on-failure', any: 'always' };

/** The canonical service; `network` is the service whose network namespace it joins, if any. */
export function canonicalService(svc: Obj): Obj {
  const out: Obj = {};
  const deploy: Obj = isObj(svc.deploy) ? { ...svc.deploy } : {};
  for (const [k, v] of Object.entries(svc)) {
    if (v === TOMBSTONE || k.startsWith('x-')) continue;
    if (
      ['ports', 'expose', 'volumes', 'tmpfs', 'links', 'depends_on', 'deploy', 'cpus', 'mem_limit', 'mem_reservation', 'scale'].includes(k)
    )
      continue;
    if (k === 'environment') out[k] = listOrDict(v, (name) => `\${${name}}`);
    else if (k === 'labels')
      out[k] = Object.fromEntries(Object.entries(listOrDict(v, () => '')).filter(([l]) => !l.startsWith('dev.blaupause.')));
    else if (k === 'command' || k === 'entrypoint') out[k] = argv(v);
    else if (k === 'build')
      out[k] = typeof v === 'string' ? { context: v } : { ...(v as Obj), args: listOrDict((v as Obj).args, () => undefined) };
    else if (k === 'healthcheck') out[k] = healthcheck(v);
    else if (k === 'configs' || k === 'secrets') out[k] = fileRefs(v, k);
    else if (k === 'networks') out[k] = (Array.isArray(v) ? v.map(str) : Object.keys(v as Obj)).sort();
    else if (k === 'profiles' || k === 'cap_add' || k === 'cap_drop') out[k] = [...(v as string[])].sort();
    else if ((k === 'privileged' || k === 'read_only') && v !== true) continue;
    else if ((k === 'pid' || k === 'ipc') && v !== 'host') continue;
    else out[k] = v;
  }
  const { published, internal } = ports(svc);
  if (published.length) out.ports = published;
  if (internal.length) out.expose = internal;
  const mounts = [
    ...((svc.volumes as unknown[] | undefined) ?? []).map((m, i) => (m === TOMBSTONE ? undefined : mount(m, i))),
    ...(svc.tmpfs === undefined || svc.tmpfs === TOMBSTONE ? [] : tmpfs(svc.tmpfs, -1)),
  ];
  if (mounts.some(Boolean)) out.volumes = mounts;
  const deps = dependencies(svc);
  if (Object.keys(deps).length) out.depends_on = deps;
  const replicas = deploy.replicas ?? svc.scale;
  const d: Obj = { ...deploy };
  delete d.resources;
  delete d.restart_policy;
  delete d.replicas;
  if (replicas !== undefined && Number(replicas) !== 1) d.replicas = Number(replicas);
  const res = resources(svc, deploy);
  if (res) d.resources = res;
  if (Object.keys(d).length) out.deploy = d;
  const policy = isObj(deploy.restart_policy) ? RESTART_CONDITION[str(deploy.restart_policy.condition)] : undefined;
  if (out.restart === undefined && policy) out.restart = policy;
  for (const k of ['environment', 'labels', 'networks'] as const) {
    const v = out[k];
    if ((Array.isArray(v) && v.length === 0) || (isObj(v) && Object.keys(v).length === 0)) delete out[k];
  }
  if (Array.isArray(out.networks) && out.networks.length === 1 && out.networks[0] === 'default') delete out.networks;
  return bracedAll(out) as Obj;
}

/** Every string with its references in braces: `$NAME` and `${NAME}` mean the same to Compose. */
function bracedAll(v: unknown): unknown {
  if (typeof v === 'string') return braced(v);
  if (Array.isArray(v)) return v.map(bracedAll);
  if (isObj(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, bracedAll(x)]));
  return v;
}
