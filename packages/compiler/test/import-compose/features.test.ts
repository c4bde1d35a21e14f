import { Blueprint } from '@blaupause/model';
import { describe, expect, it } from 'vitest';
import { codes, fixture, imported, main } from './helpers';

/** One fixture per Compose feature: what the blueprint holds and exactly what is reported. */
describe('importCompose: features', () => {
  it('reads short and long ports, ranges, host addresses, protocols and expose', () => {
    const { bp, diagnostics } = imported(fixture('ports.compose.yaml'));
    expect(diagnostics).toEqual([]);
    expect(bp.services.web?.ports).toEqual([
      { port: 80, protocol: 'tcp', publish: 8080 },
      { port: 443, protocol: 'tcp', publish: 8443 },
      { port: 9000, protocol: 'tcp', publish: 9000, hostIp: '127.0.0.1' },
      { port: 53, protocol: 'udp', publish: 5353, hostIp: '127.0.0.1' },
      { port: 6000, protocol: 'tcp', publish: 6000, hostIp: '::1' },
      { port: 8000, protocol: 'tcp', publish: 7000 },
      { port: 8001, protocol: 'tcp', publish: 7001 },
      { port: 8002, protocol: 'tcp', publish: 7002 },
      { port: 9090, protocol: 'tcp', publish: 19090, hostIp: '0.0.0.0' },
      { port: 161, protocol: 'udp', publish: 1161 },
      { port: 3000, protocol: 'tcp' },
      { port: 3001, protocol: 'udp' },
    ]);
  });

  it('reads volumes in short and long syntax, tmpfs, subpath and top-level volumes', () => {
    const { bp, diagnostics } = imported(fixture('volumes.compose.yaml'));
    expect(diagnostics).toEqual([]);
    expect(main(bp, 'db').mounts).toEqual([
      { type: 'volume', source: 'data', target: '/var/lib/postgresql/data' },
      { type: 'bind', source: './init', target: '/docker-entrypoint-initdb.d', readOnly: true },
      { type: 'bind', source: '~/backups', target: '/backups' },
      { type: 'volume', source: 'shared', target: '/shared', subPath: 'db' },
      { type: 'bind', source: './conf/postgresql.conf', target: '/etc/postgresql/postgresql.conf', readOnly: true },
      { type: 'tmpfs', target: '/scratch', size: '64Mi' },
      { type: 'tmpfs', target: '/run' },
    ]);
    expect(main(bp, 'backup').mounts).toEqual([
      { type: 'volume', source: 'shared', target: '/shared', readOnly: true },
      { type: 'volume', source: 'legacy', target: '/legacy' },
    ]);
    // Mounted by two services on one Compose host: shared, not single-writer.
    expect(bp.volumes).toEqual({
      data: { access: 'single-writer', driver: 'local', labels: { 'com.example.tier': 'data' } },
      shared: { access: 'shared' },
      legacy: { access: 'single-writer', external: true },
    });
  });

  it('reads environment and labels as lists and mappings, stringifying scalars', () => {
    const { bp, diagnostics } = imported(fixture('environment.compose.yaml'));
    expect(diagnostics).toEqual([]);
    expect(main(bp, 'api').env).toEqual({ MODE: 'production', EMPTY: '', URL: 'http://db:5432/app?sslmode=disable' });
    expect(bp.services.api?.labels).toEqual({ 'com.example.team': 'payments', 'com.example.flag': '' });
    expect(main(bp, 'worker').env).toEqual({ THREADS: '4', DEBUG: 'false', RATIO: '0.5', QUOTE: "it's" });
  });

  it('turns depends_on (list and mapping) and legacy links into one link per service', () => {
    const { bp, diagnostics } = imported(fixture('depends-on.compose.yaml'));
    expect(diagnostics).toEqual([]);
    expect(bp.services.web?.links).toEqual([
      { to: 'api', condition: 'healthy' },
      { to: 'migrate', condition: 'completed' },
      { to: 'cache', condition: 'started', required: false },
    ]);
    expect(bp.services.api?.links).toEqual([{ to: 'db', condition: 'started' }]);
    expect(bp.services.migrate?.links).toEqual([{ to: 'db', condition: 'started' }]);
    expect(main(bp, 'migrate').restart).toBe('no');
  });

  it('reads healthcheck test forms and timings', () => {
    const { bp, diagnostics } = imported(fixture('healthcheck.compose.yaml'));
    expect(diagnostics).toEqual([]);
    expect(main(bp, 'exec').healthcheck).toEqual({
      test: { exec: ['pg_isready', '-U', 'postgres'] },
      interval: '10s',
      timeout: '5s',
      retries: 5,
      startPeriod: '1m30s',
    });
    expect(main(bp, 'shell').healthcheck).toEqual({ test: { shell: 'curl -fsS http://localhost/ || exit 1' }, interval: '30s' });
    expect(main(bp, 'plain').healthcheck).toEqual({ test: { shell: 'redis-cli ping | grep PONG' }, timeout: '500ms' });
  });

  it('reads deploy: replicas, binary memory units, restart policy, placement, update_config and mode', () => {
    const { bp, diagnostics } = imported(fixture('deploy.compose.yaml'));
    expect(diagnostics).toEqual([]);
    const web = bp.services.web;
    expect(web?.replicas).toBe(3);
    expect(main(bp, 'web').resources).toEqual({ limits: { cpus: 0.5, memory: '512Mi' }, requests: { cpus: 0.25, memory: '1536Mi' } });
    expect(main(bp, 'web').restart).toBe('on-failure');
    expect(web?.placement?.constraints).toEqual([
      { label: 'role', op: '==', value: 'manager' },
      { label: 'disk', op: '==', value: 'ssd' },
      { label: 'hostname', op: '!=', value: 'old-box' },
    ]);
    expect(web?.rollout).toEqual({
      strategy: 'rolling',
      maxSurge: 2,
      maxUnavailable: 0,
      order: 'start-first',
      failureAction: 'rollback',
      monitor: '30s',
    });
    expect(bp.services.agent?.mode).toBe('global');
    expect(main(bp, 'agent').resources).toEqual({ limits: { cpus: 1.5, memory: '256Mi' }, requests: { memory: '128Mi' } });
  });

  it('reads service networks as list and mapping, and top-level network settings', () => {
    const { bp, diagnostics } = imported(fixture('networks.compose.yaml'));
    expect(diagnostics).toEqual([]);
    expect(bp.services.proxy?.networks).toEqual(['front', 'default']);
    expect(bp.services.app?.networks).toEqual(['front', 'back']);
    expect(bp.services.db?.networks).toEqual(['back']);
    expect(bp.networks).toEqual({
      front: { driver: 'bridge', labels: { 'com.example.zone': 'dmz' } },
      back: { internal: true },
      shared: { external: true },
    });
  });

  it('reads configs and secrets in short and long syntax with Compose default targets', () => {
    const { bp, diagnostics } = imported(fixture('configs-secrets.compose.yaml'));
    expect(diagnostics).toEqual([]);
    expect(main(bp, 'app').mounts).toEqual([
      { type: 'config', source: 'app-config', target: '/app-config' },
      { type: 'config', source: 'nginx-conf', target: '/etc/nginx/nginx.conf' },
      { type: 'secret', source: 'db-password', target: '/run/secrets/db-password' },
      { type: 'secret', source: 'api-key', target: '/run/secrets/api.key' },
      { type: 'secret', source: 'tls-cert', target: '/certs/tls.crt' },
    ]);
    expect(bp.configs).toEqual({
      'app-config': { file: './config/app.yaml' },
      'nginx-conf': { content: 'events {}\n' },
      'legacy-config': { external: true },
    });
    expect(bp.secrets).toEqual({
      'db-password': { file: './secrets/db-password.txt' },
      'api-key': { environment: 'API_KEY' },
      'tls-cert': { external: true },
    });
  });

  it('reads build, command and entrypoint (strings split like Compose) and container settings', () => {
    const { bp, diagnostics } = imported(fixture('container.compose.yaml'));
    expect(diagnostics).toEqual([]);
    expect(main(bp, 'app')).toEqual({
      role: 'main',
      build: { context: './app', dockerfile: 'Dockerfile.prod', target: 'runtime', args: { NODE_VERSION: '22', APP_ENV: 'production' } },
      command: ['/docker-entrypoint.sh'],
      args: ['node', 'server.js', '--port', '8080', '--name', 'my app'],
      workingDir: '/srv/app',
      user: '1000:1000',
      restart: 'unless-stopped',
      readOnlyRootFilesystem: true,
      capDrop: ['ALL'],
      capAdd: ['NET_BIND_SERVICE'],
    });
    expect(bp.services.app?.profiles).toEqual(['web']);
    expect(main(bp, 'tool')).toEqual({
      role: 'main',
      image: 'example/tool:dev',
      build: { context: './tool' },
      command: ['/bin/sh', '-c'],
      args: ['echo ready && sleep 3600'],
      restart: 'on-failure',
      privileged: true,
      devices: ['/dev/fuse:/dev/fuse:rwm'],
    });
  });

  it('makes network_mode service:x a helper container of x’s pod, with the role from x-blaupause-role', () => {
    const { bp, diagnostics } = imported(fixture('pods.compose.yaml'));
    expect(codes({ diagnostics })).toEqual([
      'IMPORT_APPROXIMATED services.web-sync.network_mode',
      'IMPORT_APPROXIMATED services.metrics.network_mode',
    ]);
    expect(diagnostics.map((d) => d.elementId)).toEqual(['container:web/sync', 'container:web/metrics']);
    expect(Object.keys(bp.services)).toEqual(['web', 'monitor']);
    const web = bp.services.web;
    expect(Object.keys(web?.containers ?? {})).toEqual(['web', 'sync', 'metrics']);
    expect(web?.containers.sync).toEqual({
      role: 'sidecar',
      image: 'registry.k8s.io/git-sync/git-sync:v4.2.1',
      args: ['--repo=https://example.test/site.git', '--root=/content'],
    });
    expect(web?.containers.metrics).toEqual({ role: 'adapter', image: 'nginx-exporter:1.1' });
    expect(bp.services.monitor?.hostNetwork).toBe(true);
    expect(bp.services.monitor?.hostPid).toBe(true);
  });

  it('ignores x- extensions silently and applies << merges, anchors inside extensions included', () => {
    const { bp, diagnostics } = imported(fixture('extensions.compose.yaml'));
    expect(diagnostics).toEqual([]);
    expect(main(bp, 'api')).toEqual({ role: 'main', image: 'example/api:1', env: { TZ: 'Europe/Berlin' }, restart: 'always' });
    expect(main(bp, 'worker').env).toEqual({ TZ: 'Europe/Berlin', QUEUE: 'jobs' });
  });

  it('renames names that are not DNS-1123 labels and every reference to them', () => {
    const { bp, diagnostics } = imported(fixture('names.compose.yaml'));
    expect(codes({ diagnostics })).toEqual([
      'IMPORT_APPROXIMATED services.Web_App',
      'IMPORT_APPROXIMATED services.db_primary',
      'IMPORT_APPROXIMATED volumes.App_Data',
      'IMPORT_APPROXIMATED networks.Front_Net',
      'IMPORT_APPROXIMATED secrets.Db_Password',
    ]);
    expect(diagnostics[0]?.message).toContain('"Web_App" is named "web-app"');
    expect(diagnostics[0]?.source).toEqual({ line: 3, col: 3 });
    expect(Object.keys(bp.services)).toEqual(['web-app', 'db-primary']);
    const web = bp.services['web-app'];
    expect(web?.links).toEqual([{ to: 'db-primary', condition: 'started' }]);
    expect(web?.networks).toEqual(['front-net']);
    // The secret keeps its Compose file name inside the container, as Compose mounts it.
    expect(main(bp, 'web-app').mounts).toEqual([
      { type: 'volume', source: 'app-data', target: '/data' },
      { type: 'secret', source: 'db-password', target: '/run/secrets/Db_Password' },
    ]);
    expect(Object.keys(bp.volumes ?? {})).toEqual(['app-data']);
    expect(Object.keys(bp.networks ?? {})).toEqual(['front-net']);
    expect(Object.keys(bp.secrets ?? {})).toEqual(['db-password']);
  });

  it('reports every key it cannot carry by path, with its position, and imports the rest', () => {
    const { bp, diagnostics } = imported(fixture('lost.compose.yaml'), { file: 'lost.compose.yaml' });
    expect(codes({ diagnostics })).toEqual([
      'IMPORT_UNSUPPORTED_KEY version',
      'IMPORT_UNSUPPORTED_KEY services.app.container_name',
      'IMPORT_UNSUPPORTED_KEY services.app.hostname',
      'IMPORT_UNSUPPORTED_KEY services.app.env_file',
      'IMPORT_UNSUPPORTED_KEY services.app.logging',
      'IMPORT_UNSUPPORTED_KEY services.app.stop_signal',
      'IMPORT_UNSUPPORTED_KEY services.app.init',
      'IMPORT_UNSUPPORTED_KEY services.app.ulimits',
      'IMPORT_UNSUPPORTED_KEY services.app.networks.back.aliases',
      'IMPORT_UNSUPPORTED_KEY services.app.healthcheck.start_interval',
      'IMPORT_UNSUPPORTED_KEY networks.back.ipam',
    ]);
    expect(diagnostics[0]?.severity).toBe('info');
    const envFile = diagnostics.find((d) => d.path.join('.') === 'services.app.env_file');
    expect(envFile?.source).toEqual({ file: 'lost.compose.yaml', line: 8, col: 5 });
    expect(envFile?.hint).toContain('environment:');
    expect(envFile?.elementId).toBe('service:app');
    expect(main(bp, 'app')).toEqual({ role: 'main', image: 'example/app:1', healthcheck: { test: { exec: ['true'] } } });
    expect(bp.services.app?.networks).toEqual(['back']);
  });

  it('produces blueprints that pass Blueprint.parse, for every fixture', () => {
    for (const name of ['ports', 'volumes', 'environment', 'depends-on', 'healthcheck', 'deploy', 'networks', 'pods', 'names', 'lost'])
      expect(Blueprint.safeParse(imported(fixture(`${name}.compose.yaml`)).bp).success).toBe(true);
  });
});
