import { elementId } from '@blaupause/model';
import { describe, type ImportContext, type K8sObject, type ServiceDraft } from './context';

const TRACK = 'track';
const APP = 'app.kubernetes.io/name';

/**
 * A canary as the emitter writes it: two Deployments of one app, labelled track: stable and
 * track: canary, behind one Service. Returns canary Deployment by the name of its stable one;
 * the canaries are not imported as services of their own.
 */
export function findCanaries(objects: readonly K8sObject[]): Map<string, K8sObject> {
  const stable = new Set<string>();
  for (const o of objects) if (o.kind === 'Deployment' && o.labels[TRACK] === 'stable' && o.labels[APP] === o.name) stable.add(o.name);
  const out = new Map<string, K8sObject>();
  for (const o of objects) {
    const app = o.labels[APP];
    if (o.kind === 'Deployment' && o.labels[TRACK] === 'canary' && app && stable.has(app) && !out.has(app)) out.set(app, o);
  }
  return out;
}

/**
 * Folds the canary Deployment into the stable one's service: rollout canary with its replicas
 * (and image, when it differs), total replicas = stable + canary, and no track label.
 */
export function applyCanary(s: ServiceDraft, canary: K8sObject, ctx: ImportContext): void {
  const spec = canary.root.peek('spec') as { replicas?: unknown; template?: { spec?: { containers?: { image?: unknown }[] } } } | undefined;
  const replicas = Number.isInteger(spec?.replicas) ? (spec?.replicas as number) : 1;
  const image = spec?.template?.spec?.containers?.[0]?.image;
  const main = Object.values(s.service.containers).find((c) => (c.role ?? 'main') === 'main');
  const rollout = s.service.rollout ?? {};
  s.service.rollout = {
    ...rollout,
    strategy: 'canary',
    canary: { replicas, ...(typeof image === 'string' && image !== main?.image ? { image } : {}) },
  };
  if (s.service.replicas !== undefined) s.service.replicas += replicas;
  if (s.service.labels?.[TRACK] === 'stable') delete s.service.labels[TRACK];
  if (s.service.labels && !Object.keys(s.service.labels).length) delete s.service.labels;
  // The canary is a copy of the stable pod template: nothing in it is carried separately.
  for (const k of canary.root.keys()) canary.root.take(k);
  canary.elementId = elementId.service(s.name);
  ctx.approximated(
    canary.path,
    `${describe(canary)} is the canary of ${s.name}: it became the service's canary rollout.`,
    canary.elementId,
  );
}
