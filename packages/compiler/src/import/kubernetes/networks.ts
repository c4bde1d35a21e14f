import { elementId } from '@blaupause/model';
import { type Draft, type K8sObject, opt, type ServiceDraft } from './context';
import { userLabels } from './convert';

const NETWORK_LABEL = /^network\.blaupause\.dev\/([a-z0-9]([-a-z0-9]*[a-z0-9])?)$/;
/** A segment label the emitter writes on pod templates: carried as the service's networks. */
export const isNetworkLabel = (key: string): boolean => NETWORK_LABEL.test(key);
const DEFAULT_NETWORK = 'default';

/**
 * Network segments as the Kubernetes emitter writes them: each pod carries
 * `network.blaupause.dev/<segment>: "true"` per segment it joins. A service on the default
 * segment only is one that names no networks. Other segments are declared in the blueprint.
 */
export function readNetworks(s: ServiceDraft, draft: Draft): void {
  const joined: string[] = [];
  for (const [key, value] of Object.entries(s.podLabels)) {
    const m = NETWORK_LABEL.exec(key);
    if (m && value === 'true') joined.push(m[1] as string);
  }
  if (!joined.length || (joined.length === 1 && joined[0] === DEFAULT_NETWORK)) return;
  s.service.networks = joined;
  for (const n of joined) if (n !== DEFAULT_NETWORK) draft.networks[n] ??= {};
}

/** Ours: written by the emitter, for a segment or a service of this file. */
const ours = (o: K8sObject) => o.kind === 'NetworkPolicy' && o.labels['app.kubernetes.io/managed-by'] === 'blaupause';

/** Declares the segments of the emitter's membership policies first, keeping the blueprint's order. */
export function declareSegments(objects: readonly K8sObject[], draft: Draft): void {
  for (const o of objects) {
    const app = o.labels['app.kubernetes.io/name'];
    if (ours(o) && app && app !== DEFAULT_NETWORK && o.name === `network-${app}`) draft.networks[app] ??= {};
  }
}

/**
 * The emitter's own NetworkPolicies (managed-by blaupause): `network-<segment>` (membership),
 * `<service>-exposed` (published ports) and `<service>-internal` (segments without a way out).
 * They are derived from the segments, so they are carried by the segments; `-internal` marks the
 * service's segments internal. Returns false for any other NetworkPolicy.
 */
export function importOwnNetworkPolicy(o: K8sObject, draft: Draft): boolean {
  const app = o.labels['app.kubernetes.io/name'];
  if (!ours(o) || !app) return false;
  if (o.name === `network-${app}`) {
    const labels = userLabels(o.labels);
    if (app !== DEFAULT_NETWORK) draft.networks[app] = { ...draft.networks[app], ...opt('labels', labels) };
    o.elementId = elementId.network(app);
  } else if (o.name === `${app}-exposed` && draft.services.has(app)) o.elementId = elementId.service(app);
  else if (o.name === `${app}-internal` && draft.services.has(app)) {
    const s = draft.services.get(app) as ServiceDraft;
    for (const n of s.service.networks ?? []) if (n !== DEFAULT_NETWORK) draft.networks[n] = { ...draft.networks[n], internal: true };
    o.elementId = elementId.service(app);
  } else return false;
  for (const k of o.root.keys()) o.root.take(k);
  return true;
}
