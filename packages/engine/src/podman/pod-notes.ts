import type { PodmanNotes } from './notes';
import { isObj, list, str } from './publish';

type Obj = Record<string, unknown>;

/** Per-pod notes: probes, scheduling and security fields that kube play ignores or runs its own way. */
export function podNotes(spec: Obj, service: string, notes: PodmanNotes): void {
  const containers = [...list(spec.initContainers), ...list(spec.containers)].filter(isObj);
  for (const c of containers) {
    const name = str(c.name);
    const path = ['containers', name];
    if (c.readinessProbe)
      notes.lost(
        service,
        [...path, 'healthcheck'],
        `readinessProbe of "${name}" is ignored by kube play (no readiness gate, no Service endpoints).`,
      );
    if (c.startupProbe) notes.lost(service, [...path, 'healthcheck'], `startupProbe of "${name}" is ignored.`);
    if (c.livenessProbe)
      notes.approximated(
        service,
        [...path, 'healthcheck'],
        `livenessProbe of "${name}" becomes a Podman healthcheck, run by systemd timers: without systemd it never runs.`,
      );
    if (isObj(c.resources) && c.resources.requests)
      notes.lost(service, [...path, 'resources'], `resource requests of "${name}" are ignored (no scheduler); limits apply.`);
  }
  if (spec.nodeSelector || spec.affinity || spec.tolerations || spec.topologySpreadConstraints)
    notes.lost(service, ['placement'], 'placement (node selectors, affinity) is ignored: everything runs on this machine.');
  if (list(spec.initContainers).some((c) => str(isObj(c) ? c.name : '').startsWith('wait-for-')))
    notes.approximated(service, ['links'], 'wait-for init containers reach the linked pods by their Service names on the project network.');
}
