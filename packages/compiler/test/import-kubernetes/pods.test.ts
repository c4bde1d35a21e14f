import { describe, expect, it } from 'vitest';
import { blueprintOf, importFixture, summary } from './helpers';

// Roles, native sidecars, waits, probes, mounts, placement and $(VAR) handling (fixtures/pods.yaml).
describe('importKubernetes: pods', () => {
  const result = importFixture('pods.yaml');
  const bp = blueprintOf(result);
  const web = bp.services.web;

  it('reports exactly what it could not carry, by path', () => {
    const spec = 'documents.0.spec.template.spec';
    expect(summary(result.diagnostics)).toEqual([
      'info IMPORT_APPROXIMATED documents.0',
      'warning IMPORT_UNSUPPORTED_KEY documents.0.spec.template.metadata.annotations.prometheus.io/scrape',
      `warning IMPORT_UNSUPPORTED_KEY ${spec}.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms.0.matchExpressions.2`,
      `info IMPORT_APPROXIMATED ${spec}.containers.1.args`,
      `warning IMPORT_UNSUPPORTED_KEY ${spec}.containers.1.livenessProbe`,
      `warning IMPORT_UNSUPPORTED_KEY ${spec}.containers.1.startupProbe`,
      `warning IMPORT_UNSUPPORTED_KEY ${spec}.containers.1.volumeMounts.5`,
      `info IMPORT_APPROXIMATED ${spec}.volumes.1.emptyDir`,
      `warning IMPORT_UNSUPPORTED_KEY ${spec}.volumes.5.nfs`,
      `warning IMPORT_UNSUPPORTED_KEY ${spec}.volumes.6`,
      'warning IMPORT_UNSUPPORTED_KEY documents.1.spec.template.spec.containers.0.livenessProbe',
    ]);
  });

  it('picks the container named like the workload as main, and roles from annotations and the native-sidecar form', () => {
    const roles = Object.fromEntries(Object.entries(web?.containers ?? {}).map(([n, c]) => [n, c.role]));
    expect(roles).toEqual({
      web: 'main',
      metrics: 'adapter',
      proxy: 'ambassador',
      'git-sync': 'sidecar',
      'wait-for-payments': 'init',
      'fetch-assets': 'init',
    });
  });

  it('turns the emitter’s wait container into a link with its timeout, and keeps a wait for an outside host', () => {
    // cache has a readiness probe: its Service routes only to ready pods, so the wait is a wait for health.
    expect(web?.links).toEqual([{ to: 'cache', condition: 'healthy', timeout: '30s' }]);
    expect(web?.containers['wait-for-payments']?.command).toEqual(['sh', '-c', 'until nc -z payments.example.com 443; do sleep 2; done']);
  });

  it('reads $$ back as $ and keeps $(VAR) as text', () => {
    expect(web?.containers.web?.command).toEqual(['nginx', '-g', 'daemon off; pid $HOME/nginx.pid;']);
    expect(web?.containers.web?.args).toEqual(['$(EXTRA_FLAGS)']);
    expect(web?.containers.web?.env).toEqual({ PRICE: '$5' });
  });

  it('carries a tcp readiness probe and a sh -c probe as a shell test', () => {
    expect(web?.containers.web?.healthcheck).toEqual({ test: { tcp: { port: 80 } }, interval: '10s' });
    expect(bp.services.cache?.containers.redis?.healthcheck).toEqual({ test: { shell: 'redis-cli ping | grep PONG' } });
  });

  it('maps emptyDir, tmpfs, hostPath with subPath to blueprint mounts', () => {
    expect(web?.containers.web?.mounts).toEqual([
      { type: 'volume', source: 'content', target: '/usr/share/nginx/html', readOnly: true },
      { type: 'volume', source: 'assets', target: '/usr/share/nginx/assets' },
      { type: 'volume', source: 'scratch', target: '/tmp' },
      { type: 'tmpfs', target: '/run', size: '64Mi' },
      { type: 'bind', source: '/var/log/pods/web', target: '/var/log/nginx' },
    ]);
    expect(bp.volumes).toEqual({
      content: { access: 'single-writer', ephemeral: true },
      assets: { access: 'single-writer', ephemeral: true },
      scratch: { size: '64Mi', access: 'single-writer', ephemeral: true },
    });
  });

  it('turns NotIn into one != per value and In with one value into ==', () => {
    expect(web?.placement).toEqual({
      constraints: [
        { label: 'hostname', op: '!=', value: 'node-a' },
        { label: 'hostname', op: '!=', value: 'node-b' },
        { label: 'zone', op: '==', value: 'eu-1' },
      ],
    });
    expect(web?.hostIpc).toBe(true);
  });

  it('makes container ports service ports when no Service selects the workload', () => {
    expect(web?.ports).toEqual([
      { port: 80, protocol: 'tcp' },
      { name: 'metrics', port: 9113, protocol: 'tcp' },
    ]);
  });
});
