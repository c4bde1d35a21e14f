import { stringify } from 'yaml';
import { fileNames, type ManifestObject, splitManifests } from './split';

/**
 * The Kubernetes side as a Kustomize base plus one overlay per environment. Pure: it takes the
 * plain manifests (compile(…, 'kubernetes') text) and returns files; the CLI writes them.
 *
 *   base/kustomization.yaml   resources: one file per object (no commonLabels, no namePrefix)
 *   base/<kind>-<name>.yaml   each object byte for byte as in the plain manifests
 *   overlays/<env>/kustomization.yaml   resources: [../../base], replicas, images, patches
 *   overlays/<env>/resources-<workload>.yaml   strategic-merge patch of container resources
 *
 * `kubectl kustomize base` therefore renders exactly the plain manifests' objects.
 */
export interface KubeResources {
  limits?: { cpu?: string; memory?: string };
  requests?: { cpu?: string; memory?: string };
}

export interface OverlaySpec {
  /** Workload name (Deployment / StatefulSet) → replica count. */
  replicas?: Record<string, number>;
  /** Image name without tag (as in the manifests) → the tag to use. */
  images?: Record<string, string>;
  /** Workload name → container name → resources to set. */
  resources?: Record<string, Record<string, KubeResources>>;
}

export interface KustomizeFile {
  path: string;
  content: string;
}

export interface KustomizeProblem {
  code: 'KUSTOMIZE_UNKNOWN_WORKLOAD' | 'KUSTOMIZE_UNKNOWN_CONTAINER' | 'KUSTOMIZE_UNKNOWN_IMAGE' | 'KUSTOMIZE_BAD_VALUE';
  /** Where in the overlay spec: overlay name, section, key. */
  path: string[];
  message: string;
}

export type KustomizeResult = { ok: true; files: KustomizeFile[] } | { ok: false; problems: KustomizeProblem[] };

const SCALABLE = new Set(['Deployment', 'StatefulSet', 'ReplicaSet']);
const WORKLOADS = new Set([...SCALABLE, 'DaemonSet', 'Job']);
const OVERLAY_NAME = /^[a-z0-9]([a-z0-9._-]{0,61}[a-z0-9])?$/;

export function kustomize(manifests: string, overlays?: Record<string, OverlaySpec>): KustomizeResult {
  const objects = splitManifests(manifests);
  const names = fileNames(objects);
  const files: KustomizeFile[] = objects.map((o, i) => ({ path: `base/${names[i]}`, content: o.text }));
  files.push({ path: 'base/kustomization.yaml', content: kustomization({ resources: names }) });
  const problems: KustomizeProblem[] = [];
  for (const [env, spec] of Object.entries(overlays ?? defaultOverlays(objects))) {
    if (!OVERLAY_NAME.test(env)) {
      problems.push({ code: 'KUSTOMIZE_BAD_VALUE', path: [env], message: `overlay name "${env}" is not a simple folder name` });
      continue;
    }
    files.push(...overlay(env, spec, objects, problems));
  }
  return problems.length ? { ok: false, problems } : { ok: true, files };
}

/** dev: every scalable workload at 1 replica; prod: the blueprint's replicas and image tags, pinned explicitly. */
export function defaultOverlays(objects: readonly ManifestObject[]): Record<string, OverlaySpec> {
  const dev: Record<string, number> = {};
  const prod: Record<string, number> = {};
  const images: Record<string, string> = {};
  for (const o of objects) {
    if (!SCALABLE.has(o.kind)) continue;
    const replicas = (o.value.spec as { replicas?: unknown } | undefined)?.replicas;
    if (typeof replicas !== 'number') continue; // an autoscaled workload has none
    dev[o.name] = 1;
    prod[o.name] = replicas;
  }
  for (const image of imagesOf(objects)) {
    const { name, tag } = splitImage(image);
    if (tag) images[name] = tag;
  }
  return { dev: { replicas: dev }, prod: { replicas: prod, images } };
}

function overlay(env: string, spec: OverlaySpec, objects: readonly ManifestObject[], problems: KustomizeProblem[]): KustomizeFile[] {
  const bad = (code: KustomizeProblem['code'], path: string[], message: string) => problems.push({ code, path: [env, ...path], message });
  const byName = (name: string) => objects.find((o) => o.name === name && WORKLOADS.has(o.kind));
  const body: Record<string, unknown> = { resources: ['../../base'] };
  const files: KustomizeFile[] = [];

  const replicas = Object.entries(spec.replicas ?? {}).map(([name, count]) => {
    const w = byName(name);
    if (!w || !SCALABLE.has(w.kind))
      bad('KUSTOMIZE_UNKNOWN_WORKLOAD', ['replicas', name], `no Deployment or StatefulSet "${name}" in the manifests`);
    if (!Number.isInteger(count) || count < 0)
      bad('KUSTOMIZE_BAD_VALUE', ['replicas', name], `replicas must be a whole number ≥ 0 (got ${count})`);
    return { name, count };
  });
  if (replicas.length) body.replicas = replicas;

  const known = new Set([...imagesOf(objects)].map((i) => splitImage(i).name));
  const images = Object.entries(spec.images ?? {}).map(([name, newTag]) => {
    if (!known.has(name)) bad('KUSTOMIZE_UNKNOWN_IMAGE', ['images', name], `no container uses the image "${name}"`);
    if (typeof newTag !== 'string' || !/^[\w][\w.-]{0,127}$/.test(newTag))
      bad('KUSTOMIZE_BAD_VALUE', ['images', name], `"${String(newTag)}" is not an image tag`);
    return { name, newTag };
  });
  if (images.length) body.images = images;

  const patches: { path: string }[] = [];
  for (const [name, containers] of Object.entries(spec.resources ?? {})) {
    const w = byName(name);
    if (!w) {
      bad('KUSTOMIZE_UNKNOWN_WORKLOAD', ['resources', name], `no workload "${name}" in the manifests`);
      continue;
    }
    const patch = resourcesPatch(w, containers, (c) =>
      bad('KUSTOMIZE_UNKNOWN_CONTAINER', ['resources', name, c], `workload "${name}" has no container "${c}"`),
    );
    const path = `resources-${w.kind.toLowerCase()}-${name}.yaml`;
    patches.push({ path });
    files.push({ path: `overlays/${env}/${path}`, content: stringify(patch) });
  }
  if (patches.length) body.patches = patches;
  files.unshift({ path: `overlays/${env}/kustomization.yaml`, content: kustomization(body) });
  return files;
}

/** A strategic-merge patch: containers are merged by name, so only `resources` changes. */
function resourcesPatch(w: ManifestObject, containers: Record<string, KubeResources>, unknown: (c: string) => void): unknown {
  const pod = podSpec(w.value);
  const listed = new Map<string, 'containers' | 'initContainers'>();
  for (const key of ['containers', 'initContainers'] as const)
    for (const c of (pod?.[key] as { name?: string }[] | undefined) ?? []) if (c.name) listed.set(c.name, key);
  const spec: Record<string, { name: string; resources: KubeResources }[]> = {};
  for (const [name, resources] of Object.entries(containers)) {
    const key = listed.get(name);
    if (!key) {
      unknown(name);
      continue;
    }
    const list = spec[key] ?? [];
    list.push({ name, resources });
    spec[key] = list;
  }
  return {
    apiVersion: w.value.apiVersion,
    kind: w.kind,
    metadata: { name: w.name, ...(w.namespace ? { namespace: w.namespace } : {}) },
    spec: { template: { spec } },
  };
}

function podSpec(o: Record<string, unknown>): Record<string, unknown> | undefined {
  const spec = o.spec as { template?: { spec?: Record<string, unknown> } } | undefined;
  return spec?.template?.spec;
}

function imagesOf(objects: readonly ManifestObject[]): Set<string> {
  const out = new Set<string>();
  for (const o of objects) {
    const pod = podSpec(o.value);
    for (const key of ['containers', 'initContainers'])
      for (const c of (pod?.[key] as { image?: unknown }[] | undefined) ?? []) if (typeof c.image === 'string') out.add(c.image);
  }
  return out;
}

/** "registry:5000/a/b:1.2@sha256:…" → name "registry:5000/a/b", tag "1.2" (a digest is left to the name). */
export function splitImage(image: string): { name: string; tag?: string } {
  const at = image.indexOf('@');
  const ref = at < 0 ? image : image.slice(0, at);
  const colon = ref.lastIndexOf(':');
  if (colon <= ref.lastIndexOf('/')) return { name: ref };
  return { name: ref.slice(0, colon), tag: ref.slice(colon + 1) };
}

const kustomization = (body: Record<string, unknown>) =>
  stringify({ apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', ...body });
