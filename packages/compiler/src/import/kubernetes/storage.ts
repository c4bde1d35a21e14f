import { elementId } from '@blaupause/model';
import { type Draft, describe, type ImportContext, type K8sObject, opt, type VolumeInput } from './context';
import { dnsLabel, isBase64, sizeQuantity, uniqueName, userLabels, utf8Bytes } from './convert';
import type { Cursor } from './reader';

/** What a ConfigMap or Secret may hold in total: the API server's (etcd's) object cap. */
export const MAX_OBJECT_DATA = 1024 * 1024;

const has = (r: object) => ({ has: (n: string) => Object.hasOwn(r, n) });

/** PersistentVolumeClaim → a blueprint volume with size and access. */
export function importClaim(o: K8sObject, ctx: ImportContext, draft: Draft): void {
  const name = uniqueName(dnsLabel(o.name), has(draft.volumes));
  const id = elementId.volume(name);
  o.elementId = id;
  const spec = o.root.map('spec');
  draft.claims.set(o.name, name);
  draft.volumes[name] = { ...(spec ? claimSpec(spec, ctx, id) : {}), ...opt('labels', userLabels(o.labels)) };
}

/** The part of a claim (a PVC's spec, or a StatefulSet's volumeClaimTemplate) a blueprint volume carries. */
export function claimSpec(spec: Cursor, ctx: ImportContext, id: string): VolumeInput {
  const modes = spec.strList('accessModes') ?? [];
  const storage = spec.map('resources')?.map('requests');
  const size = storage?.has('storage') ? sizeQuantity(storage.take('storage')) : undefined;
  if (storage?.has('storage') && size === undefined)
    ctx.unsupported(
      [...storage.path, 'storage'],
      'The storage size has no blueprint form; it was not imported.',
      id,
      'Write it as e.g. 1Gi or 500Mi.',
    );
  spec.defaults({ volumeMode: ['Filesystem'] });
  if (spec.has('volumeName')) {
    // Which PersistentVolume the claim is bound to: the cluster's decision, not the application's.
    spec.take('volumeName');
    ctx.stripped.add('spec.volumeName');
  }
  const shared = modes.includes('ReadWriteMany') || modes.includes('ReadOnlyMany');
  if (modes.includes('ReadOnlyMany') || modes.includes('ReadWriteOncePod'))
    ctx.approximated(
      [...spec.path, 'accessModes'],
      `Access modes ${modes.join(', ')} became "${shared ? 'shared' : 'single-writer'}" (ReadWriteMany / ReadWriteOnce on export).`,
      id,
    );
  return { ...opt('size', size), ...(shared ? { access: 'shared' as const } : {}) };
}

/**
 * ConfigMap → configs. A blueprint config is one file, so a ConfigMap with one key becomes one
 * config named after the ConfigMap, and one with several keys becomes one config per key,
 * named `<configmap>-<key>`; mounts of the whole ConfigMap become one mount per key.
 */
export function importConfigMap(o: K8sObject, ctx: ImportContext, draft: Draft): void {
  const data = o.root.strMap('data') ?? {};
  if (tooLarge(o, ctx, data, o.root.peek('binaryData'))) return;
  const keys = Object.keys(data);
  const names = new Map<string, string>();
  for (const key of keys) {
    const base = dnsLabel(keys.length === 1 ? o.name : `${o.name}-${key}`);
    const name = uniqueName(base, has(draft.configs));
    draft.configs[name] = { content: data[key] as string };
    names.set(key, name);
  }
  draft.configMaps.set(o.name, names);
  o.elementId = elementId.config(names.values().next().value ?? dnsLabel(o.name));
  if (keys.length > 1)
    ctx.approximated(
      [...o.path, 'data'],
      `ConfigMap ${o.name} holds ${keys.length} keys; it became ${keys.length} configs (${[...names.values()].join(', ')}), one file each.`,
      o.elementId,
    );
}

/**
 * Secret → an external blueprint secret. The values are never copied into the blueprint (they
 * would end up in files, diffs and the browser); data is only checked to be valid base64.
 */
export function importSecret(o: K8sObject, ctx: ImportContext, draft: Draft): void {
  const data = o.root.peek('data');
  const stringData = o.root.peek('stringData');
  o.root.take('data');
  o.root.take('stringData');
  o.root.defaults({ type: ['Opaque'] });
  if (tooLarge(o, ctx, data, stringData)) return;
  let valid = true;
  if (data !== null && typeof data === 'object')
    for (const [key, v] of Object.entries(data))
      if (typeof v !== 'string' || !isBase64(v)) {
        valid = false;
        ctx.add('INVALID_BASE64', 'error', [...o.path, 'data', key], `Secret ${o.name}: the value of ${key} is not valid base64.`, {
          hint: 'Values under data must be base64-encoded; put plain text under stringData instead.',
        });
      }
  if (!valid) return;
  const name = uniqueName(dnsLabel(o.name), has(draft.secrets));
  draft.secrets[name] = { external: true };
  draft.secretNames.set(o.name, name);
  o.elementId = elementId.secret(name);
  ctx.approximated(
    o.path,
    `Secret ${o.name} became the external secret ${name}: its values were not copied into the blueprint.`,
    o.elementId,
    'Create the secret in the cluster, or give the blueprint secret a file or environment source.',
  );
}

/** A ConfigMap or Secret over the 1 MiB the API server stores: refused by any cluster. */
function tooLarge(o: K8sObject, ctx: ImportContext, ...maps: unknown[]): boolean {
  let bytes = 0;
  for (const m of maps)
    if (m !== null && typeof m === 'object')
      for (const [k, v] of Object.entries(m)) bytes += utf8Bytes(k) + (typeof v === 'string' ? utf8Bytes(v) : 0);
  if (bytes <= MAX_OBJECT_DATA) return false;
  ctx.add(
    'OBJECT_TOO_LARGE',
    'error',
    o.path,
    `${describe(o)} holds ${bytes} bytes of data; a cluster accepts at most ${MAX_OBJECT_DATA}.`,
    {
      hint: 'Split it, or mount the content from a volume instead.',
    },
  );
  return true;
}
