import { elementId } from '@blaupause/model';
import { readContainer } from './container';
import { type Draft, type ImportContext, opt, type ServiceDraft, type WaitFor } from './context';
import { dnsLabel, seconds, uniqueName } from './convert';
import type { Cursor } from './reader';

/** `nc -z <host> <port>` (any flags between) in a hand-written wait loop. */
const NC = /\bnc\s+(?:-[A-Za-z]+(?:\s+\d+)?\s+)*([A-Za-z0-9][A-Za-z0-9.-]*)\s+(\d{1,5})\b/;

/**
 * Recognises an init container that waits for a linked service: named wait-for-<service>, a
 * busybox image, polling the target's port with nc. Our emitter writes
 * `[timeout N] sh -c '<loop on "$1" "$2">' wait-for <host> <port>`; a hand-written
 * `nc -z host port` loop is recognised too. Nothing is marked read yet: an unresolved wait
 * stays an init container (see resolveLinks).
 */
export function readWaitFor(c: Cursor): WaitFor | undefined {
  const name = c.peek('name');
  const image = c.peek('image');
  if (typeof name !== 'string' || !name.startsWith('wait-for-') || typeof image !== 'string') return undefined;
  if (!/(^|\/)busybox(:|@|$)/.test(image)) return undefined;
  const argv = [c.peek('command'), c.peek('args')].flatMap((a) => (Array.isArray(a) ? a.map(String) : []));
  let timeout: number | undefined;
  if (argv[0] === 'timeout' && /^\d+$/.test(argv[1] ?? '')) timeout = Number(argv.splice(0, 2)[1]);
  const target = positional(argv) ?? literal(argv.join(' '));
  if (!target) return undefined;
  return { ...target, ...opt('timeout', timeout), cursor: c };
}

/** `sh -c '<script using $1 $2>' <$0> <host> <port>`: the emitter passes host and port as arguments. */
function positional(argv: string[]): { host: string; port: number } | undefined {
  if (argv.length !== 6 || argv[1] !== '-c' || !/\bnc\b.*"\$1".*"\$2"/.test(argv[2] ?? '')) return undefined;
  const port = Number(argv[5]);
  return /^[a-z0-9][-a-z0-9.]*$/.test(argv[4] ?? '') && port >= 1 && port <= 65535
    ? { host: hostLabel(argv[4] as string), port }
    : undefined;
}

function literal(script: string): { host: string; port: number } | undefined {
  const m = NC.exec(script);
  const port = Number(m?.[2]);
  return m && port >= 1 && port <= 65535 ? { host: hostLabel(m[1] as string), port } : undefined;
}

/** redis.shop.svc.cluster.local → redis: the Service name is the first label. */
const hostLabel = (host: string): string => host.split('.')[0] as string;

/** The keys of a wait-for container: all of them are the link. */
const WAIT_KEYS = [
  'name',
  'image',
  'command',
  'args',
  'imagePullPolicy',
  'terminationMessagePath',
  'terminationMessagePolicy',
  'securityContext',
];

/**
 * Waits → links (after Services are matched, so the target and its ports are known). The
 * condition is healthy when the target has a readiness probe (the Service only routes to ready
 * pods, so the wait is a wait for health), else started. A main-container variable holding
 * `<protocol>://<target>:<port>` is the link's injected variable, as the emitter writes it.
 */
export function resolveLinks(draft: Draft, ctx: ImportContext): void {
  for (const s of draft.services.values()) {
    for (const w of s.waits) {
      const target = draft.k8sServices.get(w.host)?.[0] ?? draft.services.get(dnsLabel(w.host));
      if (!target || target === s) {
        keepAsInit(s, w, ctx);
        continue;
      }
      if (w.slot !== undefined) delete s.service.containers[w.slot];
      for (const k of WAIT_KEYS) w.cursor.take(k);
      const first = target.service.ports?.[0]?.port;
      const port = w.port !== first ? w.port : undefined;
      const env = linkEnv(s, target.name, w.port);
      s.service.links ??= [];
      s.service.links.push({
        to: target.name,
        ...opt('port', port),
        ...opt('protocol', env && env.protocol !== 'tcp' ? env.protocol : undefined),
        ...(target.ready ? { condition: 'healthy' as const } : {}),
        ...opt('env', env?.name),
        ...opt('timeout', w.timeout !== undefined ? seconds(w.timeout) : undefined),
      });
    }
  }
}

const LINK_ENV = /^([a-z][a-z0-9+.-]*):\/\/([a-z0-9-]+):(\d+)$/;

/** Finds (and removes from the main container) the variable the emitter injects for a link. */
function linkEnv(s: ServiceDraft, target: string, port: number | undefined): { name: string; protocol: string } | undefined {
  const main = Object.values(s.service.containers).find((c) => (c.role ?? 'main') === 'main');
  const env = main?.env;
  if (!env || port === undefined) return undefined;
  for (const [name, value] of Object.entries(env)) {
    const m = LINK_ENV.exec(value);
    if (!m || m[2] !== target || Number(m[3]) !== port || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) continue;
    delete env[name];
    if (main && !Object.keys(env).length) delete main.env;
    return { name, protocol: m[1] as string };
  }
  return undefined;
}

/** A wait for something outside the file stays what it is: an init container, in its place. */
function keepAsInit(s: ServiceDraft, w: WaitFor, ctx: ImportContext): void {
  const read = readContainer(w.cursor, ctx, elementId.service(s.name));
  const name = w.slot ?? uniqueName(dnsLabel(read.name), { has: (n) => Object.hasOwn(s.service.containers, n) });
  s.service.containers[name] = { role: 'init', ...read.container };
}
