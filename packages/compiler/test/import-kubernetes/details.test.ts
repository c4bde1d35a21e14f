import { describe, expect, it } from 'vitest';
import { importKubernetes } from '../../src/import/kubernetes/import-kubernetes';
import { blueprintOf, summary } from './helpers';

/** A Deployment `web` (app: web) with `spec` lines spliced in and one container `web` listening on 8080. */
const web = (specExtra = '', podExtra = '', annotations = '') => `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 10
  selector: { matchLabels: { app: web } }${specExtra}
  template:
    metadata:
      labels: { app: web }${annotations}
    spec:
      containers:
        - name: helper
          image: busybox:1.36
        - name: web
          image: nginx:1.27
          ports: [{ containerPort: 8080, name: tcp-8080 }]${podExtra}
`;

const service =
  'apiVersion: v1\nkind: Service\nmetadata: { name: web }\nspec:\n  selector: { app: web }\n  ports: [{ name: tcp-8080, port: 8080 }]\n';

describe('importKubernetes: details', () => {
  it('turns rollout percentages into counts for the current replicas, and minReadySeconds into the monitor period', () => {
    const r = importKubernetes(
      web('\n  minReadySeconds: 15\n  strategy:\n    type: RollingUpdate\n    rollingUpdate: { maxSurge: 35%, maxUnavailable: 25% }'),
    );
    // documents.0: no Service selects web, so its container port became a service port.
    expect(summary(r.diagnostics)).toEqual([
      'info IMPORT_APPROXIMATED documents.0',
      'info IMPORT_APPROXIMATED documents.0.spec.strategy.rollingUpdate.maxSurge',
    ]);
    expect(r.diagnostics[1]?.message).toBe(
      'maxSurge 35% became 4 (of 10 replicas); the blueprint counts pods, so it no longer follows the replica count.',
    );
    expect(blueprintOf(r).services.web?.rollout).toEqual({ strategy: 'rolling', maxSurge: 4, monitor: '15s' });
  });

  it('reports an OnDelete update strategy and a StatefulSet partition by path', () => {
    const sts = web('\n  serviceName: web\n  updateStrategy:\n    type: OnDelete').replace('kind: Deployment', 'kind: StatefulSet');
    expect(summary(importKubernetes(sts).diagnostics)).toEqual([
      'info IMPORT_APPROXIMATED documents.0',
      'warning IMPORT_UNSUPPORTED_KEY documents.0.spec.updateStrategy.type',
    ]);
    const partition = web('\n  serviceName: web\n  updateStrategy:\n    type: RollingUpdate\n    rollingUpdate: { partition: 2 }').replace(
      'kind: Deployment',
      'kind: StatefulSet',
    );
    expect(summary(importKubernetes(partition).diagnostics)).toEqual([
      'info IMPORT_APPROXIMATED documents.0',
      'warning IMPORT_UNSUPPORTED_KEY documents.0.spec.updateStrategy.rollingUpdate.partition',
    ]);
  });

  it('lets blaupause.dev annotations choose the main container, roles and the description', () => {
    const annotated = web(
      '',
      '',
      '\n      annotations:\n        blaupause.dev/role-helper: main\n        blaupause.dev/role-web: nonsense',
    ).replace('metadata: { name: web }', 'metadata:\n  name: web\n  annotations: { blaupause.dev/description: The shop front. }');
    const r = importKubernetes([annotated, service].join('---\n'));
    expect(summary(r.diagnostics)).toEqual([
      'warning IMPORT_UNSUPPORTED_KEY documents.0.spec.template.metadata.annotations.blaupause.dev/role-web',
    ]);
    expect(r.diagnostics[0]?.message).toBe('The role "nonsense" is not one of main, sidecar, ambassador, adapter, init.');
    const bp = blueprintOf(r);
    expect(bp.services.web?.description).toBe('The shop front.');
    expect(Object.entries(bp.services.web?.containers ?? {}).map(([n, c]) => `${n}:${c.role}`)).toEqual(['helper:main', 'web:adapter']);
  });

  it('drops the port names the emitter invents and keeps chosen ones', () => {
    const r = importKubernetes([web(), service.replace('name: tcp-8080, ', 'name: http, ')].join('---\n'));
    expect(blueprintOf(r).services.web?.ports).toEqual([{ name: 'http', port: 8080, protocol: 'tcp' }]);
    const plain = importKubernetes([web(), service].join('---\n'));
    expect(blueprintOf(plain).services.web?.ports).toEqual([{ port: 8080, protocol: 'tcp' }]);
  });

  it('reads an autoscaling/v1 target and reports metrics beyond one CPU target', () => {
    const v1 =
      'apiVersion: autoscaling/v1\nkind: HorizontalPodAutoscaler\nmetadata: { name: web }\nspec:\n  scaleTargetRef: { kind: Deployment, name: web }\n  maxReplicas: 20\n  targetCPUUtilizationPercentage: 50\n';
    expect(blueprintOf(importKubernetes([web(), v1].join('---\n'))).services.web?.scaling).toEqual({ min: 1, max: 20, targetCPU: 50 });
    const v2 = `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: { name: web }
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }
  minReplicas: 3
  maxReplicas: 12
  metrics:
    - type: Resource
      resource: { name: memory, target: { type: Utilization, averageUtilization: 70 } }
    - type: Resource
      resource: { name: cpu, target: { type: Utilization, averageUtilization: 65 } }
  behavior:
    scaleDown: { stabilizationWindowSeconds: 300 }
`;
    const r = importKubernetes([web(), v2].join('---\n'));
    expect(summary(r.diagnostics)).toEqual([
      'info IMPORT_APPROXIMATED documents.0',
      'warning IMPORT_UNSUPPORTED_KEY documents.1.spec.behavior',
      'warning IMPORT_UNSUPPORTED_KEY documents.1.spec.metrics.0',
    ]);
    expect(blueprintOf(r).services.web?.scaling).toEqual({ min: 3, max: 12, targetCPU: 65 });
  });

  it('maps Ingress rules, a default backend and TLS without hosts; a second route to one port is reported', () => {
    const twoPorts = web().replace(
      'ports: [{ containerPort: 8080, name: tcp-8080 }]',
      'ports: [{ containerPort: 8080 }, { containerPort: 9090, name: admin }]',
    );
    const svc =
      'apiVersion: v1\nkind: Service\nmetadata: { name: web }\nspec:\n  selector: { app: web }\n  ports: [{ port: 80, targetPort: 8080, name: http }, { port: 9090, targetPort: admin, name: admin }]\n';
    const ingress = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: web }
spec:
  tls: [{ secretName: web-tls }]
  defaultBackend: { service: { name: web, port: { name: admin } } }
  rules:
    - host: Shop.Example.Test
      http:
        paths:
          - { path: /api, pathType: Exact, backend: { service: { name: web, port: { number: 80 } } } }
          - { path: /v2, pathType: Prefix, backend: { service: { name: web, port: { number: 80 } } } }
`;
    const r = importKubernetes([twoPorts, svc, ingress].join('---\n'));
    expect(summary(r.diagnostics)).toEqual([
      'info IMPORT_APPROXIMATED documents.1.spec.ports.0',
      'info IMPORT_APPROXIMATED documents.2.spec.rules.0.http.paths.0.pathType',
      'warning IMPORT_UNSUPPORTED_KEY documents.2.spec.rules.0.http.paths.1',
    ]);
    expect(blueprintOf(r).services.web?.ports).toEqual([
      { name: 'http', port: 8080, protocol: 'tcp', ingress: { host: 'shop.example.test', path: '/api' } },
      { name: 'admin', port: 9090, protocol: 'tcp', ingress: { path: '/', tls: true } },
    ]);
  });
});
