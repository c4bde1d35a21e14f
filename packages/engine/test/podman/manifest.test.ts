import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBlueprint } from '@blaupause/model';
import { describe, expect, it } from 'vitest';
import { compileForPodman, playDocument, toPodman } from '../../src/podman/manifest';

/** The pure half of podman-kube: the compiler's Kubernetes objects made playable by kube play. */
const example = (f: string) => {
  const r = loadBlueprint(readFileSync(join(__dirname, '../../../../examples', f), 'utf8'));
  if (!r.blueprint) throw new Error(f);
  return r.blueprint;
};
// biome-ignore lint/suspicious/noExplicitAny: the tests read deep into plain JSON objects
type Obj = Record<string, any>;

describe('compileForPodman', () => {
  it('makes the sidecar example one labelled pod: plain sidecar container, pod-unique emptyDir, hostPort from the published Service', () => {
    const m = compileForPodman(example('sidecar.blueprint.yaml'), 'demo');
    expect(m.pods.map((p) => p.pod)).toEqual(['demo-web']);
    const pod = m.pods[0] as (typeof m.pods)[0];
    const spec = pod.doc.spec as Obj;
    expect(spec.initContainers).toBeUndefined();
    expect(spec.containers.map((c: Obj) => c.name)).toEqual(['nginx', 'git-sync']);
    expect(spec.volumes).toEqual([{ name: 'demo-web-content', emptyDir: { medium: 'Memory' } }]);
    expect(spec.containers.flatMap((c: Obj) => c.volumeMounts.map((v: Obj) => v.name))).toEqual(['demo-web-content', 'demo-web-content']);
    expect(spec.containers[0].ports).toEqual([{ name: 'tcp-80', containerPort: 80, protocol: 'TCP', hostPort: 8080 }]);
    expect(spec.containers[1].ports).toBeUndefined();
    expect(pod.aliases).toEqual(['web']);
    expect(pod.scratch).toEqual(['demo-web-content']);
    expect((pod.doc.metadata as Obj).labels).toMatchObject({
      'dev.blaupause.managed': 'true',
      'dev.blaupause.project': 'demo',
      'dev.blaupause.service': 'web',
      'dev.blaupause.pod': 'demo-web',
      'dev.blaupause.config-hash': pod.hash,
      'app.kubernetes.io/name': 'web',
    });
    expect(pod.containers.map((c) => c.elementId)).toEqual(['container:web/nginx', 'container:web/git-sync']);
    const notes = m.notes.map((n) => n.message);
    expect(notes).toContain('Podman: readinessProbe of "nginx" is ignored by kube play (no readiness gate, no Service endpoints).');
    expect(notes.some((n) => /LoadBalancer Service "web-published" is published as hostPort/.test(n))).toBe(true);
    // The compiler's LoadBalancer note does not hold here; its sidecar note does.
    expect(notes.some((n) => n.startsWith('Port 8080 is outside the NodePort range'))).toBe(false);
    expect(notes.some((n) => /no native sidecars/.test(n))).toBe(true);
    expect(JSON.parse(playDocument(pod))).toEqual(pod.doc);
  });

  it('turns claims into project volumes, keeps link waits, and notes replicas kube play will not run', () => {
    const m = compileForPodman(example('three-tier.blueprint.yaml'), 'shop');
    expect(m.volumes).toEqual([{ name: 'shop_pgdata', claim: 'pgdata' }]);
    const db = m.pods.find((p) => p.service === 'db');
    expect((db?.doc.spec as Obj | undefined)?.volumes).toEqual([{ name: 'pgdata', persistentVolumeClaim: { claimName: 'shop_pgdata' } }]);
    const api = m.pods.find((p) => p.service === 'api');
    expect(api?.containers.filter((c) => c.init).map((c) => c.name)).toEqual(['wait-for-db', 'migrate']);
    expect(api?.aliases).toEqual(['api']);
    // Podman 4.3 would rerun completed init containers forever under Always.
    expect((api?.doc.spec as Obj | undefined)?.restartPolicy).toBe('OnFailure');
    expect((db?.doc.spec as Obj | undefined)?.restartPolicy).toBeUndefined();
    expect(m.pods.map((p) => p.service)).toEqual(['db', 'api', 'web']);
    const notes = m.notes.map((n) => `${n.code} ${n.elementId} ${n.message}`);
    expect(notes).toContain('FIDELITY_APPROXIMATED service:api Podman: Deployment asks for 2 replicas; Podman runs one pod.');
    expect(notes).toContain(
      'FIDELITY_APPROXIMATED service:api Podman: wait-for init containers reach the linked pods by their Service names on the project network.',
    );
  });

  it('names what kube play ignores, publishes NodePorts on their node port, and resolves relative host paths in the blueprint folder', () => {
    const labels = { 'app.kubernetes.io/name': 'web' };
    const deployment = {
      kind: 'Deployment',
      metadata: { name: 'web', labels },
      spec: {
        replicas: 1,
        strategy: { type: 'Recreate' },
        template: {
          metadata: { labels },
          spec: {
            containers: [
              {
                name: 'main',
                image: 'x',
                ports: [{ name: 'http', containerPort: 8080 }],
                volumeMounts: [{ name: 'site', mountPath: '/s' }],
              },
            ],
            volumes: [{ name: 'site', hostPath: { path: './site' } }],
          },
        },
      },
    };
    const objects = [
      deployment,
      {
        kind: 'Service',
        metadata: { name: 'web-published', labels },
        spec: { type: 'NodePort', selector: labels, ports: [{ port: 80, targetPort: 'http', nodePort: 30080 }] },
      },
      { kind: 'Service', metadata: { name: 'web', labels }, spec: { selector: labels, ports: [{ port: 80, targetPort: 8080 }] } },
      { kind: 'HorizontalPodAutoscaler', metadata: { name: 'web', labels } },
      { kind: 'Ingress', metadata: { name: 'web', labels } },
    ];
    const m = toPodman(objects, 'p', [], '/home/u/project');
    const spec = m.pods[0]?.doc.spec as Obj;
    expect(spec.containers[0].ports).toEqual([{ name: 'http', containerPort: 8080, hostPort: 30080 }]);
    expect(spec.volumes[0].hostPath.path).toBe('/home/u/project/site');
    expect(m.pods[0]?.aliases).toEqual(['web']);
    const notes = m.notes.map((n) => n.message);
    expect(notes).toEqual(
      expect.arrayContaining([
        'Podman: HorizontalPodAutoscaler "web" is ignored: kube play has no HorizontalPodAutoscaler.',
        'Podman: Ingress "web" is ignored: kube play has no Ingress.',
        'Podman: the rollout strategy is ignored: a changed service has its pod removed and played again.',
        'Podman: Service "web" maps port 80 to 8080, but Podman has no Service proxy: "web" answers on 8080 only.',
      ]),
    );
    // The input objects are left as they were (the danger policy reads them).
    expect(deployment.spec.template.spec.volumes[0]?.hostPath.path).toBe('./site');
  });

  it('hashes what is played: equal input, equal hash; a changed variable, another hash', () => {
    const a = compileForPodman(example('sidecar.blueprint.yaml'), 'demo').pods[0]?.hash;
    expect(compileForPodman(example('sidecar.blueprint.yaml'), 'demo').pods[0]?.hash).toBe(a);
    const changed = example('sidecar.blueprint.yaml');
    (changed.services.web?.containers.nginx as Obj).env = { X: '1' };
    expect(compileForPodman(changed, 'demo').pods[0]?.hash).not.toBe(a);
  });
});
