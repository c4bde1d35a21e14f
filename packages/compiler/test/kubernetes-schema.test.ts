import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBlueprint } from '@blaupause/model';
import { DaemonSet, Deployment, StatefulSet } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { Job } from 'kubernetes-models/batch/v1';
import { Ingress, NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { ConfigMap, PersistentVolumeClaim, Service } from 'kubernetes-models/v1';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { compile } from '../src';

/**
 * Every Kubernetes object we write must pass the official OpenAPI schemas (kubernetes-models
 * carries them) and the cross-object rules the API server and controllers rely on (selectors,
 * references, names). Inputs: each golden case of golden/ and golden/kubernetes/ (its
 * kubernetes.yaml snapshot and a fresh compile for old and new Kubernetes versions, with a
 * namespace) and each example blueprint (examples/*.blueprint.yaml).
 */

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');

const MODELS: Record<string, { validate(data: unknown): void }> = {
  'apps/v1/Deployment': { validate: (d) => new Deployment(d as never).validate() },
  'apps/v1/StatefulSet': { validate: (d) => new StatefulSet(d as never).validate() },
  'apps/v1/DaemonSet': { validate: (d) => new DaemonSet(d as never).validate() },
  'batch/v1/Job': { validate: (d) => new Job(d as never).validate() },
  'v1/Service': { validate: (d) => new Service(d as never).validate() },
  'v1/ConfigMap': { validate: (d) => new ConfigMap(d as never).validate() },
  'v1/PersistentVolumeClaim': { validate: (d) => new PersistentVolumeClaim(d as never).validate() },
  'autoscaling/v2/HorizontalPodAutoscaler': { validate: (d) => new HorizontalPodAutoscaler(d as never).validate() },
  'networking.k8s.io/v1/Ingress': { validate: (d) => new Ingress(d as never).validate() },
  'networking.k8s.io/v1/NetworkPolicy': { validate: (d) => new NetworkPolicy(d as never).validate() },
};

/** Blueprints of both golden folders: all targets (golden/) and the Kubernetes mappings (golden/kubernetes/). */
const goldenCases = ['golden', 'golden/kubernetes'].flatMap((folder) =>
  readdirSync(join(here, folder), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(here, folder, d.name, 'blueprint.yaml')))
    .map((d) => join('packages/compiler/test', folder, d.name, 'blueprint.yaml'))
    .sort(),
);
const examples = readdirSync(join(root, 'examples'))
  .filter((f) => f.endsWith('.blueprint.yaml'))
  .map((f) => join('examples', f))
  .sort();

const VARIANTS = [{}, { kubernetesVersion: '1.28', namespace: 'blaupause-test' }];

function compiled(file: string): { variant: string; text: string }[] {
  const loaded = loadBlueprint(readFileSync(join(root, file), 'utf8'), { file });
  const bp = loaded.blueprint;
  if (!bp) throw new Error(`${file} does not load: ${loaded.diagnostics.map((d) => d.message).join('; ')}`);
  return VARIANTS.map((options) => ({
    variant: JSON.stringify(options),
    text: compile(bp, 'kubernetes', options).files[0]?.content ?? '',
  }));
}

function objects(text: string): K8sObject[] {
  return parseAllDocuments(text).map((d) => d.toJS() as K8sObject);
}

function schemaErrors(objs: K8sObject[]): string[] {
  return objs.flatMap((o) => {
    const model = MODELS[`${o.apiVersion}/${o.kind}`];
    if (!model) return [`${o.apiVersion} ${o.kind} has no schema here`];
    try {
      model.validate(o);
      return [];
    } catch (e) {
      return [`${o.kind}/${o.metadata?.name}: ${(e as Error).message}`];
    }
  });
}

describe('Kubernetes output against the official schemas', () => {
  it('has inputs', () => {
    expect(examples.length).toBeGreaterThanOrEqual(2);
    expect(goldenCases.length).toBeGreaterThanOrEqual(30);
  });

  describe.each([...goldenCases, ...examples])('%s', (file) => {
    it.each(compiled(file))('compiled with $variant', ({ text }) => {
      const objs = objects(text);
      expect(objs.length).toBeGreaterThan(0);
      expect(schemaErrors(objs)).toEqual([]);
      expect(checkIntegrity(objs)).toEqual([]);
    });
  });

  describe.each(goldenCases.filter((f) => existsSync(join(root, dirname(f), 'kubernetes.yaml'))))('%s snapshot', (file) => {
    it('kubernetes.yaml', () => {
      const objs = objects(readFileSync(join(root, dirname(file), 'kubernetes.yaml'), 'utf8'));
      expect(schemaErrors(objs)).toEqual([]);
      expect(checkIntegrity(objs)).toEqual([]);
    });
  });

  it('rejects what the schemas forbid (the check is not vacuous)', () => {
    const bad = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'x' }, spec: { ports: [{ port: 'eighty' }] } };
    expect(schemaErrors([bad as K8sObject])).toHaveLength(1);
    expect(checkIntegrity([bad as K8sObject]).length).toBeGreaterThan(0);
  });
});

// ── cross-object rules: what the API server and the controllers check beyond the schema ─────────

type Labels = Record<string, string>;
interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata?: { name?: string; namespace?: string; labels?: Labels };
  // biome-ignore lint/suspicious/noExplicitAny: parsed YAML, checked field by field below
  spec?: any;
}
// biome-ignore lint/suspicious/noExplicitAny: parsed YAML
type Any = any;

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const IANA_PORT = /^(?=.*[a-z])[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
const STANDARD = ['app.kubernetes.io/name', 'app.kubernetes.io/part-of', 'app.kubernetes.io/managed-by'];
const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'Job']);

const subset = (sel: Labels | undefined, labels: Labels | undefined) =>
  !!sel && Object.keys(sel).length > 0 && Object.entries(sel).every(([k, v]) => labels?.[k] === v);
const dupes = (xs: string[]) => xs.filter((x, i) => xs.indexOf(x) !== i);
const labelOk = (k: string, v: string) => {
  const name = k.slice(k.lastIndexOf('/') + 1);
  const prefix = k.includes('/') ? k.slice(0, k.lastIndexOf('/')) : '';
  return (
    name.length <= 63 &&
    LABEL_NAME.test(name) &&
    (!prefix || DNS_SUBDOMAIN.test(prefix)) &&
    (v === '' || (v.length <= 63 && LABEL_NAME.test(v)))
  );
};

function checkIntegrity(objs: K8sObject[]): string[] {
  const errs: string[] = [];
  const ids = objs.map((o) => `${o.kind}/${o.metadata?.name}`);
  for (const d of dupes(ids)) errs.push(`${d} appears twice`);
  const workloads = objs.filter((o) => WORKLOADS.has(o.kind));
  const podLabels = workloads.map((w) => w.spec?.template?.metadata?.labels as Labels | undefined);
  for (const o of objs) errs.push(...objectRules(o, objs, podLabels).map((e) => `${o.kind}/${o.metadata?.name}: ${e}`));
  for (const [i, w] of workloads.entries())
    for (const [j, v] of workloads.entries())
      if (i !== j && subset(w.spec?.selector?.matchLabels, podLabels[j]))
        errs.push(`${w.kind}/${w.metadata?.name} selects the pods of ${v.metadata?.name}`);
  return errs;
}

function objectRules(o: K8sObject, objs: K8sObject[], podLabels: (Labels | undefined)[]): string[] {
  const errs: string[] = [];
  const name = o.metadata?.name ?? '';
  if (!(o.kind === 'Service' ? DNS_1035.test(name) && name.length <= 63 : DNS_SUBDOMAIN.test(name) && name.length <= 253))
    errs.push('invalid name');
  const labels = o.metadata?.labels ?? {};
  for (const k of STANDARD) if (!labels[k]) errs.push(`label ${k} missing`);
  for (const [k, v] of Object.entries(labels)) if (!labelOk(k, v)) errs.push(`invalid label ${k}: ${v}`);
  const selects = (sel: Labels | undefined) => podLabels.some((l) => subset(sel, l));
  const spec = o.spec ?? {};
  switch (o.kind) {
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'Job':
      if (o.kind === 'Job') {
        // The Job controller writes the selector (controller-uid); the pod must not restart always.
        if (spec.selector !== undefined) errs.push('a Job with its own selector needs manualSelector');
        if (!['Never', 'OnFailure'].includes(spec.template?.spec?.restartPolicy))
          errs.push('Job pod restartPolicy must be Never or OnFailure');
        if (spec.replicas !== undefined) errs.push('a Job has no replicas');
      } else if (spec.template?.spec?.restartPolicy !== undefined && spec.template.spec.restartPolicy !== 'Always')
        errs.push(`${o.kind} pods must restart always`);
      else if (!subset(spec.selector?.matchLabels, spec.template?.metadata?.labels)) errs.push('selector does not match the pod template');
      if (
        o.kind === 'StatefulSet' &&
        !objs.some((s) => s.kind === 'Service' && s.metadata?.name === spec.serviceName && s.spec?.clusterIP === 'None')
      )
        errs.push(`no headless Service ${spec.serviceName}`);
      for (const ru of [spec.strategy?.rollingUpdate, spec.updateStrategy?.rollingUpdate])
        if (ru && ru.maxSurge === 0 && ru.maxUnavailable === 0) errs.push('maxSurge and maxUnavailable both 0');
      errs.push(
        ...podRules(
          spec.template?.spec ?? {},
          (spec.volumeClaimTemplates ?? []).map((t: Any) => t.metadata?.name),
        ),
      );
      break;
    case 'Service': {
      if (!selects(spec.selector)) errs.push('selector matches no pod template');
      if (spec.clusterIP !== 'None' && !spec.ports?.length) errs.push('no ports');
      const ports: Any[] = spec.ports ?? [];
      if (ports.length > 1 && ports.some((p) => !p.name)) errs.push('unnamed port among several');
      for (const d of dupes(ports.map((p) => p.name))) errs.push(`port name ${d} twice`);
      for (const p of ports)
        if (p.nodePort !== undefined && (p.nodePort < 30000 || p.nodePort > 32767)) errs.push(`nodePort ${p.nodePort}`);
      break;
    }
    case 'HorizontalPodAutoscaler': {
      const t = spec.scaleTargetRef;
      if (!objs.some((w) => w.kind === t?.kind && w.metadata?.name === t?.name)) errs.push(`no ${t?.kind} ${t?.name}`);
      if (!['Deployment', 'StatefulSet'].includes(t?.kind)) errs.push(`${t?.kind} cannot be scaled`);
      if (!(spec.minReplicas >= 1 && spec.maxReplicas >= spec.minReplicas)) errs.push('replica range');
      break;
    }
    case 'Ingress':
      for (const rule of spec.rules ?? [])
        for (const p of rule.http?.paths ?? []) {
          const b = p.backend?.service;
          const target = objs.find((s) => s.kind === 'Service' && s.metadata?.name === b?.name);
          if (!target?.spec?.ports?.some((sp: Any) => sp.port === b?.port?.number))
            errs.push(`backend ${b?.name}:${b?.port?.number} does not exist`);
        }
      break;
    case 'NetworkPolicy':
      if (!selects(spec.podSelector?.matchLabels)) errs.push('podSelector matches no pod template');
      break;
  }
  return errs;
}

function podRules(pod: Any, claimTemplates: string[]): string[] {
  const errs: string[] = [];
  const inits: Any[] = pod.initContainers ?? [];
  const all: Any[] = [...inits, ...(pod.containers ?? [])];
  if (!pod.containers?.length) errs.push('no containers');
  const names = all.map((c) => c.name as string);
  for (const d of dupes(names)) errs.push(`container ${d} twice`);
  for (const n of names) if (!DNS_LABEL.test(n) || n.length > 63) errs.push(`invalid container name ${n}`);
  const volumes = (pod.volumes ?? []).map((v: Any) => v.name as string);
  for (const d of dupes(volumes)) errs.push(`volume ${d} twice`);
  for (const v of volumes) if (!DNS_LABEL.test(v) || v.length > 63) errs.push(`invalid volume name ${v}`);
  const mountable = new Set([...volumes, ...claimTemplates]);
  for (const c of all) {
    if (!c.image) errs.push(`container ${c.name} has no image`);
    for (const m of c.volumeMounts ?? []) if (!mountable.has(m.name)) errs.push(`container ${c.name} mounts unknown volume ${m.name}`);
    for (const p of c.ports ?? [])
      if (p.name !== undefined && (!IANA_PORT.test(p.name) || p.name.length > 15)) errs.push(`port name ${p.name}`);
  }
  for (const c of inits)
    if (c.restartPolicy !== 'Always' && (c.readinessProbe || c.livenessProbe || c.startupProbe))
      errs.push(`init container ${c.name} has probes`);
  for (const c of pod.containers ?? []) if (c.restartPolicy !== undefined) errs.push(`container ${c.name} has a restartPolicy`);
  return errs;
}
