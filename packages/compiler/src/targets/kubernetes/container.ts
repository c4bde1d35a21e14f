import type { Container, Mount, Path, Resources, ServicePort } from '@blaupause/model';
import type { PlannedContainer, PlannedService } from '../../plan/plan';
import { tag } from '../../yaml';
import type { KubeContext, Obj } from './context';
import { defaultPortName, isPortName } from './names';
import { probes } from './probes';
import { cpuQuantity, escapeExpansion } from './units';
import type { PodVolumes } from './volumes';

export interface ContainerOptions {
  /** The name in the pod (unique across containers and init containers). */
  name: string;
  /** Replaces the image (the canary's main container). */
  image?: string | undefined;
  /** Ports of the service: the main container declares them. */
  ports?: readonly ServicePort[] | undefined;
  /** Extra variables after the container's own (link addresses). */
  env?: readonly { name: string; value: string }[];
  /** "Always" for native sidecars (restartable init containers). */
  restartPolicy?: 'Always' | undefined;
  /** Init containers run to completion: no probes are allowed on them, no restart policy applies. */
  runsToCompletion?: boolean;
  /** The pod's restart policy when the pod is a Job's (from its main container's restart). */
  podRestart?: Container['restart'] | undefined;
}

/** One blueprint container as a Kubernetes container, tagged with its element. */
export function container(k: KubeContext, ps: PlannedService, pc: PlannedContainer, vols: PodVolumes, o: ContainerOptions): Obj {
  const c = pc.container;
  const at: Path = ['services', ps.name, 'containers', pc.name];
  const { image, pullPolicy } = imageOf(k, ps, pc, at, o.image);
  const env: { name: string; value: string }[] = [];
  for (const name in c.env) env.push({ name, value: escapeExpansion(c.env[name] as string) });
  if (o.env) env.push(...o.env);
  const mounts: Obj[] = [];
  if (c.mounts)
    for (let i = 0; i < c.mounts.length; i++) {
      const mount = vols.mount(c.mounts[i] as Mount, [...at, 'mounts', i], pc.elementId);
      if (mount) mounts.push(mount);
    }
  if (o.runsToCompletion && c.healthcheck)
    k.note(
      'lost',
      [...at, 'healthcheck'],
      pc.elementId,
      `Init container ${pc.name} runs to completion; Kubernetes allows no probes on it.`,
    );
  if (c.devices?.length)
    k.note(
      'lost',
      [...at, 'devices'],
      pc.elementId,
      'Kubernetes pods cannot map host devices; they are left out.',
      'Use a device plugin for the hardware.',
    );
  restartNote(k, c, at, pc, o);
  const probe = o.runsToCompletion ? undefined : probes(k, c.healthcheck, at, pc.elementId);
  // Keys stay in one order with undefined for absent fields: the YAML writer skips those.
  return tag(
    {
      name: o.name,
      image,
      imagePullPolicy: pullPolicy,
      restartPolicy: o.restartPolicy,
      command: escapeAll(c.command),
      args: escapeAll(c.args),
      workingDir: c.workingDir || undefined,
      ports: o.ports?.length ? o.ports.map(containerPort) : undefined,
      env: env.length ? env : undefined,
      resources: c.resources ? resourcesOf(k, c.resources, at, pc.elementId) : undefined,
      readinessProbe: probe?.readinessProbe,
      livenessProbe: probe?.livenessProbe,
      securityContext: securityContext(k, c, at, pc.elementId),
      volumeMounts: mounts.length ? mounts : undefined,
    },
    pc.elementId,
  );
}

/** Kubernetes cannot build: a build-only container gets the name Compose would give the image. */
function imageOf(k: KubeContext, ps: PlannedService, pc: PlannedContainer, at: Path, override?: string) {
  const c = pc.container;
  if (override) return { image: override, pullPolicy: undefined };
  if (c.image || !c.build) return { image: c.image, pullPolicy: undefined };
  const image = pc.container.role === 'main' ? `${k.project}-${ps.name}` : `${k.project}-${ps.name}-${pc.name}`;
  k.note(
    'approximated',
    [...at, 'build'],
    pc.elementId,
    `Kubernetes does not build images: the container runs image ${image}, which must be built from ${c.build.context} beforehand.`,
    `${buildCommand(image, c.build)}, then push it to a registry the cluster pulls from (or load it into the local cluster).`,
  );
  return { image, pullPolicy: 'IfNotPresent' };
}

/** The docker build command for the hint; Compose reads the Dockerfile relative to the context. */
function buildCommand(image: string, b: NonNullable<Container['build']>): string {
  const args = Object.entries(b.args ?? {}).map(([k, v]) => ` --build-arg ${k}=${v}`);
  const file = b.dockerfile ? ` -f ${b.context.replace(/\/$/, '')}/${b.dockerfile}` : '';
  return `docker build -t ${image}${file}${b.target ? ` --target ${b.target}` : ''}${args.join('')} ${b.context}`;
}

function containerPort(p: ServicePort): Obj {
  const name = p.name ?? defaultPortName(p);
  return { name: isPortName(name) ? name : undefined, containerPort: p.port, protocol: p.protocol === 'udp' ? 'UDP' : 'TCP' };
}

/** The container's args or command as Kubernetes reads them: the blueprint's own list when nothing needs escaping. */
function escapeAll(list: readonly string[] | undefined): string[] | undefined {
  if (list === undefined) return undefined;
  for (const s of list) if (s.includes('$')) return list.map(escapeExpansion);
  return list as string[];
}

/** `at`: the container's path (notes go under its resources). */
function resourcesOf(k: KubeContext, r: Resources, at: Path, id: string): Obj {
  const out: Obj = {};
  const limits = amounts(k, r, 'limits', at, id);
  if (limits) out.limits = limits;
  const requests = amounts(k, r, 'requests', at, id);
  if (requests) out.requests = requests;
  return out;
}

function amounts(k: KubeContext, r: Resources, which: 'limits' | 'requests', at: Path, id: string): Obj | undefined {
  const a = r[which];
  if (!a) return undefined;
  const out: Obj = {};
  if (a.cpus !== undefined) {
    const { value, exact } = cpuQuantity(a.cpus);
    if (!exact)
      k.note('approximated', [...at, 'resources', which, 'cpus'], id, `Kubernetes counts CPU in millicores: ${a.cpus} becomes ${value}.`);
    out.cpu = value;
  }
  if (a.memory !== undefined) out.memory = a.memory;
  return out;
}

/** user, privileges and capabilities; undefined when the container sets none of them. */
function securityContext(k: KubeContext, c: Container, at: Path, id: string): Obj | undefined {
  // Most containers set none of these: no object made for them.
  if (
    c.user === undefined &&
    c.privileged === undefined &&
    c.readOnlyRootFilesystem === undefined &&
    c.capAdd === undefined &&
    c.capDrop === undefined
  )
    return undefined;
  const out: Obj = {};
  if (c.user !== undefined) Object.assign(out, runAs(k, c.user, [...at, 'user'], id));
  if (c.privileged !== undefined) out.privileged = c.privileged;
  if (c.readOnlyRootFilesystem !== undefined) out.readOnlyRootFilesystem = c.readOnlyRootFilesystem;
  const add = c.capAdd?.map(capability);
  const drop = c.capDrop?.map(capability);
  if (add?.length || drop?.length) out.capabilities = { ...(add?.length ? { add } : {}), ...(drop?.length ? { drop } : {}) };
  return Object.keys(out).length ? out : undefined;
}

/** Docker accepts "CAP_NET_ADMIN" and "NET_ADMIN"; Kubernetes only the latter. */
const capability = (cap: string): string => cap.toUpperCase().replace(/^CAP_/, '');

/** "1000" → runAsUser; "1000:2000" → runAsGroup too. Kubernetes knows no user names. */
function runAs(k: KubeContext, user: string, at: Path, id: string): Obj {
  const [uid, gid, ...rest] = user.split(':');
  const numeric = (s: string | undefined) => (s !== undefined && /^\d+$/.test(s) ? Number(s) : undefined);
  const runAsUser = numeric(uid);
  const runAsGroup = numeric(gid);
  if (runAsUser === undefined || (gid !== undefined && runAsGroup === undefined) || rest.length) {
    k.note(
      'lost',
      at,
      id,
      `Kubernetes runs containers as numeric ids only: user "${user}" is ${runAsUser === undefined ? 'left out' : 'carried as its uid only'}.`,
      'Give the user as uid or uid:gid (see /etc/passwd in the image).',
    );
  }
  return {
    ...(runAsUser !== undefined ? { runAsUser } : {}),
    ...(runAsUser !== undefined && runAsGroup !== undefined ? { runAsGroup } : {}),
  };
}

/**
 * Pods of a Deployment, StatefulSet or DaemonSet always restart their containers; a Job's pod
 * has one policy, its main container's (native sidecars always restart).
 */
function restartNote(k: KubeContext, c: Container, at: Path, pc: PlannedContainer, o: ContainerOptions): void {
  if (o.runsToCompletion || o.restartPolicy === 'Always' || (c.restart !== 'no' && c.restart !== 'on-failure')) return;
  if (o.podRestart === c.restart) return;
  k.note(
    'approximated',
    [...at, 'restart'],
    pc.elementId,
    o.podRestart
      ? `A pod has one restart policy: ${pc.name} follows its Job's ("${o.podRestart}"), not "${c.restart}".`
      : `Restart policy "${c.restart}" is not available for a long-running pod: Kubernetes restarts ${pc.name} whenever it exits.`,
    o.podRestart || pc.container.role !== 'main'
      ? undefined
      : 'A service without ports whose main container has restart "no" or "on-failure" runs to completion as a Job.',
  );
}
