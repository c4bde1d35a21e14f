import type { Blueprint, Path, Volume } from '@blaupause/model';
import { elementId } from '@blaupause/model';
import type { PlannedContainer, PlannedService } from '../../plan/plan';
import { type Filled, Template } from '../../yaml';
import type { EmitContext } from '../emitter';
import { isLabelKey, isLabelValue, NameAllocator } from './names';
import { parseKubeVersion, versionAtLeast } from './units';

export type Labels = Record<string, string>;
export type Obj = Record<string, unknown>;

export const LABEL_NAME = 'app.kubernetes.io/name';
export const LABEL_PART_OF = 'app.kubernetes.io/part-of';
export const LABEL_MANAGED_BY = 'app.kubernetes.io/managed-by';
export const MANAGER = 'blaupause';
/** Pods carry one label per network segment they join; NetworkPolicies select on it. */
export const networkLabel = (network: string): string => `network.blaupause.dev/${network}`;
/** Native sidecars (restartable init containers) are on by default from Kubernetes 1.29. */
const NATIVE_SIDECARS: [number, number] = [1, 29];
const OWN_LABELS = new Set([LABEL_NAME, LABEL_PART_OF, LABEL_MANAGED_BY]);

/** A volume every replica gets its own copy of: a StatefulSet volumeClaimTemplate. */
export const isPerReplica = (v: Volume): boolean => !!v.perReplica && !v.ephemeral && !v.external;

/** What every part of the Kubernetes emitter needs, derived once per compile. */
export interface KubeContext {
  ctx: EmitContext;
  blueprint: Blueprint;
  project: string;
  namespace?: string;
  nativeSidecars: boolean;
  /** Services that some other service links to: each gets a Service, ports or not. */
  linkTargets: ReadonlySet<string>;
  /** Whether segments are drawn (some service names its networks): NetworkPolicies then. */
  segmented: boolean;
  /** Whether some volume is per replica: only then can a pod need a StatefulSet. */
  anyPerReplica: boolean;
  /** Blueprint metadata labels that are valid Kubernetes labels (the rest got a note). */
  blueprintLabels: Labels;
  /**
   * Names per kind for derived objects (`web-published`, `web-canary`, `network-x`): the
   * services' own names are reserved first, so a derived name never takes another's.
   */
  names: Record<'Service' | 'Deployment' | 'NetworkPolicy', NameAllocator>;
  note: EmitContext['note'];
  /** The labels of a service without labels of its own, and its pod selector, by its name (see LabelSet.out). */
  labelTemplates: { labels: Template<[string]>; selector: Template<[string]> };
}

export function kubeContext(ctx: EmitContext): KubeContext {
  const { plan } = ctx;
  const blueprint = plan.blueprint;
  const linkTargets = new Set<string>();
  for (const s of plan.services) for (const l of s.links) linkTargets.add(l.target);
  const namespace = ctx.options.namespace;
  const k: KubeContext = {
    ctx,
    blueprint,
    project: plan.project,
    ...(namespace ? { namespace } : {}),
    nativeSidecars: nativeSidecars(ctx),
    linkTargets,
    segmented: plan.services.some((s) => (s.service.networks?.length ?? 0) > 0),
    anyPerReplica: Object.values(blueprint.volumes ?? {}).some(isPerReplica),
    blueprintLabels: userLabels(ctx, blueprint.metadata.labels, ['metadata', 'labels'], elementId.blueprint()),
    names: { Service: reserved(plan.services), Deployment: reserved(plan.services), NetworkPolicy: new NameAllocator() },
    note: ctx.note,
    // Made per compile: the project's name and the blueprint's labels are part of their text.
    labelTemplates: {
      labels: new Template((name: string) => objectLabels(k, name), 1),
      selector: new Template((name: string) => selectorLabels(k, name), 1),
    },
  };
  return k;
}

function reserved(services: readonly PlannedService[]): NameAllocator {
  const names = new NameAllocator();
  for (const s of services) names.reserve(s.name);
  return names;
}

function nativeSidecars(ctx: EmitContext): boolean {
  const v = parseKubeVersion(ctx.options.kubernetesVersion);
  if (v) return versionAtLeast(v, ...NATIVE_SIDECARS);
  ctx.note(
    'approximated',
    ['options', 'kubernetesVersion'],
    elementId.blueprint(),
    `"${ctx.options.kubernetesVersion}" is not a Kubernetes version; the manifests are written for a current one.`,
    'Give the version as major.minor, e.g. 1.30.',
  );
  return true;
}

/** User labels that Kubernetes accepts; the others are reported and left out. */
export function userLabels(ctx: EmitContext, labels: Labels | undefined, at: Path, id: string): Labels {
  const out: Labels = {};
  if (!labels) return out;
  for (const [key, value] of Object.entries(labels)) {
    if (OWN_LABELS.has(key)) continue; // ours win: they identify and select what we manage
    if (isLabelKey(key) && isLabelValue(value)) out[key] = value;
    else ctx.note('lost', [...at, key], id, `Label "${key}: ${value}" is not a valid Kubernetes label; it is left out.`, labelHint);
  }
  return out;
}

const labelHint =
  'Kubernetes label names and values have at most 63 characters: letters, digits, "-", "_" and "."; names may have a DNS prefix ending in "/".';

/** The labels that select a service's pods (the canary track is added by the workload). */
export function selectorLabels(k: KubeContext, service: string): Labels {
  return { [LABEL_NAME]: service, [LABEL_PART_OF]: k.project };
}

/** Labels on every object we emit: who it belongs to, and that we manage it. */
export function objectLabels(k: KubeContext, name: string, extra?: Labels): Labels {
  return { ...selectorLabels(k, name), [LABEL_MANAGED_BY]: MANAGER, ...k.blueprintLabels, ...extra };
}

/** metadata: name, namespace (when asked) and the given labels. */
export function meta(k: KubeContext, name: string, labels: Labels | Filled): Obj {
  return { name, namespace: k.namespace, labels };
}

/** metadata with the standard labels of `app` plus extra ones. */
export function objectMeta(k: KubeContext, name: string, app: string, extra?: Labels): Obj {
  return meta(k, name, objectLabels(k, app, extra));
}

/**
 * The labels of a service's objects and the selector of its pods, computed once per service.
 * The maps are shared by the service's objects (the output is read-only data).
 */
export class LabelSet {
  /**
   * The maps as they go into the output where nothing is added to them: template uses (see
   * Template), so that of a service's ~6 label blocks only its name is written line by line.
   */
  readonly out: { labels: Labels | Filled; selector: Labels | Filled };
  private made: { labels?: Labels; selector?: Labels } = {};

  constructor(
    private readonly k: KubeContext,
    private readonly name: string,
    private readonly own: Labels,
  ) {
    const t = k.labelTemplates;
    let plain = true;
    for (const _ in own) plain = false;
    this.out = { labels: plain ? t.labels.fill(name) : this.labels, selector: t.selector.fill(name) };
  }

  /** The maps as data, made when first read (only for maps with more added: networks, a track). */
  get labels(): Labels {
    this.made.labels ??= objectLabels(this.k, this.name, this.own);
    return this.made.labels;
  }

  get selector(): Labels {
    this.made.selector ??= selectorLabels(this.k, this.name);
    return this.made.selector;
  }
}

export function labelSet(k: KubeContext, ps: PlannedService): LabelSet {
  return new LabelSet(k, ps.name, userLabels(k.ctx, ps.service.labels, ['services', ps.name, 'labels'], ps.elementId));
}

/**
 * A run-to-completion service: its main container must not be restarted once it exits
 * (restart no / on-failure, the two policies a Kubernetes Job allows) and it serves no port
 * (a service with ports is a server; as a Job it could not be updated in place). It becomes a Job.
 */
export function jobRestartPolicy(ps: PlannedService): 'Never' | 'OnFailure' | undefined {
  if (ps.service.ports?.length) return undefined;
  const restart = ps.main?.container.restart;
  return restart === 'no' ? 'Never' : restart === 'on-failure' ? 'OnFailure' : undefined;
}

/** Whether some container of the pod (main, helpers, inits) satisfies `test`; no arrays built. */
export function someContainer(ps: PlannedService, test: (pc: PlannedContainer) => boolean): boolean {
  return (ps.main !== undefined && test(ps.main)) || ps.helpers.some(test) || ps.inits.some(test);
}

/** Visits every container of the pod: main, helpers, inits. */
export function forEachContainer(ps: PlannedService, visit: (pc: PlannedContainer) => void): void {
  if (ps.main) visit(ps.main);
  for (const pc of ps.helpers) visit(pc);
  for (const pc of ps.inits) visit(pc);
}
