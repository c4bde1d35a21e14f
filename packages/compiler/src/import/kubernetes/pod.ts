import { type ContainerInput, ContainerRole, elementId } from '@blaupause/model';
import { type ReadContainer, readContainer } from './container';
import { type Draft, type ImportContext, opt, PENDING, type ServiceDraft, type WaitFor } from './context';
import { dnsLabel, uniqueName } from './convert';
import { readWaitFor } from './links';
import { readPlacement } from './placement';
import type { Cursor } from './reader';
import { PodVolumes } from './volumes';

/** Pod spec fields the API server fills in with these values: nothing to carry. */
const POD_DEFAULTS = {
  dnsPolicy: ['ClusterFirst'],
  schedulerName: ['default-scheduler'],
  terminationGracePeriodSeconds: [30],
  serviceAccountName: ['default'],
  serviceAccount: ['default'],
  // The emitter writes both false (Compose injects no service variables and mounts no token);
  // enableServiceLinks true is the API default, so either value of it carries nothing.
  enableServiceLinks: [true, false],
  automountServiceAccountToken: [false],
  priority: [0],
  preemptionPolicy: ['PreemptLowerPriority'],
};

export interface PodContext {
  /** Pod template annotations (blaupause.dev/role-<container> decides roles); read keys are marked. */
  annotations?: Cursor;
  /** Names that mark the main container: the service's and the workload's. */
  mainNames: readonly string[];
  /** StatefulSet volumeClaimTemplates: claim name → blueprint volume. */
  claimTemplates: ReadonlyMap<string, string>;
  /** Only a bare Pod or a Job may set restartPolicy Never / OnFailure (the main container's restart). */
  restarts: boolean;
}

/**
 * A pod spec → the pod of a blueprint service. Main container: the one annotated
 * `blaupause.dev/role-<name>: main`, else the one named like the service or workload, else the
 * first. A `blaupause.dev/role-<name>` annotation decides any other role. Without one, roles
 * follow what the emitter writes for them: native sidecars (init containers with restartPolicy
 * Always: sidecar and ambassador) become sidecars, other regular containers adapters (the role
 * that stays a regular container on export, so the start order is kept), wait-for-<svc> init
 * containers become links, and other init containers keep the role init.
 */
export function readPod(s: ServiceDraft, spec: Cursor, pc: PodContext, draft: Draft, ctx: ImportContext): void {
  const id = elementId.service(s.name);
  const roles = readRoles(pc.annotations, ctx);
  const rawContainers = (spec.peek('containers') as unknown[] | undefined) ?? [];
  const rawInits = (spec.peek('initContainers') as unknown[] | undefined) ?? [];
  const counts = PodVolumes.countMounts([
    ...(Array.isArray(rawContainers) ? rawContainers : []),
    ...(Array.isArray(rawInits) ? rawInits : []),
  ]);
  const volumes = new PodVolumes(spec, counts, pc.claimTemplates, draft, ctx, id);
  const restart = readRestart(spec, pc.restarts);

  const regular = spec.list('containers').map((c) => ({ c, read: readContainer(c, ctx, id) }));
  const main = pickMain(regular, roles, pc.mainNames);
  const ordered: ({ c: Cursor; read: ReadContainer; role: ContainerInput['role']; init?: true } | { wait: WaitFor })[] = [];
  if (main) ordered.push({ ...main, role: 'main' });
  for (const r of regular) if (r !== main) ordered.push({ ...r, role: roles.get(r.read.name) ?? 'adapter' });
  for (const c of spec.list('initContainers')) {
    const wait = readWaitFor(c);
    if (wait) {
      ordered.push({ wait });
      continue;
    }
    const native = c.peek('restartPolicy') === 'Always';
    if (native) c.take('restartPolicy');
    const read = readContainer(c, ctx, id);
    // The pod's restart policy is not theirs: native sidecars always restart, inits never.
    ordered.push({ c, read, role: native ? (roles.get(read.name) ?? 'sidecar') : 'init', init: true });
  }

  const podSecurity = readPodSecurity(spec, ctx, id);
  const taken = new Set<string>();
  for (const entry of ordered) {
    if ('wait' in entry) {
      // Its place is kept: a wait that names nothing of this file stays an init container here.
      const slot = uniqueName(dnsLabel(String(entry.wait.cursor.peek('name'))), taken);
      taken.add(slot);
      s.service.containers[slot] = PENDING;
      s.waits.push({ ...entry.wait, slot });
      continue;
    }
    const { c, read, role, init } = entry;
    const name = uniqueName(dnsLabel(read.name || 'container'), taken);
    taken.add(name);
    const mounts = volumes.mounts(c);
    s.service.containers[name] = {
      ...(role === 'main' ? {} : { role }),
      ...read.container,
      ...opt('user', read.container.user ?? podSecurity),
      ...opt('mounts', mounts),
      ...opt('restart', init ? undefined : restart),
    };
    if (role === 'init')
      for (const p of read.ports) ctx.unsupported(p.cursor.path, 'A port of an init container is never served; it was not imported.', id);
    else s.containerPorts.push(...read.ports.map((p) => ({ ...p, container: name })));
    if (role === 'main') s.ready = c.has('readinessProbe') || read.container.healthcheck !== undefined;
  }
  if (!main)
    ctx.add('INVALID_OBJECT', 'error', [...spec.path, 'containers'], 'The pod has no containers.', {
      elementId: id,
      hint: 'A pod needs at least one container; a cluster refuses it otherwise.',
    });

  spec.defaults(POD_DEFAULTS);
  const host = { hostNetwork: spec.bool('hostNetwork'), hostPid: spec.bool('hostPID'), hostIpc: spec.bool('hostIPC') };
  if (host.hostNetwork) spec.defaults({ dnsPolicy: ['ClusterFirstWithHostNet'] }); // what the emitter pairs with it
  for (const [k, v] of Object.entries(host)) if (v) (s.service as Record<string, unknown>)[k] = true;
  const placement = readPlacement(spec, ctx, id);
  if (placement.length) s.service.placement = { constraints: placement };
}

function readRoles(annotations: Cursor | undefined, ctx: ImportContext): Map<string, ContainerInput['role']> {
  const roles = new Map<string, ContainerInput['role']>();
  if (!annotations) return roles;
  for (const key of annotations.keys()) {
    if (!key.startsWith('blaupause.dev/role-')) continue;
    const role = ContainerRole.safeParse(annotations.peek(key));
    if (!role.success) {
      ctx.unsupported(
        [...annotations.path, key],
        `The role "${String(annotations.peek(key))}" is not one of main, sidecar, ambassador, adapter, init.`,
      );
      annotations.take(key);
      continue;
    }
    annotations.take(key);
    roles.set(key.slice('blaupause.dev/role-'.length), role.data);
  }
  return roles;
}

function pickMain<T extends { read: ReadContainer }>(
  regular: T[],
  roles: ReadonlyMap<string, unknown>,
  names: readonly string[],
): T | undefined {
  return (
    regular.find((r) => roles.get(r.read.name) === 'main') ??
    regular.find((r) => names.includes(r.read.name)) ??
    // Annotated helpers are never main, even when they come first.
    regular.find((r) => !roles.has(r.read.name)) ??
    regular[0]
  );
}

function readRestart(spec: Cursor, restarts: boolean): ContainerInput['restart'] {
  const policy = spec.peek('restartPolicy');
  if (policy === 'Always') spec.take('restartPolicy');
  if (!restarts) return undefined;
  if (policy === 'Never' || policy === 'OnFailure') spec.take('restartPolicy');
  return policy === 'Never' ? 'no' : policy === 'OnFailure' ? 'on-failure' : undefined;
}

/** Pod-level runAsUser/runAsGroup: given to every container that sets no user of its own. */
function readPodSecurity(spec: Cursor, ctx: ImportContext, id: string): string | undefined {
  const sc = spec.map('securityContext');
  if (!sc) return undefined;
  const uid = sc.int('runAsUser');
  if (uid === undefined) return undefined;
  const gid = sc.int('runAsGroup');
  ctx.approximated([...sc.path, 'runAsUser'], 'The pod-level user became the user of each container that sets none.', id);
  return gid === undefined ? String(uid) : `${uid}:${gid}`;
}
