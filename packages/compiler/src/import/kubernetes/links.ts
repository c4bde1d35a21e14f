import { elementId, Link } from '@blaupause/model';
import { readContainer } from './container';
import { type Draft, type ImportContext, type K8sObject, opt, type ServiceDraft, type WaitFor } from './context';
import { dnsLabel, seconds, uniqueName } from './convert';
import type { Cursor } from './reader';

/** What the emitter writes for links that leave no other trace (targets/kubernetes/links.ts). */
const LINKS_ANNOTATION = 'blaupause.dev/links';

/**
 * The emitter's `blaupause.dev/links` annotation: a JSON list of links (completed, optional, or
 * to a service without ports) that left neither a wait nor a variable. Each must be a link of
 * the blueprint format; anything else is reported and left out.
 */
export function readUntracedLinks(o: K8sObject, s: ServiceDraft, ctx: ImportContext): void {
  const raw = o.annotations?.peek(LINKS_ANNOTATION);
  if (raw === undefined || !o.annotations) return;
  o.annotations.take(LINKS_ANNOTATION);
  const path = [...o.annotations.path, LINKS_ANNOTATION];
  let list: unknown;
  try {
    list = typeof raw === 'string' ? JSON.parse(raw) : undefined;
  } catch {
    list = undefined;
  }
  if (!Array.isArray(list)) return void ctx.unsupported(path, `${LINKS_ANNOTATION} must be a JSON list of links; it was not imported.`);
  for (const item of list) {
    if (Link.safeParse(item).success) s.untraced.push(item);
    else
      ctx.unsupported(
        path,
        `${LINKS_ANNOTATION} holds something that is not a link (${JSON.stringify(item).slice(0, 80)}); it was left out.`,
      );
  }
}

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

type LinkInput = NonNullable<ServiceDraft['service']['links']>[number];

/** A variable `<protocol>://<target>:<port>` of the main container naming a service of this file. */
interface EnvLink {
  name: string;
  protocol: string;
  target: ServiceDraft;
  port: number;
}

/**
 * Waits and connection variables → links (after Services are matched, so targets and their ports
 * are known). A wait's condition is healthy when the target has a readiness probe (the Service
 * routes only to ready pods, so the wait is a wait for health), else started. A main-container
 * variable `<protocol>://<target>:<port>` is the link's injected variable, as the emitter writes
 * it; one without a wait is a link that does not wait (required: false), which exports the same.
 * Links keep the order of both the waits and the variables, as the emitter wrote them in link order.
 */
export function resolveLinks(draft: Draft, ctx: ImportContext): void {
  for (const s of draft.services.values()) {
    const waits: { w: WaitFor; target: ServiceDraft }[] = [];
    for (const w of s.waits) {
      const target = findService(draft, w.host);
      if (!target || target === s) keepAsInit(s, w, ctx);
      else {
        if (w.slot !== undefined) delete s.service.containers[w.slot];
        for (const k of WAIT_KEYS) w.cursor.take(k);
        waits.push({ w, target });
      }
    }
    const envs = envLinks(s, draft);
    const annotated = annotatedLinks(s, draft, ctx);
    // A variable an annotated (unwaited) link owns is never paired with a wait.
    const owned = new Set(annotated.map((l) => l.env).filter((e): e is string => e !== undefined));
    const links = withAnnotated(mergeLinks(waits, envs, owned), annotated);
    if (links.length) s.service.links = links;
  }
  untracedLinks(draft, ctx);
}

/**
 * A headless Service without ports exists only as the name of a link target. When no link to
 * it was recovered, the link left no other trace (a completed link): say so rather than let the
 * Service vanish silently on export.
 */
function untracedLinks(draft: Draft, ctx: ImportContext): void {
  if (!draft.portless.length) return;
  const linked = new Set<string>();
  for (const s of draft.services.values()) for (const l of s.service.links ?? []) linked.add(l.to);
  for (const { object, targets } of draft.portless)
    if (targets.every((t) => !linked.has(t.name) && t.object.kind !== 'StatefulSet'))
      ctx.approximated(
        object.path,
        `Service ${object.name} has no ports: it only gives a link target its name, but no link to it left another trace (a completed link?); exported again, it is left out.`,
        object.elementId,
        'Draw the link to it again.',
      );
}

/**
 * An annotated link replaces, in its place, the link read from its connection variable alone
 * (which looks optional, but may be a completed one); the others come after.
 */
function withAnnotated(links: LinkInput[], annotated: LinkInput[]): LinkInput[] {
  const rest = [...annotated];
  const out = links.map((l) => {
    if (l.required !== false || l.env === undefined) return l;
    const i = rest.findIndex((a) => a.to === l.to && a.env === l.env);
    return i < 0 ? l : (rest.splice(i, 1)[0] as LinkInput);
  });
  return [...out, ...rest];
}

/** The annotated links whose targets are services of this file (named as imported). */
function annotatedLinks(s: ServiceDraft, draft: Draft, ctx: ImportContext): LinkInput[] {
  const out: LinkInput[] = [];
  for (const l of s.untraced) {
    const target = findService(draft, l.to);
    if (target && target !== s) out.push({ ...l, to: target.name });
    else
      ctx.approximated(
        [...(s.object.annotations?.path ?? s.object.path), LINKS_ANNOTATION],
        `The link of ${s.name} to ${l.to} was left out: ${l.to} is not a service of this file.`,
        elementId.service(s.name),
      );
  }
  return out;
}

function findService(draft: Draft, host: string): ServiceDraft | undefined {
  return draft.k8sServices.get(host)?.[0] ?? draft.services.get(dnsLabel(host));
}

/** Builds links in an order consistent with both the wait order and the variable order. */
function mergeLinks(waits: { w: WaitFor; target: ServiceDraft }[], envs: EnvLink[], owned: ReadonlySet<string>): LinkInput[] {
  const used = new Set<EnvLink>();
  const envOf = (t: ServiceDraft, port: number | undefined) => {
    const e = envs.find((x) => !used.has(x) && !owned.has(x.name) && x.target === t && x.port === port);
    if (e) used.add(e);
    return e;
  };
  const paired = waits.map(({ w, target }) => ({ w, target, env: envOf(target, w.port) }));
  const out: LinkInput[] = [];
  let next = 0;
  for (const e of envs) {
    const at = paired.findIndex((p) => p.env === e);
    if (at < 0) out.push(link(e.target, e.port, e, undefined));
    else for (; next <= at; next++) out.push(waitLink(paired[next] as (typeof paired)[number]));
  }
  for (; next < paired.length; next++) out.push(waitLink(paired[next] as (typeof paired)[number]));
  return out;
}

function waitLink(p: { w: WaitFor; target: ServiceDraft; env: EnvLink | undefined }): LinkInput {
  return link(p.target, p.w.port, p.env, p.w);
}

function link(target: ServiceDraft, port: number | undefined, env: EnvLink | undefined, wait: WaitFor | undefined): LinkInput {
  const first = target.service.ports?.[0]?.port;
  return {
    to: target.name,
    ...opt('port', port !== first ? port : undefined),
    ...opt('protocol', env && env.protocol !== 'tcp' ? env.protocol : undefined),
    ...(wait && target.ready ? { condition: 'healthy' as const } : {}),
    ...opt('env', env?.name),
    ...(wait ? {} : { required: false }),
    ...opt('timeout', wait?.timeout !== undefined ? seconds(wait.timeout) : undefined),
  };
}

const LINK_ENV = /^([a-z][a-z0-9+.-]*):\/\/([a-z0-9-]+):(\d+)$/;

/** The connection variables of the main container, in order; they leave its env. */
function envLinks(s: ServiceDraft, draft: Draft): EnvLink[] {
  const main = Object.values(s.service.containers).find((c) => (c.role ?? 'main') === 'main');
  const env = main?.env;
  if (!main || !env) return [];
  const out: EnvLink[] = [];
  for (const [name, value] of Object.entries(env)) {
    const m = LINK_ENV.exec(value);
    const target = m ? findService(draft, m[2] as string) : undefined;
    if (!m || !target || target === s || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) continue;
    out.push({ name, protocol: m[1] as string, target, port: Number(m[3]) });
    delete env[name];
  }
  if (!Object.keys(env).length) delete main.env;
  return out;
}

/** A wait for something outside the file stays what it is: an init container, in its place. */
function keepAsInit(s: ServiceDraft, w: WaitFor, ctx: ImportContext): void {
  const read = readContainer(w.cursor, ctx, elementId.service(s.name));
  const name = w.slot ?? uniqueName(dnsLabel(read.name), { has: (n) => Object.hasOwn(s.service.containers, n) });
  s.service.containers[name] = { role: 'init', ...read.container };
}
