import type { Path } from '@blaupause/model';
import { Derived } from '../../derived';
import type { PlannedService, ResolvedLink } from '../../plan/plan';
import { Template, tag } from '../../yaml';
import type { KubeContext, Obj } from './context';
import type { NameAllocator } from './names';
import { durationSeconds } from './units';

/** Pinned, small, and has nc: the image of every wait container. */
export const WAIT_IMAGE = 'busybox:1.36';
/**
 * The host and port arrive as positional arguments ($1, $2), never spliced into the script, so
 * no name can inject shell code. A ClusterIP Service accepts connections only while it has ready
 * endpoints, and readiness comes from the target's healthcheck: this covers "healthy" as well.
 */
export const WAIT_SCRIPT = 'until nc -z -w 2 "$1" "$2"; do echo "waiting for $1:$2"; sleep 2; done';
/** Wait containers need no privileges: they pass the restricted Pod Security profile. */
const waitSecurity = (): Obj => ({
  runAsNonRoot: true,
  runAsUser: 65534,
  allowPrivilegeEscalation: false,
  capabilities: { drop: ['ALL'] },
});

const linkPath = (ps: PlannedService, l: ResolvedLink): Path => ['services', ps.name, 'links', l.index];

/**
 * Init containers `wait-for-<target>` for started/healthy links, in link order. Kubernetes has
 * no start order between workloads; these make the pod wait as depends_on makes Compose wait.
 */
export function linkWaits(k: KubeContext, ps: PlannedService, names: NameAllocator): Obj[] {
  const out: Obj[] = [];
  for (const l of ps.links) {
    if (l.link.condition === 'completed') {
      k.note(
        'lost',
        [...linkPath(ps, l), 'condition'],
        l.elementId,
        `Kubernetes has no "completed" dependency between workloads: ${ps.name} does not wait for ${l.target} to finish.`,
        `Make ${l.target} an init container of ${ps.name}, or run ${l.target} as a Job (restart "no", no ports) and wait for it before deploying ${ps.name}: kubectl wait --for=condition=complete job/${l.target}.`,
      );
    } else if (l.link.required === false) {
      k.note(
        'approximated',
        [...linkPath(ps, l), 'required'],
        l.elementId,
        `Optional link: ${ps.name} starts without waiting for ${l.target}.`,
      );
    } else if (l.port === undefined) {
      k.note(
        'lost',
        linkPath(ps, l),
        l.elementId,
        `${l.target} exposes no port to wait for: ${ps.name} starts without waiting for it.`,
        `Give the link or ${l.target} a port.`,
      );
    } else out.push(waitContainer(k, ps, l, l.port, names));
  }
  return out;
}

const waitFor = (name: string, target: string, port: string): Obj => ({
  name,
  image: WAIT_IMAGE,
  command: ['sh', '-c', WAIT_SCRIPT, 'wait-for', target, port],
  securityContext: waitSecurity(),
});
/** Every link of every service gets one: 16 lines of which 3 values vary (see Template). */
const WAIT_FOR = new Template(waitFor, 3);

/** `wait-for-<target>`, the same string from compile to compile (see derived.ts). */
const waitNames = new Derived<string, string>((target) => `wait-for-${target}`);

function waitContainer(k: KubeContext, ps: PlannedService, l: ResolvedLink, port: number, names: NameAllocator): Obj {
  // A timed-out wait fails the init container: the pod shows Init:Error naming the dependency, and retries.
  const timeout = l.link.timeout === undefined ? undefined : durationSeconds(l.link.timeout, 1);
  if (timeout && !timeout.exact)
    k.note(
      'approximated',
      [...linkPath(ps, l), 'timeout'],
      l.elementId,
      `The wait counts whole seconds: ${l.link.timeout} becomes ${timeout.value}s.`,
    );
  const name = names.take(waitNames.get(l.target, ''));
  if (!timeout) return tag(WAIT_FOR.fill(name, l.target, String(port)), l.elementId) as unknown as Obj;
  const wait = waitFor(name, l.target, String(port));
  return tag({ ...wait, command: ['timeout', String(timeout.value), ...(wait.command as string[])] }, l.elementId);
}

/** The annotation that keeps links the manifests hold no other trace of (see untracedLinks). */
export const LINKS_ANNOTATION = 'blaupause.dev/links';

/**
 * Links without a wait container (a `completed` link, an optional one, one to a service without
 * ports), as JSON in the order the blueprint gives them: the manifests hold no trace of them, or
 * only their connection variable, which reads as an optional link. The importer draws them again
 * from this. Undefined when there are none.
 */
export function untracedLinks(ps: PlannedService): string | undefined {
  const out: Obj[] = [];
  for (const l of ps.links) {
    const { to, port, protocol, condition, env, required, timeout } = l.link;
    if (condition !== 'completed' && required !== false && l.port !== undefined) continue; // it waits: the wait is its trace
    out.push({ to, port, protocol, condition: condition === 'started' ? undefined : condition, env, required, timeout });
  }
  return out.length ? JSON.stringify(out) : undefined;
}

/** Connection variables for links that ask for one: `<protocol>://<target>:<port>` on the main container. */
export function linkEnv(k: KubeContext, ps: PlannedService): { name: string; value: string }[] {
  const own = ps.main?.container.env;
  const out: { name: string; value: string }[] = [];
  for (const l of ps.links) {
    const name = l.link.env;
    if (name === undefined) continue;
    if (l.port === undefined)
      k.note(
        'lost',
        [...linkPath(ps, l), 'env'],
        l.elementId,
        `${l.target} exposes no port: variable ${name} is left out.`,
        `Give the link or ${l.target} a port.`,
      );
    else if (own !== undefined && Object.hasOwn(own, name))
      k.note('approximated', [...linkPath(ps, l), 'env'], l.elementId, `The main container sets ${name} itself; its own value is kept.`);
    else out.push({ name, value: l.url ?? `${l.link.protocol ?? 'tcp'}://${l.target}:${l.port}` });
  }
  return out;
}
