import { describe, expect, it } from 'vitest';
import { importCompose, importComposeWithReport } from '../../src/import/compose/import-compose';
import { codes, imported, main } from './helpers';

const svc = (body: string, rest = '') => `services:\n  a:\n    image: x\n${body}\n${rest}`;

/** What cannot be carried exactly: each case names the path reported and what was kept. */
describe('importCompose: approximations and keys not carried', () => {
  it('gives anonymous volumes a name and lists them in the report', () => {
    const { result, report } = importComposeWithReport(svc('    volumes:\n      - /data\n      - type: volume\n        target: /cache'));
    expect(codes(result)).toEqual(['IMPORT_APPROXIMATED services.a.volumes.0', 'IMPORT_APPROXIMATED services.a.volumes.1']);
    expect(report.namedVolumes).toEqual([
      { path: ['services', 'a', 'volumes', 0], name: 'a-data' },
      { path: ['services', 'a', 'volumes', 1], name: 'a-cache' },
    ]);
    if (!result.ok) throw new Error('import failed');
    expect(main(result.value, 'a').mounts).toEqual([
      { type: 'volume', source: 'a-data', target: '/data' },
      { type: 'volume', source: 'a-cache', target: '/cache' },
    ]);
    expect(Object.keys(result.value.volumes ?? {})).toEqual(['a-data', 'a-cache']);
  });

  it('keeps a port without host port internal, and publishes the first port of a host range', () => {
    const { bp, diagnostics } = imported(svc('    ports:\n      - "80"\n      - "127.0.0.1::443"\n      - "9000-9005:9000"'));
    expect(codes({ diagnostics })).toEqual([
      'IMPORT_APPROXIMATED services.a.ports.0',
      'IMPORT_APPROXIMATED services.a.ports.1',
      'IMPORT_APPROXIMATED services.a.ports.2',
    ]);
    expect(diagnostics[1]?.message).toContain('host address is dropped');
    expect(bp.services.a?.ports).toEqual([
      { port: 80, protocol: 'tcp' },
      { port: 443, protocol: 'tcp' },
      { port: 9000, protocol: 'tcp', publish: 9000 },
    ]);
  });

  it('reports port options it cannot carry', () => {
    const { bp, diagnostics } = imported(
      svc(
        '    ports:\n      - target: 80\n        published: 8080\n        mode: host\n        app_protocol: http\n        name: Web_UI\n      - "5000:5000/sctp"',
      ),
    );
    expect(codes({ diagnostics })).toEqual([
      'IMPORT_UNSUPPORTED_KEY services.a.ports.0.mode',
      'IMPORT_UNSUPPORTED_KEY services.a.ports.0.app_protocol',
      'IMPORT_UNSUPPORTED_KEY services.a.ports.1',
      'IMPORT_APPROXIMATED services.a.ports.0.name',
    ]);
    expect(bp.services.a?.ports).toEqual([{ port: 80, protocol: 'tcp', publish: 8080, name: 'web-ui' }]);
  });

  it('splits a command string like Compose, warning where Compose stops reading', () => {
    const { bp, diagnostics } = imported(svc('    command: npm ci && npm start\n    restart: on-failure:3'));
    expect(codes({ diagnostics })).toEqual(['IMPORT_APPROXIMATED services.a.command', 'IMPORT_APPROXIMATED services.a.restart']);
    expect(diagnostics[0]?.hint).toContain('sh');
    expect(main(bp, 'a')).toMatchObject({ args: ['npm', 'ci'], restart: 'on-failure' });
    expect(codes(importCompose(svc('    command: echo "open')))).toEqual(['SCHEMA_VALUE services.a.command']);
  });

  it('reports a disabled healthcheck and one without test', () => {
    expect(codes(importCompose(svc('    healthcheck:\n      test: ["NONE"]')))).toEqual([
      'IMPORT_UNSUPPORTED_KEY services.a.healthcheck.test',
    ]);
    expect(codes(importCompose(svc('    healthcheck:\n      disable: true')))).toEqual([
      'IMPORT_UNSUPPORTED_KEY services.a.healthcheck.disable',
    ]);
    expect(codes(importCompose(svc('    healthcheck:\n      interval: 5s')))).toEqual(['IMPORT_UNSUPPORTED_KEY services.a.healthcheck']);
    expect(codes(importCompose(svc('    healthcheck:\n      test: ["pg_isready"]')))).toEqual(['SCHEMA_VALUE services.a.healthcheck.test']);
    expect(codes(importCompose(svc('    healthcheck:\n      test: [CMD, x]\n      interval: soon')))).toEqual([
      'SCHEMA_VALUE services.a.healthcheck.interval',
    ]);
  });

  it('reports network modes other than host and service:x, and link aliases', () => {
    for (const mode of ['none', 'bridge', 'container:abc'])
      expect(codes(importCompose(svc(`    network_mode: ${mode}`)))).toEqual(['IMPORT_UNSUPPORTED_KEY services.a.network_mode']);
    const r = imported(svc('    links: ["b:database"]', '  b:\n    image: y\n'));
    expect(codes(r)).toEqual(['IMPORT_APPROXIMATED services.a.links.0']);
    expect(r.bp.services.a?.links).toEqual([{ to: 'b', condition: 'started' }]);
    expect(codes(importCompose(svc('    ipc: shareable')))).toEqual(['IMPORT_UNSUPPORTED_KEY services.a.ipc']);
  });

  it('reports network_mode to an unknown service and network_mode cycles', () => {
    expect(codes(importCompose(svc('    network_mode: service:ghost')))).toEqual(['IMPORT_UNSUPPORTED_KEY services.a.network_mode']);
    const cycle = importCompose(
      'services:\n  a:\n    image: x\n    network_mode: service:b\n  b:\n    image: y\n    network_mode: service:a\n',
    );
    expect(codes(cycle)).toEqual(['DEPENDENCY_CYCLE services.a.network_mode', 'IMPORT_APPROXIMATED services.b.network_mode']);
    expect(cycle.diagnostics[0]?.message).toContain('a → b → a');
    expect(cycle.ok).toBe(false);
  });

  it('moves a helper’s ports, dependencies and labels to its pod, and reports its own deploy and networks', () => {
    const text = [
      'services:',
      '  web:\n    image: nginx\n    labels: {tier: front}',
      '  proxy:\n    image: envoy\n    network_mode: service:web\n    x-blaupause-role: ambassador',
      '    ports: ["9901:9901"]\n    depends_on: [db, web]\n    labels: {sidecar: envoy}',
      '    deploy:\n      replicas: 2\n    networks: [back]\n    profiles: [debug]',
      '  db:\n    image: postgres',
    ].join('\n');
    const { result, report } = importComposeWithReport(text);
    expect(codes(result)).toEqual([
      'IMPORT_APPROXIMATED services.proxy.network_mode',
      'IMPORT_APPROXIMATED services.proxy.ports.0',
      'IMPORT_APPROXIMATED services.proxy.depends_on.0',
      'IMPORT_APPROXIMATED services.proxy.labels',
      'IMPORT_UNSUPPORTED_KEY services.proxy.deploy',
      'IMPORT_UNSUPPORTED_KEY services.proxy.networks',
      'IMPORT_APPROXIMATED services.proxy.profiles',
    ]);
    expect(report.helpers).toEqual([{ service: 'proxy', pod: 'web', container: 'proxy' }]);
    expect(result.diagnostics[1]?.elementId).toBe('container:web/proxy');
  });

  it('maps a helper’s pod settings without a trace of the helper’s own', () => {
    const { bp } = imported(
      'services:\n  web:\n    image: nginx\n  log:\n    image: fluentbit\n    network_mode: service:web\n    depends_on: [web]\n    pid: host\n',
    );
    expect(bp.services.web).toMatchObject({
      hostPid: true,
      containers: { web: { role: 'main' }, log: { role: 'sidecar', image: 'fluentbit' } },
    });
    expect(bp.services.web?.links).toBeUndefined();
  });

  it('warns about an x-blaupause-role it does not know', () => {
    const { bp, diagnostics } = imported(
      'services:\n  web:\n    image: nginx\n  log:\n    image: f\n    network_mode: service:web\n    x-blaupause-role: main\n',
    );
    expect(codes({ diagnostics })).toEqual(['SCHEMA_VALUE services.log.x-blaupause-role', 'IMPORT_APPROXIMATED services.log.network_mode']);
    expect(bp.services.web?.containers.log?.role).toBe('sidecar');
    const alone = importCompose('services:\n  web:\n    image: nginx\n    x-blaupause-role: adapter\n');
    expect(codes(alone)).toEqual(['IMPORT_UNSUPPORTED_KEY services.web.x-blaupause-role']);
    expect(alone.diagnostics[0]?.severity).toBe('info');
  });

  it('reports deploy settings it cannot carry', () => {
    const deploy = [
      '    deploy:\n      mode: replicated-job\n      endpoint_mode: dnsrr\n      labels: {a: b}',
      '      rollback_config: {parallelism: 1}\n      update_config:\n        parallelism: 0\n        delay: 10s',
      '      placement:\n        preferences: [{spread: node.labels.zone}]',
      '      resources:\n        limits: {pids: 100, cpus: 0}\n        reservations:\n          devices: [{capabilities: [gpu]}]',
      '      restart_policy:\n        condition: any\n        max_attempts: 3',
    ].join('\n');
    const { bp, diagnostics } = imported(svc(deploy));
    expect(codes({ diagnostics })).toEqual([
      'IMPORT_UNSUPPORTED_KEY services.a.deploy.mode',
      'IMPORT_UNSUPPORTED_KEY services.a.deploy.endpoint_mode',
      'IMPORT_UNSUPPORTED_KEY services.a.deploy.labels',
      'IMPORT_UNSUPPORTED_KEY services.a.deploy.rollback_config',
      'IMPORT_UNSUPPORTED_KEY services.a.deploy.update_config.delay',
      'IMPORT_UNSUPPORTED_KEY services.a.deploy.placement.preferences',
      'IMPORT_UNSUPPORTED_KEY services.a.deploy.resources.limits.pids',
      'IMPORT_UNSUPPORTED_KEY services.a.deploy.resources.limits.cpus',
      'IMPORT_UNSUPPORTED_KEY services.a.deploy.resources.reservations.devices',
      'IMPORT_UNSUPPORTED_KEY services.a.deploy.restart_policy.max_attempts',
    ]);
    expect(bp.services.a?.rollout).toEqual({ strategy: 'recreate' });
    expect(main(bp, 'a').restart).toBe('always');
  });

  it('lets deploy.replicas win over scale, and restart over deploy.restart_policy, saying so', () => {
    const { bp, diagnostics } = imported(
      svc('    scale: 2\n    restart: "no"\n    deploy:\n      replicas: 3\n      restart_policy:\n        condition: any'),
    );
    expect(codes({ diagnostics })).toEqual([
      'IMPORT_APPROXIMATED services.a.scale',
      'IMPORT_APPROXIMATED services.a.deploy.restart_policy.condition',
    ]);
    expect(bp.services.a?.replicas).toBe(3);
    expect(main(bp, 'a').restart).toBe('no');
    expect(imported(svc('    scale: 4')).bp.services.a?.replicas).toBe(4);
  });

  it('reports build options, build arguments without value and dependency restarts it cannot carry', () => {
    const text = svc(
      '    build:\n      context: .\n      args: [TOKEN]\n      cache_from: [x]\n    depends_on:\n      b:\n        condition: service_started\n        restart: true',
      '  b:\n    image: y\n',
    );
    expect(codes(importCompose(text))).toEqual([
      'IMPORT_UNSUPPORTED_KEY services.a.build.args.0',
      'IMPORT_UNSUPPORTED_KEY services.a.build.cache_from',
      'IMPORT_UNSUPPORTED_KEY services.a.depends_on.b.restart',
    ]);
  });

  it('reports mount options by their long-syntax path, with the position of the short form', () => {
    const text = svc(
      '    volumes:\n      - ./src:/src:z\n      - data:/data:nocopy\n      - ./c:/c:cached,ro\n      - type: npipe\n        source: x\n        target: /x\n      - type: tmpfs\n        target: /t\n        tmpfs:\n          mode: 01777\n    tmpfs: ["/run:size=1m,uid=1"]',
      'volumes:\n  data: {}\n',
    );
    const r = importCompose(text);
    expect(codes(r)).toEqual([
      'IMPORT_UNSUPPORTED_KEY services.a.volumes.0.bind.selinux',
      'IMPORT_UNSUPPORTED_KEY services.a.volumes.1.volume.nocopy',
      'IMPORT_UNSUPPORTED_KEY services.a.volumes.2.consistency',
      'IMPORT_UNSUPPORTED_KEY services.a.volumes.3',
      'IMPORT_UNSUPPORTED_KEY services.a.volumes.4.tmpfs.mode',
      'IMPORT_UNSUPPORTED_KEY services.a.tmpfs.0.uid',
    ]);
    expect(r.diagnostics[0]?.source).toEqual({ line: 5, col: 9 });
    expect(r.diagnostics[2]?.severity).toBe('info');
    expect(r.diagnostics[4]?.message).toContain('0o1777');
    if (!r.ok) throw new Error('import failed');
    expect(main(r.value, 'a').mounts).toEqual([
      { type: 'bind', source: './src', target: '/src' },
      { type: 'volume', source: 'data', target: '/data' },
      { type: 'bind', source: './c', target: '/c', readOnly: true },
      { type: 'tmpfs', target: '/t' },
      { type: 'tmpfs', target: '/run', size: '1Mi' },
    ]);
  });

  it('reads the ephemeral volumes the Compose emitter writes, and reports other top-level settings', () => {
    const text = [
      'services:\n  a:\n    image: x\n    volumes: [cache:/cache, old:/old]\n    networks: [n]',
      'volumes:\n  cache:\n    driver: local\n    driver_opts: {type: tmpfs, device: tmpfs, o: size=64m}',
      '  old:\n    external:\n      name: legacy-data\n    name: other',
      'networks:\n  n:\n    attachable: true\n    enable_ipv6: true',
      'configs:\n  c:\n    environment: CFG\n    labels: {a: b}',
      'secrets:\n  s:\n    environment: TOKEN\n    driver: vault',
    ].join('\n');
    const { bp, diagnostics } = imported(text);
    expect(codes({ diagnostics })).toEqual([
      'IMPORT_UNSUPPORTED_KEY volumes.old.external.name',
      'IMPORT_UNSUPPORTED_KEY volumes.old.name',
      'IMPORT_UNSUPPORTED_KEY networks.n.attachable',
      'IMPORT_UNSUPPORTED_KEY networks.n.enable_ipv6',
      'IMPORT_UNSUPPORTED_KEY configs.c.environment',
      'IMPORT_UNSUPPORTED_KEY configs.c.labels',
      'IMPORT_UNSUPPORTED_KEY secrets.s.driver',
    ]);
    expect(bp.volumes).toEqual({
      cache: { access: 'single-writer', ephemeral: true, size: '64Mi' },
      old: { access: 'single-writer', external: true },
    });
    expect(bp.secrets).toEqual({ s: { environment: 'TOKEN' } });
    expect(codes(importCompose(svc('', 'volumes:\n  v:\n    driver_opts: {type: nfs}\n')))).toEqual([
      'IMPORT_UNSUPPORTED_KEY volumes.v.driver_opts',
    ]);
  });

  it('renames profiles to DNS-1123 labels', () => {
    const { bp, diagnostics } = imported(svc('    profiles: [Debug_Tools]'));
    expect(codes({ diagnostics })).toEqual(['IMPORT_APPROXIMATED services.a.profiles.0']);
    expect(bp.services.a?.profiles).toEqual(['debug-tools']);
  });

  it('names the blueprint from the options, the Compose name, the file, or "app"', () => {
    expect(imported('name: shop\nservices: {}\n', { name: 'given', file: 'x.compose.yaml' }).bp.metadata.name).toBe('given');
    expect(imported('name: shop\nservices: {}\n', { file: 'x.compose.yaml' }).bp.metadata.name).toBe('shop');
    expect(imported('services: {}\n', { file: '/p/docker-compose.staging.yml' }).bp.metadata.name).toBe('staging');
    expect(imported('services: {}\n', { file: 'compose.yaml' }).bp.metadata.name).toBe('app');
    expect(imported('services: {}\n').bp.metadata.name).toBe('app');
  });

  it('scales linearly: four times the services take about four times as long, not sixteen', () => {
    const file = (n: number) => {
      const services = Array.from(
        { length: n },
        (_, i) =>
          `  svc-${i}:\n    image: app:${i}\n    ports: ["${10000 + i}:80"]\n    environment: [A=1]\n    volumes: ["data${i}:/data"]\n    depends_on: [${i + 1 < n ? `svc-${i + 1}` : ''}]`,
      );
      return `services:\n${services.join('\n')}\nvolumes:\n${Array.from({ length: n }, (_, i) => `  data${i}: {}`).join('\n')}\n`;
    };
    // Medians of several runs, measured against each other in the same run (timings alone are not tests).
    const median = (text: string) => {
      const times: number[] = [];
      for (let k = 0; k < 7; k++) {
        const t0 = performance.now();
        const r = importCompose(text);
        times.push(performance.now() - t0);
        expect(r.ok).toBe(true);
      }
      return times.sort((a, b) => a - b)[3] as number;
    };
    const small = median(file(500));
    const large = median(file(2000));
    expect(large / small).toBeLessThan(9);
  });
});
