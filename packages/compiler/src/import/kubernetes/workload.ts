import { elementId, type Path } from '@blaupause/model';
import { type Draft, describe, type ImportContext, type K8sObject, opt, type ServiceDraft } from './context';
import { dnsLabel, seconds, uniqueName, userLabels } from './convert';
import { cronJobSpec, isJobLabel, readJob, scheduleNote } from './job';
import { readUntracedLinks } from './links';
import { isNetworkLabel, readNetworks } from './networks';
import { readAnnotations } from './objects';
import { readPod } from './pod';
import type { Cursor } from './reader';
import { withoutReserved } from './reserved-labels';
import { readRollout } from './rollout';
import { claimSpec } from './storage';

export const WORKLOAD_KINDS = new Set([
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'CronJob',
  'ReplicaSet',
  'ReplicationController',
  'Pod',
]);

/** Spec fields the API server defaults per kind: nothing to carry when they have these values. */
const SPEC_DEFAULTS: Record<string, Record<string, unknown[]>> = {
  Deployment: { minReadySeconds: [0], revisionHistoryLimit: [10], progressDeadlineSeconds: [600] },
  StatefulSet: {
    minReadySeconds: [0],
    revisionHistoryLimit: [10],
    podManagementPolicy: ['OrderedReady'],
    persistentVolumeClaimRetentionPolicy: [{ whenDeleted: 'Retain', whenScaled: 'Retain' }],
  },
  DaemonSet: { minReadySeconds: [0], revisionHistoryLimit: [10] },
  ReplicaSet: { minReadySeconds: [0] },
  ReplicationController: { minReadySeconds: [0] },
};

/** The service name: the app.kubernetes.io/name label, else metadata.name; a DNS-1123 label, unique. */
export function serviceName(o: K8sObject, podLabels: Record<string, string>, draft: Draft, ctx: ImportContext): string {
  const wanted = o.labels['app.kubernetes.io/name'] ?? podLabels['app.kubernetes.io/name'] ?? o.name;
  const base = dnsLabel(wanted);
  const name = uniqueName(base, draft.services);
  if (name !== wanted)
    ctx.approximated(
      [...o.path, 'metadata', 'name'],
      `${describe(o)} became the service ${name}: ${base !== wanted ? `"${wanted}" is not a DNS-1123 label` : `another workload is named ${base}`}.`,
      elementId.service(name),
    );
  return name;
}

/** Deployment, StatefulSet, DaemonSet, Job, CronJob (its job, once), ReplicaSet, ReplicationController or Pod → a blueprint service. */
export function importWorkload(o: K8sObject, ctx: ImportContext, draft: Draft): ServiceDraft | undefined {
  const bare = o.kind === 'Pod';
  const job = o.kind === 'Job' || o.kind === 'CronJob';
  const spec = o.kind === 'CronJob' ? cronJobSpec(o) : o.root.map('spec');
  const template = bare ? undefined : spec?.map('template');
  const tmeta = template?.map('metadata');
  const podSpec = bare ? spec : template?.map('spec');
  if (!spec || !podSpec) {
    ctx.add('INVALID_OBJECT', 'error', [...o.path, 'spec'], `${describe(o)} has no ${bare ? 'spec' : 'spec.template.spec'}.`, {
      hint: 'A workload needs a pod template with at least one container.',
    });
    return undefined;
  }
  const rawPodLabels = bare ? o.labels : tmeta ? templateLabels(tmeta.strMap('labels') ?? {}, [...tmeta.path, 'labels'], ctx) : {};
  const podLabels = job ? withoutJobLabels(rawPodLabels, ctx) : rawPodLabels;
  tmeta?.defaults({ creationTimestamp: [null] });
  const annotations = bare ? o.annotations : tmeta ? readAnnotations(tmeta, ctx).cursor : undefined;
  const name = serviceName(o, podLabels, draft, ctx);
  const id = elementId.service(name);
  o.elementId = id;
  const s: ServiceDraft = {
    name,
    object: o,
    service: { ...opt('labels', userLabels(o.labels, podLabels)), containers: {} },
    podLabels,
    containerPorts: [],
    ready: false,
    waits: [],
    exposedBy: [],
    untraced: [],
  };
  draft.services.set(name, s);
  readNetworks(s, draft);
  readDescription(o, s);
  readUntracedLinks(o, s, ctx);
  readController(o, spec, s, ctx);
  const claimTemplates = o.kind === 'StatefulSet' ? readClaimTemplates(spec, ctx, draft) : new Map<string, string>();
  const restarts = bare || job;
  readPod(s, podSpec, { ...opt('annotations', annotations), mainNames: [name, o.name], claimTemplates, restarts }, draft, ctx);
  if (job) readJob(o, spec, s, ctx);
  if (o.kind === 'CronJob') scheduleNote(o, s, ctx);
  if (bare || o.kind === 'ReplicaSet' || o.kind === 'ReplicationController') {
    const task = Object.values(s.service.containers).some((c) => c.restart === 'no' || c.restart === 'on-failure');
    ctx.approximated(o.path, `${describe(o)} became the service ${name}; exported again it is a ${task ? 'Job' : 'Deployment'}.`, id);
  }
  return s;
}

/**
 * Pod template labels: segment labels (network.blaupause.dev/<segment>) are carried as the
 * service's networks, so they are kept out of the reserved-label check that drops the rest of
 * Blaupause's own keys.
 */
function templateLabels(labels: Record<string, string>, path: Path, ctx: ImportContext): Record<string, string> {
  const segments: Record<string, string> = {};
  const rest: Record<string, string> = {};
  for (const [k, v] of Object.entries(labels)) (isNetworkLabel(k) && v === 'true' ? segments : rest)[k] = v;
  return { ...withoutReserved(rest, path, ctx), ...segments };
}

/** The labels the Job controller writes on its pods are the cluster's: dropped, and said so. */
function withoutJobLabels(labels: Record<string, string>, ctx: ImportContext): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(labels))
    if (isJobLabel(k)) ctx.stripped.add(`spec.template.metadata.labels.${k}`);
    else out[k] = v;
  return out;
}

function readDescription(o: K8sObject, s: ServiceDraft): void {
  const d = o.annotations?.peek('blaupause.dev/description');
  if (typeof d !== 'string') return;
  o.annotations?.take('blaupause.dev/description');
  s.service.description = d;
}

/** The controller part: replicas, mode, rollout; the selector is implied by the pod labels. */
function readController(o: K8sObject, spec: Cursor, s: ServiceDraft, ctx: ImportContext): void {
  if (o.kind === 'Pod' || o.kind === 'Job' || o.kind === 'CronJob') return; // a Job's selector and counts: readJob
  spec.take('selector');
  spec.defaults(SPEC_DEFAULTS[o.kind] ?? {});
  if (o.kind === 'StatefulSet') spec.take('serviceName'); // its headless Service is matched like any other
  if (o.kind === 'DaemonSet') s.service.mode = 'global';
  else {
    const replicas = spec.int('replicas');
    if (replicas !== undefined) s.service.replicas = replicas;
  }
  const rollout = readRollout(o, spec, ctx, elementId.service(s.name), s.service.replicas ?? 1);
  // A new pod must stay ready this long before the rollout goes on: the blueprint's monitor period.
  const minReady = spec.int('minReadySeconds');
  const monitor = minReady !== undefined && minReady > 0 ? seconds(minReady) : undefined;
  if (rollout || monitor) s.service.rollout = { ...rollout, ...opt('monitor', monitor) };
}

/** StatefulSet volumeClaimTemplates → per-replica blueprint volumes. */
function readClaimTemplates(spec: Cursor, ctx: ImportContext, draft: Draft): Map<string, string> {
  const out = new Map<string, string>();
  for (const t of spec.list('volumeClaimTemplates')) {
    t.take('apiVersion');
    t.take('kind');
    if (t.has('status')) {
      t.take('status');
      ctx.stripped.add('status');
    }
    const m = t.map('metadata');
    const claim = m?.str('name');
    m?.defaults({ creationTimestamp: [null] });
    if (!claim) continue;
    const name = uniqueName(dnsLabel(claim), { has: (n) => Object.hasOwn(draft.volumes, n) });
    const c = t.map('spec');
    draft.volumes[name] = {
      perReplica: true,
      ...(c ? claimSpec(c, ctx, elementId.volume(name)) : {}),
      ...opt('labels', userLabels(m?.strMap('labels') ?? {})),
    };
    out.set(claim, name);
  }
  return out;
}
