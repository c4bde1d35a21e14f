import { describe, expect, it } from 'vitest';
import { blueprintOf, importFixture, summary } from './helpers';

// K9: output of `kubectl get -o yaml` — a List, cluster-written fields, server defaults, a controller's Pod.
describe('importKubernetes: kubectl get output', () => {
  const result = importFixture('kubectl-get.yaml');
  const bp = blueprintOf(result);

  it('strips cluster-written fields with one note and skips the Pod the Deployment manages', () => {
    expect(summary(result.diagnostics)).toEqual([
      'info IMPORT_STRIPPED ',
      'info IMPORT_APPROXIMATED documents.0.items.0.metadata.namespace',
      'info IMPORT_STRIPPED documents.0.items.1',
    ]);
    const [stripped, , managed] = result.diagnostics;
    expect(stripped?.message).toBe(
      'Fields the cluster fills in were dropped from 3 objects: metadata.annotations.deployment.kubernetes.io/revision, ' +
        'metadata.annotations.kubectl.kubernetes.io/last-applied-configuration, metadata.annotations.kubectl.kubernetes.io/restartedAt, ' +
        'metadata.creationTimestamp, metadata.generation, metadata.managedFields, metadata.ownerReferences, metadata.resourceVersion, ' +
        'metadata.uid, status.',
    );
    expect(managed?.message).toBe('Pod hello-7d9c5b8f6d-x2k9p is managed by Deployment hello, which is imported instead.');
    expect(managed?.source).toEqual({ file: 'kubectl-get.yaml', line: 65, col: 5 });
  });

  it('treats server defaults as nothing to carry and the default namespace as no name', () => {
    expect(bp).toEqual({
      apiVersion: 'blaupause.dev/v1',
      kind: 'Blueprint',
      metadata: { name: 'kubectl-get' },
      services: {
        hello: {
          labels: { app: 'hello' },
          mode: 'replicated',
          replicas: 2,
          ports: [{ port: 80, protocol: 'tcp', publish: 8080 }],
          containers: { hello: { role: 'main', image: 'nginxdemos/hello:0.4' } },
        },
      },
    });
  });
});
