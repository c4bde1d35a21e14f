import { type CompileOptions, compile } from '@blaupause/compiler';
import type { Blueprint, Diagnostic } from '@blaupause/model';
import { parseAllDocuments } from 'yaml';
import { APPLYSET_PART_OF, PROJECT_LABEL } from './labels';

/** A Kubernetes object as JSON (what the API server takes and answers). */
export interface KObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    uid?: string;
    resourceVersion?: string;
    generation?: number;
    managedFields?: unknown[];
    [k: string]: unknown;
  };
  [k: string]: unknown;
}

/** Group/kind of an object as ApplySets write it: `Deployment.apps`, `Service` (core group). */
export function groupKind(o: Pick<KObject, 'apiVersion' | 'kind'>): string {
  const slash = o.apiVersion.indexOf('/');
  return slash < 0 ? o.kind : `${o.kind}.${o.apiVersion.slice(0, slash)}`;
}

/** Identity of an object in a cluster: group/kind, namespace and name. */
export function objectKey(o: KObject, defaultNamespace: string): string {
  return `${groupKind(o)}/${isClusterScoped(o.kind) ? '' : (o.metadata.namespace ?? defaultNamespace)}/${o.metadata.name}`;
}

const CLUSTER_SCOPED = new Set([
  'Namespace',
  'PersistentVolume',
  'StorageClass',
  'ClusterRole',
  'ClusterRoleBinding',
  'IngressClass',
  'PriorityClass',
]);
export function isClusterScoped(kind: string): boolean {
  return CLUSTER_SCOPED.has(kind);
}

/** The order objects are applied in: what others refer to first (kubectl's and Helm's order). */
const APPLY_ORDER = [
  'Namespace',
  'NetworkPolicy',
  'ResourceQuota',
  'LimitRange',
  'ServiceAccount',
  'Secret',
  'ConfigMap',
  'StorageClass',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'Service',
  'DaemonSet',
  'Pod',
  'ReplicaSet',
  'Deployment',
  'HorizontalPodAutoscaler',
  'StatefulSet',
  'Job',
  'CronJob',
  'Ingress',
];
export function applyOrder(a: KObject, b: KObject): number {
  const rank = (k: string) => {
    const i = APPLY_ORDER.indexOf(k);
    return i < 0 ? APPLY_ORDER.length : i;
  };
  return rank(a.kind) - rank(b.kind);
}

export interface Desired {
  objects: KObject[];
  /** The compiler's fidelity notes for Kubernetes. */
  notes: Diagnostic[];
}

/**
 * The objects a blueprint becomes on a cluster: the compiler's Kubernetes output (the same text the
 * YAML panel shows, read back), each labelled with our project and ApplySet membership — also the
 * pod templates, so the status watch finds the project's pods by label.
 */
export function desiredObjects(bp: Blueprint, project: string, applySetId: string, options: CompileOptions = {}): Desired {
  const result = compile(bp, 'kubernetes', options);
  const objects: KObject[] = [];
  for (const file of result.files)
    for (const doc of parseAllDocuments(file.content)) {
      const o = doc.toJS() as KObject | null;
      if (!o || typeof o !== 'object' || !o.kind) continue;
      const own = { [PROJECT_LABEL]: project, [APPLYSET_PART_OF]: applySetId };
      o.metadata.labels = { ...o.metadata.labels, ...own };
      const template = podTemplate(o);
      if (template) template.labels = { ...template.labels, [PROJECT_LABEL]: project };
      objects.push(o);
    }
  return { objects: objects.sort(applyOrder), notes: result.diagnostics };
}

/** The pod template's metadata of a workload (Deployment, StatefulSet, Job, CronJob …), if any. */
export function podTemplate(o: KObject): { labels?: Record<string, string> } | undefined {
  const spec = o.spec as
    | {
        template?: { metadata?: { labels?: Record<string, string> } };
        jobTemplate?: { spec?: { template?: { metadata?: { labels?: Record<string, string> } } } };
      }
    | undefined;
  const t = spec?.template ?? spec?.jobTemplate?.spec?.template;
  if (!t) return undefined;
  t.metadata ??= {};
  return t.metadata;
}
