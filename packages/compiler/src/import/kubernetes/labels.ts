import type { Draft, K8sObject } from './context';
import { userLabels } from './convert';

/**
 * Blueprint labels. The emitter puts the blueprint's labels on every object it writes, next to
 * the service's or volume's own. So on our own output (every object managed-by blaupause) the
 * user labels all objects share are the blueprint's: they move to metadata.labels and leave
 * the services and volumes. Foreign YAML keeps its labels where they are.
 */
export function liftBlueprintLabels(objects: readonly K8sObject[], draft: Draft): Record<string, string> | undefined {
  if (objects.length < 2 || !objects.every((o) => o.labels['app.kubernetes.io/managed-by'] === 'blaupause')) return undefined;
  let shared: Record<string, string> | undefined;
  for (const o of objects) {
    const own = userLabels(o.labels) ?? {};
    if (!shared) shared = own;
    else for (const k of Object.keys(shared)) if (own[k] !== shared[k]) delete shared[k];
    if (!Object.keys(shared).length) return undefined;
  }
  const lifted = shared as Record<string, string>;
  const strip = (labels: Record<string, string> | undefined) => {
    if (!labels) return undefined;
    for (const [k, v] of Object.entries(lifted)) if (labels[k] === v) delete labels[k];
    return Object.keys(labels).length ? labels : undefined;
  };
  for (const s of draft.services.values()) {
    const rest = strip(s.service.labels);
    if (rest) s.service.labels = rest;
    else delete s.service.labels;
  }
  for (const v of [...Object.values(draft.volumes), ...Object.values(draft.networks)]) {
    const rest = strip(v.labels);
    if (rest) v.labels = rest;
    else delete v.labels;
  }
  return lifted;
}
