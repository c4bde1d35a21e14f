import type { BlueprintInput } from '@blaupause/model';

/**
 * A synthetic blueprint of `n` services shaped like real applications: every pod has a main
 * container, a sidecar and an adapter (3 containers), a healthcheck, resources, environment,
 * a published or internal port, links to up to two earlier services (a DAG), and every fourth
 * service owns a volume.
 */
export function generateBlueprint(n: number): BlueprintInput {
  const services: NonNullable<BlueprintInput['services']> = {};
  const volumes: NonNullable<BlueprintInput['volumes']> = {};
  for (let i = 0; i < n; i++) {
    const name = `svc-${i}`;
    const links = [
      i > 0 ? { to: `svc-${Math.floor((i - 1) / 2)}`, condition: 'healthy' as const, env: 'UPSTREAM_URL', protocol: 'http' } : undefined,
      i > 2 ? { to: `svc-${i - 3}` } : undefined,
    ].filter((l) => l !== undefined);
    const volume = i % 4 === 0 ? `data-${i}` : undefined;
    if (volume) volumes[volume] = { size: '1Gi', access: 'shared' };
    services[name] = {
      replicas: 1 + (i % 3),
      ports: [{ port: 8080, ...(i % 10 === 0 ? { publish: 20000 + i } : {}) }],
      links,
      containers: {
        app: {
          image: `registry.example.test/team/app-${i}:1.${i % 7}.0`,
          args: ['--port', '8080', '--name', name],
          env: { LOG_LEVEL: 'info', SERVICE_NAME: name, FEATURE_FLAGS: 'a,b,c: "quoted"' },
          healthcheck: { test: { exec: ['/bin/check', '--quiet'] }, interval: '10s', timeout: '2s', retries: 3 },
          resources: { limits: { cpus: 0.5, memory: '256Mi' } },
          mounts: volume ? [{ type: 'volume' as const, source: volume, target: '/data' }] : [],
        },
        proxy: { role: 'sidecar' as const, image: 'envoy:1.31', args: ['-c', '/etc/envoy.yaml'] },
        metrics: { role: 'adapter' as const, image: 'exporter:2.0', env: { TARGET: 'localhost:8080' } },
      },
    };
  }
  return { apiVersion: 'blaupause.dev/v1', kind: 'Blueprint', metadata: { name: `bench-${n}` }, services, volumes };
}
