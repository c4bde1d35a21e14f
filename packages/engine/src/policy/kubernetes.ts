import { BASELINE_CAPS, normaliseCap } from './capabilities';
import { type DangerFinding, finding, uniqueFindings } from './finding';
import { type HostPathContext, hostPathVerdict } from './host-path';

/**
 * The same policy for Kubernetes: the pod specs of the objects about to be applied (the compiler's
 * Kubernetes output, parsed — objects, never YAML text), checked against the Pod Security
 * Standards "baseline" controls: host namespaces, privileged, capabilities beyond the baseline,
 * hostPath volumes, unconfined seccomp / AppArmor, unmasked /proc.
 */
type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const at = (v: unknown, ...keys: string[]): unknown => keys.reduce<unknown>((o, k) => (isObj(o) ? o[k] : undefined), v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Where each workload kind keeps its pod spec. */
const POD_SPEC: Record<string, string[]> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

const HOST_NS = [
  ['hostNetwork', 'host-network', "the node's network: any node port, and services listening on the node's localhost"],
  ['hostPID', 'host-pid', "the node's processes: it can see, signal and ptrace every process of the node"],
  ['hostIPC', 'host-ipc', "the node's shared memory and IPC objects"],
] as const;

export function kubernetesDangers(objects: readonly unknown[], ctx: HostPathContext = {}): DangerFinding[] {
  const out: DangerFinding[] = [];
  for (const o of objects) {
    const path = POD_SPEC[String(at(o, 'kind'))];
    if (!path) continue;
    const spec = at(o, ...path);
    if (!isObj(spec)) continue;
    const service = String(at(o, 'metadata', 'labels', 'app.kubernetes.io/name') ?? at(o, 'metadata', 'name') ?? '');
    out.push(...podDangers(spec, path.join('.'), service, ctx));
  }
  return uniqueFindings(out);
}

function podDangers(spec: Obj, base: string, service: string, ctx: HostPathContext): DangerFinding[] {
  const out: DangerFinding[] = [];
  const containers = [
    ...list(spec.initContainers).map((c, i) => ({ c, field: `${base}.initContainers[${i}]` })),
    ...list(spec.containers).map((c, i) => ({ c, field: `${base}.containers[${i}]` })),
  ];
  const element = (c: unknown) => `container:${service}/${String(at(c, 'name') ?? '')}`;
  // Pod-wide settings are reported on every container they affect, so each element shows its own.
  const podWide = containers.length ? containers : [{ c: { name: '' }, field: base }];
  for (const [key, code, why] of HOST_NS)
    if (spec[key] === true) for (const { c } of podWide) out.push(finding(code, element(c), `${base}.${key}`, 'true', `it shares ${why}`));
  if (isUnconfined(at(spec, 'securityContext', 'seccompProfile', 'type')))
    for (const { c } of podWide) out.push(unconfined(element(c), `${base}.securityContext.seccompProfile.type`, 'seccomp'));
  if (isUnconfined(at(spec, 'securityContext', 'appArmorProfile', 'type')))
    for (const { c } of podWide) out.push(unconfined(element(c), `${base}.securityContext.appArmorProfile.type`, 'AppArmor'));
  const hostPaths = new Map<string, { path: string; field: string }>();
  list(spec.volumes).forEach((v, i) => {
    const path = at(v, 'hostPath', 'path');
    if (typeof path === 'string') hostPaths.set(String(at(v, 'name')), { path, field: `${base}.volumes[${i}].hostPath.path` });
  });
  for (const { c, field } of containers) {
    const id = element(c);
    const sc = at(c, 'securityContext');
    if (at(sc, 'privileged') === true)
      out.push(
        finding(
          'privileged',
          id,
          `${field}.securityContext.privileged`,
          'true',
          'it gets every capability and every device of the node: root on the node',
        ),
      );
    for (const cap of list(at(sc, 'capabilities', 'add')).map(String)) {
      const name = normaliseCap(cap);
      if (!BASELINE_CAPS.has(name))
        out.push(
          finding('cap-add', id, `${field}.securityContext.capabilities.add`, cap, `${name} is beyond the baseline capability set`, name),
        );
    }
    if (isUnconfined(at(sc, 'seccompProfile', 'type'))) out.push(unconfined(id, `${field}.securityContext.seccompProfile.type`, 'seccomp'));
    if (isUnconfined(at(sc, 'appArmorProfile', 'type')))
      out.push(unconfined(id, `${field}.securityContext.appArmorProfile.type`, 'AppArmor'));
    if (at(sc, 'procMount') === 'Unmasked')
      out.push(
        finding(
          'unconfined',
          id,
          `${field}.securityContext.procMount`,
          'Unmasked',
          'it sees /proc without the masks that hide the host',
          'procMount=Unmasked',
        ),
      );
    for (const m of list(at(c, 'volumeMounts'))) {
      const hp = hostPaths.get(String(at(m, 'name')));
      if (!hp) continue;
      const v = hostPathVerdict(hp.path, ctx);
      if (v) out.push(finding(v.code, id, hp.field, hp.path, v.why, hp.path));
    }
  }
  return out;
}

const isUnconfined = (t: unknown): boolean => t === 'Unconfined';

const unconfined = (id: string, field: string, what: string): DangerFinding =>
  finding('unconfined', id, field, 'Unconfined', `${what} confinement is turned off`, `${what.toLowerCase()}=unconfined`);
