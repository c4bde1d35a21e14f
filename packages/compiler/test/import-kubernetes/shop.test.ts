import { describe, expect, it } from 'vitest';
import { blueprintOf, fixture, importFixture, summary } from './helpers';

// A hand-written application with every kind the importer carries (fixtures/shop.yaml).
describe('importKubernetes: a hand-written application', () => {
  const result = importFixture('shop.yaml');
  const bp = blueprintOf(result);

  it('reports exactly what it could not carry, by path', () => {
    expect(summary(result.diagnostics)).toEqual([
      'info UNSUPPORTED_KIND documents.0',
      'info IMPORT_APPROXIMATED documents.1.metadata.namespace',
      'info IMPORT_APPROXIMATED documents.2.data',
      'info IMPORT_APPROXIMATED documents.3',
      'warning IMPORT_UNSUPPORTED_KEY documents.4.spec.storageClassName',
      'warning IMPORT_UNSUPPORTED_KEY documents.5.spec.template.spec.tolerations',
      'info IMPORT_APPROXIMATED documents.6.spec.ports.0',
      'warning IMPORT_UNSUPPORTED_KEY documents.9.spec.template.spec.containers.0.env.1.valueFrom',
      'warning IMPORT_UNSUPPORTED_KEY documents.9.spec.template.spec.containers.0.envFrom',
      'warning IMPORT_UNSUPPORTED_KEY documents.9.spec.template.spec.containers.0.securityContext.allowPrivilegeEscalation',
      // initialDelaySeconds on a readiness probe: the start period, but no delay of readiness on export.
      'info IMPORT_APPROXIMATED documents.11.spec.template.spec.containers.0.readinessProbe.initialDelaySeconds',
      'info IMPORT_APPROXIMATED documents.12',
    ]);
    // The StatefulSet's lone headless Service comes back as ClusterIP db + db-headless.
    expect(result.diagnostics.find((d) => d.path.join('.') === 'documents.12')?.message).toBe(
      "Service db is headless (clusterIP: None); exported again, db is a ClusterIP Service with one virtual address, and its StatefulSet is governed by db-headless (the pods' DNS names change).",
    );
  });

  it('gives each diagnostic its source position and element', () => {
    const tolerations = result.diagnostics.find((d) => d.path.includes('tolerations'));
    expect(tolerations?.source).toEqual({ file: 'shop.yaml', line: 97, col: 7 });
    expect(tolerations?.elementId).toBe('service:frontend');
    expect(tolerations?.message).toBe(
      'Deployment frontend (document 6): spec.template.spec.tolerations is not carried by the blueprint; it was not imported.',
    );
    const storageClass = result.diagnostics.find((d) => d.path.includes('storageClassName'));
    expect(storageClass?.source).toEqual({ file: 'shop.yaml', line: 48, col: 3 });
    expect(storageClass?.elementId).toBe('volume:uploads');
  });

  it('names the blueprint after the single namespace', () => {
    expect(bp.metadata).toEqual({ name: 'shop' });
    expect(Object.keys(bp.services)).toEqual(['frontend', 'api', 'db']);
  });

  it('maps the Deployment, its NodePort Service, Ingress and autoscaler onto one service', () => {
    expect(bp.services.frontend).toEqual({
      labels: { tier: 'web' },
      mode: 'replicated',
      replicas: 3,
      scaling: { min: 2, max: 6, targetCPU: 60 },
      rollout: { strategy: 'rolling', maxSurge: 1, maxUnavailable: 0 },
      ports: [
        {
          name: 'http',
          port: 8080,
          protocol: 'tcp',
          publish: 30080,
          ingress: { host: 'shop.example.test', path: '/', tls: true },
        },
      ],
      containers: {
        frontend: {
          role: 'main',
          image: 'nginx:1.27',
          mounts: [{ type: 'config', source: 'nginx-conf', target: '/etc/nginx/conf.d/default.conf' }],
          healthcheck: { test: { http: { port: 8080, path: '/healthz' } }, interval: '5s', retries: 3, liveness: true },
          resources: { limits: { cpus: 1, memory: '256Mi' }, requests: { cpus: 0.25, memory: '128Mi' } },
        },
        'log-shipper': { role: 'adapter', image: 'fluent/fluent-bit:3.0' },
      },
    });
  });

  it('turns a hand-written wait loop into a link that waits for health', () => {
    expect(bp.services.api?.links).toEqual([{ to: 'db', condition: 'healthy' }]);
    expect(Object.keys(bp.services.api?.containers ?? {})).toEqual(['api', 'migrate']);
    expect(bp.services.api?.containers.migrate).toEqual({ role: 'init', image: 'shop/api:2.1', args: ['migrate'] });
  });

  it('carries security settings, literal variables, placement and every mount kind', () => {
    expect(bp.services.api?.rollout).toEqual({ strategy: 'recreate' });
    expect(bp.services.api?.placement).toEqual({ constraints: [{ label: 'disk', op: '==', value: 'ssd' }] });
    expect(bp.services.api?.containers.api).toEqual({
      role: 'main',
      image: 'shop/api:2.1',
      user: '1000:1000',
      env: { DB_HOST: 'db' },
      readOnlyRootFilesystem: true,
      capDrop: ['ALL'],
      mounts: [
        { type: 'config', source: 'app-settings-settings-json', target: '/etc/api/settings.json' },
        { type: 'config', source: 'app-settings-features-ini', target: '/etc/api/features.ini' },
        { type: 'volume', source: 'uploads', target: '/var/uploads' },
        { type: 'secret', source: 'db-credentials', target: '/run/secrets/db' },
      ],
    });
  });

  it('makes the StatefulSet claim template a per-replica volume and its headless Service ports', () => {
    expect(bp.services.db?.ports).toEqual([{ port: 5432, protocol: 'tcp' }]);
    expect(bp.services.db?.containers.postgres?.healthcheck).toEqual({
      test: { exec: ['pg_isready', '-U', 'postgres'] },
      timeout: '3s',
      startPeriod: '5s',
    });
    expect(bp.volumes).toEqual({
      uploads: { size: '5Gi', access: 'shared', labels: { tier: 'data' } },
      data: { size: '10Gi', access: 'single-writer', perReplica: true },
    });
  });

  it('splits a ConfigMap with several keys into one config per key', () => {
    expect(bp.configs).toEqual({
      'nginx-conf': { content: 'server { listen 8080; }\n' },
      'app-settings-settings-json': { content: '{"debug": false}' },
      'app-settings-features-ini': { content: 'beta=1\n' },
    });
  });

  it('imports a Secret as external and never copies or prints its values', () => {
    expect(bp.secrets).toEqual({ 'db-credentials': { external: true } });
    const everything = JSON.stringify(result);
    expect(fixture('shop.yaml')).toContain('c3VwZXJzZWNyZXQtdmFsdWU=');
    for (const secret of ['c3VwZXJzZWNyZXQtdmFsdWU=', 'supersecret-value', 'plain-text-user-value'])
      expect(everything).not.toContain(secret);
  });
});
