import type { ServiceInput } from '@blaupause/model';
import type { CPort, CService } from '../types';
import type { PodDependency } from './service';
import type { MapState } from './state';

/**
 * The service-level settings of a helper (a service that joined another's network). A pod has
 * one set of them: the helper's ports, dependencies, labels and host namespaces become the
 * pod's; replicas, placement and networks are the main service's, so the helper's are reported.
 */
export function mapHelperSettings(
  st: MapState,
  h: CService,
  root: CService,
  svc: ServiceInput,
  ports: CPort[],
  deps: PodDependency[],
): void {
  const { ctx } = st;
  for (const p of h.ports) {
    ports.push(p);
    ctx.approximated(p.at, `the pod shares one network: this port of ${h.name} is a port of ${root.name}.`);
  }
  for (const d of h.dependsOn) {
    deps.push({ ...d, from: h });
    if (d.service !== root.name && st.podOf.get(d.service) !== root.name)
      ctx.approximated(d.at, `a pod starts as a whole: ${root.name} now waits for ${d.service} too.`);
  }
  if (h.labels && Object.keys(h.labels).length > 0) {
    svc.labels = { ...h.labels, ...svc.labels };
    ctx.approximated([...h.at, 'labels'], `labels belong to the whole pod: ${root.name}'s containers carry them too.`);
  }
  if (h.replicas !== undefined || h.mode || h.rollout || h.constraints)
    ctx.unsupported(
      [...h.at, 'deploy'],
      `a helper container runs with its pod: the replicas, mode, rollout and placement of ${root.name} apply.`,
    );
  if (h.networks?.length) ctx.unsupported([...h.at, 'networks'], `a helper container shares the network of ${root.name}.`);
  if (h.hostPid || h.hostIpc) {
    if (h.hostPid) svc.hostPid = true;
    if (h.hostIpc) svc.hostIpc = true;
    ctx.approximated(h.at, 'host PID and IPC namespaces are settings of the whole pod: every container of it gets them.');
  }
  const own = (h.profiles ?? []).join(',');
  if (own && own !== (root.profiles ?? []).join(','))
    ctx.approximated([...h.at, 'profiles'], `a helper container belongs to the profiles of its pod (${root.name}).`);
}
