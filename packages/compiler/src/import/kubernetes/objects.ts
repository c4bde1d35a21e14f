import type { Path, YamlSource } from '@blaupause/model';
import { type ImportContext, type K8sObject, opt } from './context';
import { type Cursor, isObj, type Obj } from './reader';
import { withoutReserved } from './reserved-labels';

/** Metadata the cluster writes; copied from `kubectl get -o yaml` output, never meant to be applied. */
const CLUSTER_METADATA = [
  'managedFields',
  'resourceVersion',
  'uid',
  'creationTimestamp',
  'generation',
  'selfLink',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'ownerReferences',
  'finalizers',
];

/**
 * Annotations the cluster or kubectl write. last-applied-configuration repeats the whole object
 * (Secret values included), so it is never read, only dropped.
 */
const CLUSTER_ANNOTATION =
  /^(kubectl\.kubernetes\.io\/(last-applied-configuration|restartedAt)|deployment\.kubernetes\.io\/|pv\.kubernetes\.io\/|volume\.(beta\.)?kubernetes\.io\/|control-plane\.alpha\.kubernetes\.io\/)/;

/** Kinds whose objects the controllers of other objects create (Pods of a ReplicaSet, ...). */
const CONTROLLERS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'ReplicationController']);

/**
 * Phase 1: documents → objects. Lists are flattened, invalid objects and duplicates reported,
 * cluster-written fields stripped, and objects that a controller in the same file manages
 * (Pods of a Deployment's ReplicaSet, as `kubectl get all -o yaml` prints them) left out.
 */
export function collectObjects(docs: readonly YamlSource[], ctx: ImportContext): K8sObject[] {
  const found: K8sObject[] = [];
  for (const doc of docs) {
    const path: Path = ['documents', doc.index];
    const value = doc.value;
    if (isObj(value) && isList(value)) {
      const items = value.items;
      if (!Array.isArray(items)) {
        if (items !== undefined && items !== null) invalid(ctx, [...path, 'items'], `Document ${doc.index + 1}: a List needs items: [...]`);
        continue;
      }
      items.forEach((item, i) => {
        const o = readObject(item, [...path, 'items', i], ctx);
        if (o) found.push(o);
      });
    } else {
      const o = readObject(value, path, ctx);
      if (o) found.push(o);
    }
  }
  return dropManaged(dropDuplicates(found, ctx), ctx);
}

function isList(v: Obj): boolean {
  return typeof v.kind === 'string' && v.kind.endsWith('List') && typeof v.apiVersion === 'string' && 'items' in v;
}

function invalid(ctx: ImportContext, path: Path, message: string, hint?: string): void {
  ctx.add('INVALID_OBJECT', 'error', path, message, { hint: hint ?? 'Every object needs apiVersion, kind and metadata.name.' });
}

function where(path: Path): string {
  const doc = typeof path[1] === 'number' ? `Document ${path[1] + 1}` : 'An object';
  return path[2] === 'items' ? `${doc}, item ${Number(path[3]) + 1}` : doc;
}

function readObject(value: unknown, path: Path, ctx: ImportContext): K8sObject | undefined {
  if (!isObj(value)) {
    invalid(ctx, path, `${where(path)} is not a mapping, so it is not a Kubernetes object.`);
    return undefined;
  }
  const meta = isObj(value.metadata) ? value.metadata : undefined;
  const missing = [
    typeof value.apiVersion === 'string' && value.apiVersion ? undefined : 'apiVersion',
    typeof value.kind === 'string' && value.kind ? undefined : 'kind',
    typeof meta?.name === 'string' && meta.name ? undefined : 'metadata.name',
  ].filter((m): m is string => m !== undefined);
  if (missing.length) {
    const first = missing[0] === 'metadata.name' ? ['metadata', 'name'] : [missing[0] as string];
    const generated = typeof meta?.generateName === 'string' && missing.includes('metadata.name');
    invalid(
      ctx,
      [...path, ...first],
      `${where(path)} lacks ${missing.join(', ')}.`,
      generated ? 'metadata.generateName is not supported: a blueprint element needs a fixed name; set metadata.name.' : undefined,
    );
    return undefined;
  }
  return toObject(value, meta as Obj, path, ctx);
}

function toObject(value: Obj, meta: Obj, path: Path, ctx: ImportContext): K8sObject {
  const root = ctx.cursor(value, path);
  const apiVersion = root.str('apiVersion') as string;
  const kind = root.str('kind') as string;
  const m = root.map('metadata') as Cursor;
  const name = m.str('name') as string;
  const namespace = m.str('namespace');
  let stripped = strip(root, ['status'], 'status', ctx);
  stripped = strip(m, CLUSTER_METADATA, 'metadata.', ctx) || stripped;
  const annotations = readAnnotations(m, ctx);
  if (annotations.stripped) stripped = true;
  if (stripped) ctx.strippedObjects++;
  return {
    apiVersion,
    kind,
    name,
    ...opt('namespace', namespace),
    path,
    root,
    meta: m,
    ...opt('annotations', annotations.cursor),
    labels: withoutReserved(m.strMap('labels') ?? {}, [...path, 'metadata', 'labels'], ctx),
    ...ownerOf(meta),
  };
}

function strip(c: Cursor, keys: readonly string[], prefix: string, ctx: ImportContext): boolean {
  let any = false;
  for (const k of keys)
    if (c.has(k)) {
      c.take(k);
      ctx.stripped.add(prefix === 'status' ? 'status' : `${prefix}${k}`);
      any = true;
    }
  return any;
}

/** Strips the cluster-written annotations; the caller marks those it carries (blaupause.dev/...). */
export function readAnnotations(m: Cursor, ctx: ImportContext): { cursor?: Cursor; stripped: boolean } {
  const ac = m.map('annotations');
  if (!ac) return { stripped: false };
  let stripped = false;
  for (const k of ac.keys())
    if (CLUSTER_ANNOTATION.test(k)) {
      ac.take(k);
      ctx.stripped.add(`metadata.annotations.${k}`);
      stripped = true;
    }
  return { cursor: ac, stripped };
}

function ownerOf(meta: Obj): Pick<K8sObject, 'owner'> {
  const refs = meta.ownerReferences;
  if (!Array.isArray(refs)) return {};
  const ctl = refs.find((r) => isObj(r) && r.controller === true && typeof r.kind === 'string' && typeof r.name === 'string') as
    | { kind: string; name: string }
    | undefined;
  return ctl && CONTROLLERS.has(ctl.kind) ? { owner: { kind: ctl.kind, name: ctl.name } } : {};
}

function dropDuplicates(objects: K8sObject[], ctx: ImportContext): K8sObject[] {
  const seen = new Map<string, K8sObject>();
  const out: K8sObject[] = [];
  for (const o of objects) {
    const group = o.apiVersion.includes('/') ? o.apiVersion.slice(0, o.apiVersion.indexOf('/')) : '';
    const key = `${group}|${o.kind}|${o.namespace ?? ''}|${o.name}`;
    const first = seen.get(key);
    if (first) {
      ctx.add(
        'DUPLICATE_OBJECT',
        'error',
        [...o.path, 'metadata', 'name'],
        `${o.kind} ${o.name}${o.namespace ? ` in namespace ${o.namespace}` : ''} appears twice (${where(first.path).toLowerCase()} and ${where(o.path).toLowerCase()}).`,
        { hint: 'Remove one of them or give it another name; applied in order, the second would replace the first.' },
      );
      continue;
    }
    seen.set(key, o);
    out.push(o);
  }
  return out;
}

/**
 * Leaves out objects a controller of this file manages. A Pod's owner is a ReplicaSet named
 * `<deployment>-<hash>`, which `kubectl get deploy,pod` does not print: the Deployment counts.
 */
function dropManaged(objects: K8sObject[], ctx: ImportContext): K8sObject[] {
  const present = new Set(objects.map((o) => `${o.kind}|${o.name}`));
  const managedBy = (o: K8sObject): string | undefined => {
    const w = o.owner;
    if (!w) return undefined;
    if (present.has(`${w.kind}|${w.name}`)) return `${w.kind} ${w.name}`;
    const cut = w.name.lastIndexOf('-');
    if (w.kind === 'ReplicaSet' && cut > 0 && present.has(`Deployment|${w.name.slice(0, cut)}`))
      return `Deployment ${w.name.slice(0, cut)}`;
    return undefined;
  };
  return objects.filter((o) => {
    const by = managedBy(o);
    if (by)
      ctx.add('IMPORT_STRIPPED', 'info', o.path, `${o.kind} ${o.name} is managed by ${by}, which is imported instead.`, {
        hint: 'Objects created by a controller are left out so that they do not become services of their own.',
      });
    return by === undefined;
  });
}
