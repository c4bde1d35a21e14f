import type { ContainerInput } from '@blaupause/model';
import { type ContainerPort, type ImportContext, opt } from './context';
import { cpuCores, protocol, sizeQuantity } from './convert';
import { readProbes } from './probes';
import type { Cursor } from './reader';

export interface ReadContainer {
  name: string;
  container: ContainerInput;
  ports: ContainerPort[];
}

/** `imagePullPolicy` as the API server defaults it: Always for :latest or untagged images, else IfNotPresent. */
function defaultPull(image: string | undefined) {
  const tag = image && !image.includes('@') ? /:([^/:]+)$/.exec(image)?.[1] : 'digest';
  return (v: unknown) => v === (tag === undefined || tag === 'latest' ? 'Always' : 'IfNotPresent');
}

/** A container of a pod spec → a blueprint container (role and mounts are decided by the pod). */
export function readContainer(c: Cursor, ctx: ImportContext, elementId: string): ReadContainer {
  const name = c.str('name') ?? '';
  const image = c.str('image');
  const ports = readPorts(c, name, ctx, elementId);
  const named = new Map(ports.filter((p) => p.name).map((p) => [p.name as string, p.port]));
  const command = literal(c, 'command', c.strList('command'), ctx, elementId);
  const args = literal(c, 'args', c.strList('args'), ctx, elementId);
  const workingDir = c.str('workingDir');
  c.defaults({ imagePullPolicy: defaultPull(image), terminationMessagePath: ['/dev/termination-log'], terminationMessagePolicy: ['File'] });
  const container: ContainerInput = {
    ...opt('image', image),
    ...opt('command', command),
    ...opt('args', args),
    ...opt('workingDir', workingDir),
    ...opt('env', readEnv(c, ctx, elementId)),
    ...opt('healthcheck', readProbes(c, named, ctx, elementId)),
    ...opt('resources', readResources(c, ctx, elementId)),
    ...readSecurity(c),
  };
  return { name, container, ports };
}

function readPorts(c: Cursor, container: string, ctx: ImportContext, elementId: string): ContainerPort[] {
  const out: ContainerPort[] = [];
  for (const p of c.list('ports')) {
    const port = p.int('containerPort');
    const proto = protocol(p.str('protocol'));
    if (port === undefined || port < 1 || port > 65535 || !proto) {
      ctx.unsupported(p.path, 'A container port without a valid TCP or UDP containerPort was not imported.', elementId);
      continue;
    }
    const hostPort = p.int('hostPort');
    // `<protocol>-<port>` is the name the emitter gives unnamed ports: not a name the user chose.
    const name = p.str('name');
    const own = name !== undefined && name !== `${proto}-${port}` ? name : undefined;
    out.push({ container, ...opt('name', own), port, protocol: proto, ...opt('hostPort', hostPort), cursor: p });
  }
  return out;
}

/** Literal values only: a value from a ConfigMap, Secret or field is a reference the blueprint cannot hold. */
function readEnv(c: Cursor, ctx: ImportContext, elementId: string): Record<string, string> | undefined {
  const entries = c.list('env');
  if (c.has('envFrom')) {
    c.take('envFrom');
    ctx.unsupported(
      [...c.path, 'envFrom'],
      'envFrom (variables from a whole ConfigMap or Secret) cannot be carried; the variables were not imported.',
      elementId,
      'List the variables under env with literal values, or mount the config or secret as a file.',
    );
  }
  if (!entries.length) return undefined;
  const env: Record<string, string> = {};
  for (const e of entries) {
    const name = e.str('name');
    if (!name) continue;
    if (e.has('valueFrom')) {
      e.take('valueFrom');
      ctx.unsupported(
        [...e.path, 'valueFrom'],
        `The variable ${name} takes its value from elsewhere (valueFrom); only literal values are imported, so it was left out.`,
        elementId,
        'Give it a literal value, or mount the config or secret as a file.',
      );
      continue;
    }
    env[name] = unescapeExpansion(e.str('value') ?? '', () => expansionNote(ctx, [...e.path, 'value'], elementId));
  }
  return Object.keys(env).length ? env : undefined;
}

function readResources(c: Cursor, ctx: ImportContext, elementId: string): ContainerInput['resources'] {
  const r = c.map('resources');
  if (!r) return undefined;
  const amounts = (key: 'limits' | 'requests') => {
    const m = r.map(key);
    if (!m) return undefined;
    const out: { cpus?: number; memory?: string } = {};
    if (m.has('cpu')) {
      const cpus = cpuCores(m.peek('cpu'));
      if (cpus !== undefined) out.cpus = cpus;
      else unconvertible(ctx, [...m.path, 'cpu'], 'CPU quantity', elementId);
      m.take('cpu');
    }
    if (m.has('memory')) {
      const memory = sizeQuantity(m.peek('memory'));
      if (memory !== undefined) out.memory = memory;
      else unconvertible(ctx, [...m.path, 'memory'], 'memory quantity', elementId);
      m.take('memory');
    }
    return Object.keys(out).length ? out : undefined;
  };
  const limits = amounts('limits');
  const requests = amounts('requests');
  return limits || requests ? { ...opt('limits', limits), ...opt('requests', requests) } : undefined;
}

function unconvertible(ctx: ImportContext, path: readonly (string | number)[], what: string, elementId: string): void {
  ctx.unsupported(
    path,
    `The ${what} has no blueprint form; it was not imported.`,
    elementId,
    'Write it as e.g. 500m or 2 (CPU), 512Mi or 1Gi (memory).',
  );
}

function readSecurity(c: Cursor): Partial<ContainerInput> {
  const s = c.map('securityContext');
  if (!s) return {};
  const caps = s.map('capabilities');
  const uid = s.int('runAsUser');
  // A group without a user has no blueprint form ("user" is "uid[:gid]"): left unread, so reported.
  const gid = uid !== undefined ? s.int('runAsGroup') : undefined;
  return {
    ...opt('privileged', s.bool('privileged')),
    ...opt('capAdd', caps?.strList('add')),
    ...opt('capDrop', caps?.strList('drop')),
    ...opt('readOnlyRootFilesystem', s.bool('readOnlyRootFilesystem')),
    ...opt('user', uid === undefined ? undefined : gid === undefined ? String(uid) : `${uid}:${gid}`),
  };
}

/**
 * Kubernetes expands $(VAR) in command, args and env values and turns $$ into $; blueprint
 * strings are literal (the emitter doubles each such "$"). So $$ reads back as $, and a real
 * $(VAR) reference, which a blueprint cannot express, is kept as text with a note.
 */
export function unescapeExpansion(s: string, onReference: () => void): string {
  if (!s.includes('$')) return s;
  return s.replace(/\$(\$|\([A-Za-z_][A-Za-z0-9_]*\))/g, (m, next: string) => {
    if (next === '$') return '$';
    onReference();
    return m;
  });
}

function literal(c: Cursor, key: string, argv: string[] | undefined, ctx: ImportContext, elementId: string): string[] | undefined {
  let noted = false;
  return argv?.map((a) =>
    unescapeExpansion(a, () => {
      if (!noted) expansionNote(ctx, [...c.path, key], elementId);
      noted = true;
    }),
  );
}

function expansionNote(ctx: ImportContext, path: readonly (string | number)[], elementId: string): void {
  ctx.approximated(
    path,
    'A $(VAR) reference is kept as literal text: blueprint values are not expanded.',
    elementId,
    'Write the value itself instead of the reference.',
  );
}
