import { describe, expect, it } from 'vitest';
import { loadBlueprint } from '../src/load';
import { MIGRATIONS, migrate } from '../src/migrations';
import { parseExpose } from '../src/migrations/v1alpha1';

const ALPHA = `apiVersion: blaupause.dev/v1alpha1
kind: Blueprint
metadata:
  name: shop
services:
  db:
    expose: [5432]
    containers:
      - name: postgres
        image: postgres:16
        healthcheck:
          test:
            exec: [pg_isready]
  web:
    expose: [80, "8080:81", "127.0.0.1:9090:90/tcp", "53/udp"]
    links: [db, "cache:healthy"]
    containers:
      - name: nginx
        image: nginx:1.27
      - name: sync
        role: sidecar
        image: busybox:1.36
  cache:
    links:
      - to: db
        condition: started
    containers:
      - name: redis
        image: redis:7
        healthcheck:
          test:
            exec: [redis-cli, ping]
`;

describe('migrate', () => {
  it('passes current documents and non-documents through untouched', () => {
    const doc = { apiVersion: 'blaupause.dev/v1', services: {} };
    const r = migrate(doc);
    expect(r.value).toBe(doc);
    expect(r.diagnostics).toEqual([]);
    expect(r.sourcePath(['a', 1])).toEqual(['a', 1]);
    expect(migrate(42).value).toBe(42);
    expect(migrate({ kind: 'Blueprint' }).diagnostics).toEqual([]);
  });

  it('knows every registered step and ends each chain at the current version', () => {
    expect(MIGRATIONS.map((m) => `${m.from} → ${m.to}`)).toEqual(['blaupause.dev/v1alpha1 → blaupause.dev/v1']);
  });

  it.each([
    ['blaupause.dev/v2', 'The apiVersion blaupause.dev/v2 is newer than this Blaupause reads (blaupause.dev/v1).', 'Update Blaupause'],
    ['blaupause.dev/v1beta1', 'The apiVersion blaupause.dev/v1beta1 is not a version Blaupause knows', 'Set apiVersion: blaupause.dev/v1'],
    ['apps/v1', 'The apiVersion apps/v1 is not a blueprint version.', 'blaupause import'],
  ])('refuses apiVersion %s with UNSUPPORTED_VERSION', (version, message, hint) => {
    const r = migrate({ apiVersion: version });
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({
      code: 'UNSUPPORTED_VERSION',
      severity: 'error',
      path: ['apiVersion'],
      elementId: 'blueprint',
    });
    expect(r.diagnostics[0]?.message).toContain(message);
    expect(r.diagnostics[0]?.hint).toContain(hint);
  });
});

describe('v1alpha1 → v1', () => {
  it('migrates container lists, string links and expose, and says so', () => {
    const r = loadBlueprint(ALPHA, { file: 'shop.blueprint.yaml' });
    expect(r.ok).toBe(true);
    expect(r.migratedFrom).toBe('blaupause.dev/v1alpha1');
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.path.join('.'), d.source?.line])).toEqual([
      ['MIGRATED', 'info', 'apiVersion', 1],
    ]);
    expect(r.diagnostics[0]?.message).toBe(
      'The blueprint was migrated from blaupause.dev/v1alpha1 to blaupause.dev/v1 (containers list → map keyed by name; expose → ports; links "target[:condition]" → {to, condition}).',
    );
    const web = r.blueprint?.services.web;
    expect(Object.keys(web?.containers ?? {})).toEqual(['nginx', 'sync']);
    expect(web?.containers.sync?.role).toBe('sidecar');
    expect(web?.links).toEqual([
      { to: 'db', condition: 'started' },
      { to: 'cache', condition: 'healthy' },
    ]);
    expect(web?.ports).toEqual([
      { port: 80, protocol: 'tcp' },
      { port: 81, protocol: 'tcp', publish: 8080 },
      { port: 90, protocol: 'tcp', publish: 9090, hostIp: '127.0.0.1' },
      { port: 53, protocol: 'udp' },
    ]);
    expect(r.blueprint?.services.cache?.links).toEqual([{ to: 'db', condition: 'started' }]);
    expect(r.blueprint?.apiVersion).toBe('blaupause.dev/v1');
  });

  it('places later diagnostics at the v1alpha1 source of what they concern', () => {
    const broken = ALPHA.replace('        image: busybox:1.36\n', '        image: busybox:1.36\n        privileged: true\n').replace(
      'links: [db, "cache:healthy"]',
      'links: [db, "nope:healthy"]',
    );
    const r = loadBlueprint(broken, { file: 'shop.blueprint.yaml' });
    const found = r.diagnostics.filter((d) => d.code !== 'MIGRATED').map((d) => [d.code, d.path.join('.'), d.elementId, d.source?.line]);
    expect(found).toEqual([
      ['DANGEROUS_SETTING', 'services.web.containers.sync.privileged', 'container:web/sync', 23],
      ['DANGLING_LINK', 'services.web.links.1.to', 'link:web->nope', 16],
    ]);
  });

  it('reports containers without or with a repeated name at their list entry', () => {
    const broken = ALPHA.replace('      - name: sync\n', '      - name: nginx\n').replace(
      '      - name: redis\n        image: redis:7',
      '      - image: redis:7',
    );
    const r = loadBlueprint(broken, { file: 'shop.blueprint.yaml' });
    expect(r.ok).toBe(false);
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.path.join('.'), d.source?.line])).toEqual([
      // The unnamed container is left out, so the pod has none left.
      ['NO_MAIN_CONTAINER', 'services.cache.containers', 27],
      ['SCHEMA_REQUIRED', 'services.cache.containers.0.name', 28],
      ['DUPLICATE_NAME', 'services.web.containers.1.name', 20],
    ]);
  });

  it('reports unreadable expose entries and keeps the readable ones', () => {
    const r = loadBlueprint(ALPHA.replace('expose: [5432]', 'expose: [5432, "http"]'));
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.path.join('.'), d.source?.line])).toEqual([
      ['SCHEMA_VALUE', 'services.db.expose.1', 7],
    ]);
    expect(r.blueprint?.services.db?.ports).toEqual([{ port: 5432, protocol: 'tcp' }]);
  });

  it('never mutates its input', () => {
    const doc = {
      apiVersion: 'blaupause.dev/v1alpha1',
      services: { a: { expose: [80], links: ['b'], containers: [{ name: 'x', image: 'y' }] } },
    };
    const before = structuredClone(doc);
    migrate(doc);
    expect(doc).toEqual(before);
  });

  it.each([
    [80, { port: 80 }],
    ['80', { port: 80 }],
    ['53/udp', { port: 53, protocol: 'udp' }],
    ['8080:80', { port: 80, publish: 8080 }],
    ['127.0.0.1:8080:80/tcp', { port: 80, publish: 8080, hostIp: '127.0.0.1', protocol: 'tcp' }],
    ['[::1]:8080:80', { port: 80, publish: 8080, hostIp: '::1' }],
    [80.5, undefined],
    ['http', undefined],
    ['1:2:3:4', undefined],
    [null, undefined],
  ])('parseExpose(%j)', (e, expected) => {
    expect(parseExpose(e)).toEqual(expected);
  });
});
