import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { type LoadResult, loadBlueprint } from '../src/load';
import type { Blueprint } from '../src/schema/blueprint';

/**
 * compose-go style: per attribute area, inline YAML → loadBlueprint → assertions; then the loaded
 * blueprint is written as JSON and as YAML, loaded again, and must pass the same assertions and
 * equal the first load (defaults written out do not change the meaning).
 */
const HEADER = 'apiVersion: blaupause.dev/v1\nkind: Blueprint\n';

interface Case {
  area: string;
  yaml: string;
  check(bp: Blueprint): void;
}

const cases: Case[] = [
  {
    area: 'metadata and parameters',
    yaml: `metadata:
  name: shop
  description: A web shop.
  version: 2.1.0
  labels:
    team: checkout
parameters:
  TAG:
    default: "1.4"
    description: image tag
  TOKEN:
    required: true
services:
  web:
    containers:
      main:
        image: "shop/web:\${TAG}"
`,
    check(bp) {
      expect(bp.metadata).toEqual({ name: 'shop', description: 'A web shop.', version: '2.1.0', labels: { team: 'checkout' } });
      expect(bp.parameters).toEqual({ TAG: { default: '1.4', description: 'image tag' }, TOKEN: { required: true } });
      expect(bp.services.web?.containers.main?.image).toBe('shop/web:${TAG}');
    },
  },
  {
    area: 'service settings',
    yaml: `metadata:
  name: svc
services:
  agent:
    description: one per node
    labels:
      tier: infra
    mode: global
    profiles: [ops]
    hostPid: true
    containers:
      main:
        image: agent:1
  web:
    replicas: 3
    containers:
      main:
        image: nginx:1.27
`,
    check(bp) {
      expect(bp.services.agent).toMatchObject({
        description: 'one per node',
        labels: { tier: 'infra' },
        mode: 'global',
        profiles: ['ops'],
        hostPid: true,
        replicas: 1,
      });
      expect(bp.services.web).toMatchObject({ mode: 'replicated', replicas: 3 });
    },
  },
  {
    area: 'ports and ingress',
    yaml: `metadata:
  name: ports
services:
  web:
    ports:
      - name: http
        port: 80
        publish: 8080
        hostIp: 127.0.0.1
        ingress:
          host: shop.example.test
          path: /api
          tls: true
      - port: 53
        protocol: udp
      - port: 9090
        ingress: {}
    containers:
      main:
        image: nginx:1.27
`,
    check(bp) {
      expect(bp.services.web?.ports).toEqual([
        {
          name: 'http',
          port: 80,
          protocol: 'tcp',
          publish: 8080,
          hostIp: '127.0.0.1',
          ingress: { host: 'shop.example.test', path: '/api', tls: true },
        },
        { port: 53, protocol: 'udp' },
        { port: 9090, protocol: 'tcp', ingress: { path: '/' } },
      ]);
    },
  },
  {
    area: 'links',
    yaml: `metadata:
  name: links
services:
  db:
    ports:
      - port: 5432
    containers:
      main:
        image: postgres:16
        healthcheck:
          test:
            exec: [pg_isready]
  setup:
    containers:
      main:
        image: busybox:1.36
  web:
    links:
      - to: db
        port: 5432
        protocol: postgres
        condition: healthy
        env: DATABASE_URL
        timeout: 30s
      - to: setup
        condition: completed
        required: false
    containers:
      main:
        image: nginx:1.27
`,
    check(bp) {
      expect(bp.services.web?.links).toEqual([
        { to: 'db', port: 5432, protocol: 'postgres', condition: 'healthy', env: 'DATABASE_URL', timeout: '30s' },
        { to: 'setup', condition: 'completed', required: false },
      ]);
    },
  },
  {
    area: 'scaling, rollout and placement',
    yaml: `metadata:
  name: scale
services:
  api:
    replicas: 4
    scaling:
      min: 2
      max: 8
    rollout:
      strategy: canary
      maxSurge: 1
      maxUnavailable: 0
      order: start-first
      canary:
        replicas: 1
        image: api:2
      failureAction: rollback
      monitor: 1m30s
    placement:
      constraints:
        - label: disk
          value: ssd
        - label: role
          op: "!="
          value: manager
    containers:
      main:
        image: api:1
`,
    check(bp) {
      const api = bp.services.api;
      expect(api?.scaling).toEqual({ min: 2, max: 8, targetCPU: 80 });
      expect(api?.rollout).toEqual({
        strategy: 'canary',
        maxSurge: 1,
        maxUnavailable: 0,
        order: 'start-first',
        canary: { replicas: 1, image: 'api:2' },
        failureAction: 'rollback',
        monitor: '1m30s',
      });
      expect(api?.placement?.constraints).toEqual([
        { label: 'disk', op: '==', value: 'ssd' },
        { label: 'role', op: '!=', value: 'manager' },
      ]);
    },
  },
  {
    area: 'containers of a pod',
    yaml: `metadata:
  name: pod
services:
  web:
    containers:
      app:
        build:
          context: ./web
          dockerfile: Dockerfile.prod
          args:
            NODE_ENV: production
          target: runtime
        command: [node]
        args: [server.js, --port, "3000"]
        workingDir: /srv
        user: "1000:1000"
        env:
          LOG_LEVEL: info
        restart: unless-stopped
        readOnlyRootFilesystem: true
        capDrop: [ALL]
        resources:
          limits:
            cpus: 0.5
            memory: 256Mi
          requests:
            cpus: 0.25
            memory: 128Mi
      proxy:
        role: ambassador
        image: envoyproxy/envoy:v1.30.1
        capAdd: [NET_ADMIN]
        devices: ["/dev/net/tun"]
        privileged: true
      shipper:
        role: adapter
        image: fluent/fluent-bit:3.0
      migrate:
        role: init
        image: shop/migrate:1
        restart: "no"
`,
    check(bp) {
      const c = bp.services.web?.containers ?? {};
      expect(Object.entries(c).map(([n, x]) => [n, x.role])).toEqual([
        ['app', 'main'],
        ['proxy', 'ambassador'],
        ['shipper', 'adapter'],
        ['migrate', 'init'],
      ]);
      expect(c.app).toEqual({
        role: 'main',
        build: { context: './web', dockerfile: 'Dockerfile.prod', args: { NODE_ENV: 'production' }, target: 'runtime' },
        command: ['node'],
        args: ['server.js', '--port', '3000'],
        workingDir: '/srv',
        user: '1000:1000',
        env: { LOG_LEVEL: 'info' },
        restart: 'unless-stopped',
        readOnlyRootFilesystem: true,
        capDrop: ['ALL'],
        resources: { limits: { cpus: 0.5, memory: '256Mi' }, requests: { cpus: 0.25, memory: '128Mi' } },
      });
      expect(c.proxy).toMatchObject({ capAdd: ['NET_ADMIN'], devices: ['/dev/net/tun'], privileged: true });
      expect(c.migrate?.restart).toBe('no');
    },
  },
  {
    area: 'healthchecks',
    yaml: `metadata:
  name: health
services:
  a:
    containers:
      main:
        image: a:1
        healthcheck:
          test:
            exec: [curl, -f, http://localhost/]
          interval: 10s
          timeout: 2s
          retries: 3
          startPeriod: 1m
          liveness: true
  b:
    containers:
      main:
        image: b:1
        healthcheck:
          test:
            shell: "pg_isready -U app || exit 1"
  c:
    containers:
      main:
        image: c:1
        healthcheck:
          test:
            http:
              port: 8080
              path: /healthz
              scheme: https
  d:
    containers:
      main:
        image: d:1
        healthcheck:
          test:
            tcp:
              port: 6379
`,
    check(bp) {
      const hc = (s: string) => bp.services[s]?.containers.main?.healthcheck;
      expect(hc('a')).toEqual({
        test: { exec: ['curl', '-f', 'http://localhost/'] },
        interval: '10s',
        timeout: '2s',
        retries: 3,
        startPeriod: '1m',
        liveness: true,
      });
      expect(hc('b')).toEqual({ test: { shell: 'pg_isready -U app || exit 1' } });
      expect(hc('c')).toEqual({ test: { http: { port: 8080, path: '/healthz', scheme: 'https' } } });
      expect(hc('d')).toEqual({ test: { tcp: { port: 6379 } } });
    },
  },
  {
    area: 'mounts',
    yaml: `metadata:
  name: mounts
services:
  db:
    containers:
      main:
        image: postgres:16
        mounts:
          - type: volume
            source: data
            target: /var/lib/postgresql/data
            subPath: pg
          - type: bind
            source: ./init
            target: /docker-entrypoint-initdb.d
            readOnly: true
          - type: tmpfs
            target: /tmp
            size: 64Mi
          - type: config
            source: pg-conf
            target: /etc/postgresql/postgresql.conf
          - type: secret
            source: pg-password
            target: /run/secrets/pg-password
volumes:
  data: {}
configs:
  pg-conf:
    file: ./postgresql.conf
secrets:
  pg-password:
    environment: PG_PASSWORD
`,
    check(bp) {
      expect(bp.services.db?.containers.main?.mounts).toEqual([
        { type: 'volume', source: 'data', target: '/var/lib/postgresql/data', subPath: 'pg' },
        { type: 'bind', source: './init', target: '/docker-entrypoint-initdb.d', readOnly: true },
        { type: 'tmpfs', target: '/tmp', size: '64Mi' },
        { type: 'config', source: 'pg-conf', target: '/etc/postgresql/postgresql.conf' },
        { type: 'secret', source: 'pg-password', target: '/run/secrets/pg-password' },
      ]);
    },
  },
  {
    area: 'volumes, networks, configs and secrets',
    yaml: `metadata:
  name: res
services:
  web:
    networks: [front, back]
    containers:
      main:
        image: nginx:1.27
        mounts:
          - { type: volume, source: cache, target: /cache }
          - { type: volume, source: shared, target: /shared }
          - { type: volume, source: per, target: /per }
          - { type: volume, source: legacy, target: /legacy }
          - { type: config, source: inline, target: /etc/inline }
          - { type: config, source: ext, target: /etc/ext }
          - { type: secret, source: cert, target: /run/cert }
          - { type: secret, source: vault, target: /run/vault }
volumes:
  cache:
    ephemeral: true
  shared:
    size: 10Gi
    access: shared
    driver: nfs
    labels:
      backup: daily
  per:
    perReplica: true
    size: 1Gi
  legacy:
    external: true
networks:
  front:
    driver: bridge
    labels:
      zone: dmz
  back:
    internal: true
  outside:
    external: true
configs:
  inline:
    content: "worker_processes 1;"
  ext:
    external: true
secrets:
  cert:
    file: ./certs/web.pem
  vault:
    external: true
`,
    check(bp) {
      expect(bp.volumes).toEqual({
        cache: { access: 'single-writer', ephemeral: true },
        shared: { size: '10Gi', access: 'shared', driver: 'nfs', labels: { backup: 'daily' } },
        per: { access: 'single-writer', perReplica: true, size: '1Gi' },
        legacy: { access: 'single-writer', external: true },
      });
      expect(bp.networks).toEqual({
        front: { driver: 'bridge', labels: { zone: 'dmz' } },
        back: { internal: true },
        outside: { external: true },
      });
      expect(bp.configs).toEqual({ inline: { content: 'worker_processes 1;' }, ext: { external: true } });
      expect(bp.secrets).toEqual({ cert: { file: './certs/web.pem' }, vault: { external: true } });
      expect(bp.services.web?.networks).toEqual(['front', 'back']);
    },
  },
  {
    area: 'layout',
    yaml: `metadata:
  name: layout
services:
  web:
    containers:
      main:
        image: nginx:1.27
layout:
  nodes:
    service:web:
      x: 120
      y: -40.5
      width: 240
      height: 160
      collapsed: true
    volume:data:
      x: 0
      y: 0
`,
    check(bp) {
      expect(bp.layout?.nodes).toEqual({
        'service:web': { x: 120, y: -40.5, width: 240, height: 160, collapsed: true },
        'volume:data': { x: 0, y: 0 },
      });
    },
  },
];

function loaded(r: LoadResult): Blueprint {
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(r.blueprint).toBeDefined();
  return r.blueprint as Blueprint;
}

describe('round trip: YAML → blueprint → JSON / YAML → blueprint', () => {
  it.each(cases.map((c) => [c.area, c] as const))('%s', (_, c) => {
    const first = loadBlueprint(HEADER + c.yaml);
    const bp = loaded(first);
    c.check(bp);
    for (const text of [JSON.stringify(bp), JSON.stringify(bp, null, 2), stringify(bp)]) {
      const again = loadBlueprint(text);
      const bp2 = loaded(again);
      c.check(bp2);
      expect(bp2).toEqual(bp);
      expect(again.diagnostics.map((d) => [d.code, d.path])).toEqual(first.diagnostics.map((d) => [d.code, d.path]));
    }
  });

  it('covers every top-level key of the format', () => {
    const keys = new Set(cases.flatMap((c) => Object.keys(loaded(loadBlueprint(HEADER + c.yaml)))));
    expect([...keys].sort()).toEqual([
      'apiVersion',
      'configs',
      'kind',
      'layout',
      'metadata',
      'networks',
      'parameters',
      'secrets',
      'services',
      'volumes',
    ]);
  });
});
