import { elementId } from '@blaupause/model';
import { type Draft, describe, type ImportContext, type K8sObject, opt, type ServiceDraft } from './context';
import { dnsLabel, seconds, uniqueName, userLabels } from './convert';
import { readNetworks } from './networks';
import { readAnnotations } from './objects';
import { readPod } from './pod';
import type { Cursor } from './reader';
import { withoutReserved } from './reserved-labels';
import { readRollout } from './rollout';
import { claimSpec } from './storage';

export const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Pod']);

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

/** Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController or Pod → a blueprint service. */
export function importWorkload(o: K8sObject, ctx: ImportContext, draft: Draft): ServiceDraft | undefined {
  const bare = o.kind === 'Pod';
  const spec = o.root.map('spec');
  const template = bare ? undefined : spec?.map('template');
  const tmeta = template?.map('metadata');
  const podSpec = bare ? spec : template?.map('spec');
  if (!spec || !podSpec) {
    ctx.add('INVALID_OBJECT', 'error', [...o.path, 'spec'], `${describe(o)} has no ${bare ? 'spec' : 'spec.template.spec'}.`, {
      hint: 'A workload needs a pod template with at least one container.',
    });
    return undefined;
  }
  const podLabels = bare ? o.labels : tmeta ? withoutReserved(tmeta.strMap('labels') ?? {}, [...tmeta.path, 'labels'], ctx) : {};
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
  };
  draft.services.set(name, s);
  readNetworks(s, draft);
  readDescription(o, s);
  readController(o, spec, s, ctx);
  const claimTemplates = o.kind === 'StatefulSet' ? readClaimTemplates(spec, ctx, draft) : new Map<string, string>();
  readPod(s, podSpec, { ...opt('annotations', annotations), mainNames: [name, o.name], claimTemplates, bare }, draft, ctx);
  if (bare || o.kind === 'ReplicaSet' || o.kind === 'ReplicationController')
    ctx.approximated(o.path, `${describe(o)} became the service ${name}; exported again it is a Deployment.`, id);
  return s;
}

function readDescription(o: K8sObject, s: ServiceDraft): void {
  const d = o.annotations?.peek('blaupause.dev/description');
  if (typeof d !== 'string') return;
  o.annotations?.take('blaupause.dev/description');
  s.service.description = d;
}

/** The controller part: replicas, mode, rollout; the selector is implied by the pod labels. */
function readController(o: K8sObject, spec: Cursor, s: ServiceDraft, ctx: ImportContext): void {
  if (o.kind === 'Pod') return;
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
