import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { importKubernetes } from '../../src/import/kubernetes/import-kubernetes';
import { blueprintOf, fixture, kubernetesYaml, summary } from './helpers';

/**
 * Kubernetes → blueprint → Kubernetes over manifests written by hand for this test
 * (fixtures/round-trip/): the objects that come back equal the originals after normalise(),
 * which removes only what carries no meaning of the application:
 * - defaults the API server fills in: Service type ClusterIP, port protocol TCP, targetPort =
 *   port, replicas 1;
 * - what the emitter always adds: the app.kubernetes.io/managed-by label, and
 *   enableServiceLinks / automountServiceAccountToken false on pods (Compose semantics);
 * - the form of a wait-for init container: its script is compared by the host and port it
 *   polls (the emitter writes its own loop, non-root, with host and port as arguments);
 * - the order of documents and keys.
 * Anything else that changes fails the test; what the importer approximates it must report
 * (the expected notes per file), and the case names the loss (CASES).
 */
// biome-ignore lint/suspicious/noExplicitAny: parsed YAML, normalised field by field
type Any = any;

const MANAGED_BY = 'app.kubernetes.io/managed-by';
const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'Job']);

function normalise(text: string): Any[] {
  const objs = parseAllDocuments(text)
    .map((d) => d.toJS() as Any)
    .filter(Boolean);
  for (const o of objs) {
    delete o.metadata?.labels?.[MANAGED_BY];
    if (WORKLOADS.has(o.kind)) workload(o);
    if (o.kind === 'Service') service(o.spec);
  }
  return objs.sort((a, b) => `${a.kind}/${a.metadata.name}`.localeCompare(`${b.kind}/${b.metadata.name}`));
}

function workload(o: Any): void {
  if (o.spec.replicas === 1) delete o.spec.replicas;
  delete o.spec.template.metadata?.labels?.[MANAGED_BY];
  const pod = o.spec.template.spec;
  if (pod.enableServiceLinks === false) delete pod.enableServiceLinks;
  if (pod.automountServiceAccountToken === false) delete pod.automountServiceAccountToken;
  pod.initContainers = pod.initContainers?.map(waitFor);
  for (const c of [...(pod.initContainers ?? []), ...pod.containers]) for (const p of c.ports ?? []) p.protocol ??= 'TCP';
}

/** A wait-for init container, by what it waits for. */
function waitFor(c: Any): Any {
  if (!c.name.startsWith('wait-for-')) return c;
  const argv = [...(c.command ?? []), ...(c.args ?? [])].join(' ');
  const m = /nc -z (?:-w \d+ )?(?:"\$1" "\$2"; .* wait-for )?([a-z0-9-]+) (\d+)/.exec(argv);
  return { name: c.name, waitsFor: m ? `${m[1]}:${m[2]}` : argv };
}

function service(spec: Any): void {
  spec.type ??= 'ClusterIP';
  for (const p of spec.ports ?? []) {
    p.protocol ??= 'TCP';
    p.targetPort ??= p.port;
  }
}

/**
 * What the blueprint cannot hold, each reported by the importer (the note is part of the case):
 * - a disk-backed emptyDir: a blueprint's ephemeral volume lives in memory (medium: Memory);
 * - a headless Service without ports that no link explains: it is left out;
 * - a CronJob's schedule: the task comes back as a Job (a warning names the schedule).
 */
const inMemory = (objs: Any[]) => {
  for (const o of objs) for (const v of o.spec?.template?.spec?.volumes ?? []) if (v.emptyDir) v.emptyDir.medium ??= 'Memory';
  return objs;
};
/** A CronJob's schedule: it comes back as the Job of its jobTemplate. */
const jobOfCronJob = (objs: Any[]) =>
  objs.map((o) =>
    o.kind === 'CronJob' ? { apiVersion: 'batch/v1', kind: 'Job', metadata: o.metadata, spec: o.spec.jobTemplate.spec } : o,
  );
const without = (name: string) => (objs: Any[]) => objs.filter((o) => !(o.kind === 'Service' && o.metadata.name === name));

const CASES: [string, string[], (objs: Any[]) => Any[]][] = [
  ['deployment-sidecars.yaml', ['info IMPORT_APPROXIMATED documents.4.spec.template.spec.volumes.1.emptyDir'], inMemory],
  ['statefulset.yaml', [], (objs) => objs],
  ['services.yaml', ['info IMPORT_APPROXIMATED documents.9'], without('registry')],
  ['jobs.yaml', ['info IMPORT_APPROXIMATED documents.1.spec.template.spec.volumes.0.emptyDir'], inMemory],
  ['cronjob.yaml', ['warning IMPORT_APPROXIMATED documents.0.spec.schedule'], jobOfCronJob],
];

describe('hand-written Kubernetes manifests: k8s → blueprint → k8s', () => {
  it.each(CASES)('%s comes back with the same meaning', (file, notes, losses) => {
    const text = fixture(`round-trip/${file}`);
    const imported = importKubernetes(text, { file });
    expect(summary(imported.diagnostics)).toEqual(notes);
    const again = kubernetesYaml(blueprintOf(imported));
    expect(normalise(again)).toEqual(losses(normalise(text)));
  });

  it('the normalisation is not vacuous: a changed probe, claim size or Service type fails', () => {
    const text = fixture('round-trip/services.yaml');
    for (const [from, to] of [
      ['type: NodePort', 'type: LoadBalancer'],
      ['averageUtilization: 70', 'averageUtilization: 71'],
      ['clusterIP: None', 'clusterIP: 10.0.0.9'],
    ] as const)
      expect(normalise(text.replace(from, to))).not.toEqual(normalise(text));
  });
});
