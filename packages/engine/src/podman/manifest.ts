import { createHash } from 'node:crypto';
import { isAbsolute, resolve } from 'node:path';
import { compile } from '@blaupause/compiler';
import { type Blueprint, type Diagnostic, readYamlDocuments } from '@blaupause/model';
import { networkName, ownLabels, PLABEL, podName, volumeName } from './labels';
import { keepCompilerNote, PodmanNotes } from './notes';
import { podNotes } from './pod-notes';
import { applyService, isObj, list, type PodTarget, str } from './publish';

/**
 * The compiler's Kubernetes output, made playable by `podman kube play` (pure): every workload
 * becomes one Pod named `<project>-<workload>` carrying our labels; PersistentVolumeClaims become
 * named volumes `<project>_<claim>` that the driver creates (labelled) before playing; emptyDir
 * volumes get pod-unique names (Podman makes them global volumes named after the pod volume);
 * Services become DNS aliases and host ports (publish.ts); everything Podman ignores is a note.
 *
 * Kubernetes 1.28 is asked of the compiler on purpose: Podman 4.3 has no native sidecars (an
 * init container with `restartPolicy: Always` would block the pod), so sidecars stay containers.
 */
type Obj = Record<string, unknown>;

export const PODMAN_KUBERNETES_VERSION = '1.28';

export interface PodContainer {
  name: string;
  elementId: string;
  image: string;
  init: boolean;
}

export interface PlannedPod {
  service: string;
  /** Podman pod name. */
  pod: string;
  /** The Pod object as played (labels included, hash label last). */
  doc: Obj;
  configMaps: Obj[];
  /** DNS names on the project network: the Services selecting it. */
  aliases: string[];
  containers: PodContainer[];
  /** Pod-unique names of the emptyDir volumes (Podman creates them as volumes). */
  scratch: string[];
  hash: string;
}

export interface PlannedVolume {
  name: string;
  claim: string;
}

export interface KubeManifest {
  pods: PlannedPod[];
  volumes: PlannedVolume[];
  network: string;
  notes: Diagnostic[];
  /** The compiled objects (before the Podman changes) for the danger policy. */
  objects: unknown[];
}

const POD_SPEC: Record<string, string[]> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
};

const at = (v: unknown, keys: string[]): unknown => keys.reduce<unknown>((o, k) => (isObj(o) ? o[k] : undefined), v);
const clone = <T>(v: T): T => structuredClone(v);

export function compileForPodman(blueprint: Blueprint, project: string, baseDir?: string): KubeManifest {
  const out = compile(blueprint, 'kubernetes', { kubernetesVersion: PODMAN_KUBERNETES_VERSION });
  const objects: unknown[] = [];
  for (const f of out.files) {
    const docs = readYamlDocuments(f.content);
    if (docs.ok) for (const d of docs.value) if (isObj(d.value)) objects.push(d.value);
  }
  return toPodman(objects, project, out.diagnostics.filter(keepCompilerNote), baseDir);
}

export function toPodman(objects: readonly unknown[], project: string, compilerNotes: Diagnostic[] = [], baseDir?: string): KubeManifest {
  const notes = new PodmanNotes();
  const targets: (PodTarget & { pod: string; kind: string })[] = [];
  const configMaps = new Map<string, Obj>();
  const services: Obj[] = [];
  for (const o of objects) {
    if (!isObj(o)) continue;
    const kind = str(o.kind);
    const meta = isObj(o.metadata) ? o.metadata : {};
    const name = str(meta.name);
    const owner = str(isObj(meta.labels) ? meta.labels['app.kubernetes.io/name'] : '') || name;
    if (kind === 'ConfigMap') configMaps.set(name, o);
    else if (kind === 'Service') services.push(o);
    else if (kind === 'PersistentVolumeClaim')
      continue; // created from the pods' claims (volumes below)
    else if (POD_SPEC[kind]) {
      const template = at(o, POD_SPEC[kind]);
      if (!isObj(template) || !isObj(template.spec)) continue;
      const spec = clone(template.spec);
      const labels = { ...(isObj(template.metadata) ? (template.metadata.labels as Record<string, string>) : {}) };
      workloadNotes(o, kind, owner, notes);
      for (const t of list(at(o, ['spec', 'volumeClaimTemplates']))) {
        const claim = `${str(at(t, ['metadata', 'name']))}-${name}-0`;
        spec.volumes = [...list(spec.volumes), { name: str(at(t, ['metadata', 'name'])), persistentVolumeClaim: { claimName: claim } }];
      }
      targets.push({ service: owner, labels, spec, aliases: [], pod: podName(project, name), kind });
    } else notes.lost(owner, [], `${kind} "${name}" is ignored: kube play has no ${kind}.`);
  }
  for (const s of services) applyService(s, targets, notes);
  for (const t of targets) {
    unpublishedPorts(t.spec);
    initRestartPolicy(t.spec, t.service, notes);
  }

  const volumes = new Map<string, PlannedVolume>();
  const pods = targets.map((t) => {
    podNotes(t.spec, t.service, notes);
    const scratch: string[] = [];
    const rename = new Map<string, string>();
    for (const v of list(t.spec.volumes)) {
      if (!isObj(v)) continue;
      const claim = at(v, ['persistentVolumeClaim', 'claimName']);
      if (typeof claim === 'string') {
        const vol = volumeName(project, claim);
        volumes.set(vol, { name: vol, claim });
        (v.persistentVolumeClaim as Obj).claimName = vol;
      } else if (isObj(v.hostPath) && typeof v.hostPath.path === 'string' && !isAbsolute(v.hostPath.path)) {
        // A relative bind source is the blueprint folder's, not the Podman service's working directory.
        v.hostPath.path = resolve(baseDir ?? '.', v.hostPath.path);
      } else if (isObj(v.emptyDir)) {
        const unique = `${t.pod}-${str(v.name)}`;
        rename.set(str(v.name), unique);
        scratch.push(unique);
        v.name = unique;
      }
    }
    for (const c of [...list(t.spec.initContainers), ...list(t.spec.containers)])
      for (const m of list(isObj(c) ? c.volumeMounts : undefined))
        if (isObj(m) && rename.has(str(m.name))) m.name = rename.get(str(m.name));
    const used = new Set(list(t.spec.volumes).flatMap((v) => [str(at(v, ['configMap', 'name']))].filter(Boolean)));
    const maps = [...used].flatMap((n) => (configMaps.has(n) ? [configMaps.get(n) as Obj] : []));
    const containers = [
      ...list(t.spec.initContainers).map((c) => ({ c, init: true })),
      ...list(t.spec.containers).map((c) => ({ c, init: false })),
    ].map(({ c, init }) => ({
      name: str(at(c, ['name'])),
      elementId: `container:${t.service}/${str(at(c, ['name']))}`,
      image: str(at(c, ['image'])),
      init,
    }));
    const labels = ownLabels(project, { ...t.labels, [PLABEL.service]: t.service, [PLABEL.pod]: t.pod });
    const doc: Obj = { apiVersion: 'v1', kind: 'Pod', metadata: { name: t.pod, labels }, spec: t.spec };
    const hash = createHash('sha256')
      .update(JSON.stringify({ doc, maps, aliases: t.aliases }))
      .digest('hex')
      .slice(0, 32);
    labels[PLABEL.hash] = hash;
    return { service: t.service, pod: t.pod, doc, configMaps: maps, aliases: t.aliases, containers, scratch, hash };
  });
  return {
    pods,
    volumes: [...volumes.values()],
    network: networkName(project),
    notes: [...compilerNotes, ...notes.list],
    objects: [...objects],
  };
}

/** What is POSTed to /libpod/play/kube for one pod: its config maps, then the Pod (JSON is YAML). */
export function playDocument(p: PlannedPod): string {
  return [...p.configMaps, p.doc].map((d) => JSON.stringify(d)).join('\n---\n');
}

function workloadNotes(o: Obj, kind: string, service: string, notes: PodmanNotes): void {
  const replicas = at(o, ['spec', 'replicas']);
  if (typeof replicas === 'number' && replicas > 1)
    notes.approximated(service, ['replicas'], `${kind} asks for ${replicas} replicas; Podman runs one pod.`);
  if (at(o, ['spec', 'strategy']) !== undefined || at(o, ['spec', 'updateStrategy']) !== undefined)
    notes.lost(service, ['rollout'], 'the rollout strategy is ignored: a changed service has its pod removed and played again.');
  if (kind === 'DaemonSet') notes.approximated(service, [], 'DaemonSet: one pod on this machine.');
  if (kind === 'StatefulSet')
    notes.approximated(service, [], 'StatefulSet: one pod; each volume claim template is one named volume (ordinal 0).');
  if (kind === 'CronJob') notes.lost(service, [], 'CronJob: the schedule is ignored; the job runs once when played.');
  if (kind !== 'Pod' && kind !== 'Job' && kind !== 'CronJob')
    notes.approximated(
      service,
      [],
      `no controller: a ${kind}'s pod that is removed is not replaced (containers restart per restartPolicy).`,
    );
}

/**
 * Podman 4.3's kube play publishes a containerPort without hostPort on the host under the same
 * number (Kubernetes never does): two pods with port 80 would collide. Only ports a published
 * Service gave a hostPort stay; the others are informational in Kubernetes anyway.
 */
function unpublishedPorts(spec: Obj): void {
  for (const c of [...list(spec.initContainers), ...list(spec.containers)]) {
    if (!isObj(c) || !Array.isArray(c.ports)) continue;
    const kept = c.ports.filter((p) => isObj(p) && typeof p.hostPort === 'number');
    if (kept.length) c.ports = kept;
    else delete c.ports;
  }
}

/**
 * Podman 4.3 gives init containers the pod's restart policy (podman#16343): under `Always` a
 * completed init container (a link wait) is restarted again and again, and kube play waits for
 * it. A pod with init containers gets `OnFailure` instead; the cost is named in a note.
 */
function initRestartPolicy(spec: Obj, service: string, notes: PodmanNotes): void {
  if (list(spec.initContainers).length === 0 || (spec.restartPolicy !== undefined && spec.restartPolicy !== 'Always')) return;
  spec.restartPolicy = 'OnFailure';
  notes.approximated(
    service,
    ['restart'],
    'the pod has init containers, so it runs with restartPolicy OnFailure (Podman 4.3 would rerun completed init containers forever under Always): a container that exits 0 is not restarted.',
  );
}
