import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClusterApi } from '../../src/kubernetes/client';
import { FakeApiServer } from './fake-api';

/**
 * What goes over the wire, as the client really sends it: the user's kubeconfig auth, server-side
 * apply's content type, our field manager, never `force`, dry-run on request; discovery answers
 * where each kind lives (nothing hard-coded about plural names).
 */
const fake = new FakeApiServer();
beforeAll(() => fake.start());
afterAll(() => fake.stop());

async function api() {
  const kc = new KubeConfig();
  kc.loadFromString(fake.kubeconfig());
  return createClusterApi(kc);
}

const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', labels: { 'app.kubernetes.io/name': 'web' } },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } },
  },
};

describe('requests to the API server', () => {
  it('applies server-side as field manager "blaupause", never forced, in the context namespace, with the kubeconfig token', async () => {
    const a = await api();
    expect(a.namespace).toBe('team');
    expect(a.context).toBe('fake-ctx');
    fake.requests.length = 0;
    const r = await a.apply(deployment, { dryRun: true });
    expect(r.status).toBe(200);
    const patch = fake.requests.find((q) => q.method === 'PATCH');
    expect(patch?.path).toBe('/apis/apps/v1/namespaces/team/deployments/web');
    expect(Object.fromEntries(patch?.query ?? [])).toEqual({ fieldManager: 'blaupause', force: 'false', dryRun: 'All' });
    expect(patch?.headers['content-type']).toBe('application/apply-patch+yaml');
    expect(patch?.headers.authorization).toBe('Bearer secret-token');
    // Exactly the object we gave (plus its namespace): no typed model dropped or added a field.
    expect(patch?.body).toEqual({ ...deployment, metadata: { ...deployment.metadata, namespace: 'team' } });
  });

  it('asks discovery once per group version and finds core and named groups', async () => {
    const a = await api();
    fake.requests.length = 0;
    await a.apply(deployment, { dryRun: false });
    await a.read(deployment);
    await a.read({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' } });
    const gets = fake.requests.filter((q) => q.method === 'GET').map((q) => q.path);
    expect(gets).toEqual([
      '/apis/apps/v1',
      '/apis/apps/v1/namespaces/team/deployments/web',
      '/api/v1',
      '/api/v1/namespaces/team/services/web',
    ]);
    const write = fake.requests.find((q) => q.method === 'PATCH');
    expect(write?.query.has('dryRun')).toBe(false);
  });

  it('lists by label selector, deletes in the background, and reports a kind the cluster does not serve', async () => {
    const a = await api();
    fake.requests.length = 0;
    await a.list('apps/v1', 'Deployment', 'team', 'applyset.kubernetes.io/part-of=applyset-x-v1');
    await a.remove(deployment);
    const calls = fake.requests.filter((q) => q.path !== '/apis/apps/v1'); // discovery, tested above
    expect(calls.map((q) => `${q.method} ${q.path}?${q.query}`)).toEqual([
      'GET /apis/apps/v1/namespaces/team/deployments?labelSelector=applyset.kubernetes.io%2Fpart-of%3Dapplyset-x-v1',
      'DELETE /apis/apps/v1/namespaces/team/deployments/web?propagationPolicy=Background',
    ]);
    await expect(a.apply({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } }, { dryRun: true })).rejects.toThrow(
      /does not serve Widget in example.com\/v1/,
    );
  });
});
