import { Blueprint, type BlueprintInput } from '@blaupause/model';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compile } from '../../compile';

const bp = (services: BlueprintInput['services'], rest: Partial<BlueprintInput> = {}) =>
  Blueprint.parse({ apiVersion: 'blaupause.dev/v1', kind: 'Blueprint', metadata: { name: 'demo' }, services, ...rest });

const compose = (b: Blueprint) => {
  const r = compile(b, 'compose');
  const file = r.files[0]!;
  return { doc: parse(file.content), text: file.content, ranges: file.sourceMap, notes: r.diagnostics };
};

const pod = bp({
  db: { ports: [{ port: 5432 }], containers: { pg: { image: 'postgres', healthcheck: { test: { exec: ['pg_isready'] } } } } },
  web: {
    replicas: 2,
    links: [{ to: 'db', condition: 'healthy', env: 'DB', required: false }],
    containers: {
      first: { role: 'init', image: 'busybox', args: ['one'] },
      second: { role: 'init', image: 'busybox', args: ['two'] },
      nginx: { image: 'nginx' },
      sync: { role: 'sidecar', image: 'git-sync' },
    },
  },
});

describe('compose emitter', () => {
  it('names the project and orders services: dependencies first, then inits, main, helpers', () => {
    const { doc } = compose(pod);
    expect(doc.name).toBe('demo');
    expect(Object.keys(doc.services)).toEqual(['db', 'web-first', 'web-second', 'web', 'web-sync']);
  });

  it('chains init containers and makes the main container wait for links and inits', () => {
    const s = compose(pod).doc.services;
    expect(s['web-first'].depends_on).toEqual({ db: { condition: 'service_healthy', required: false } });
    expect(s['web-first'].restart).toBe('no');
    expect(s['web-second'].depends_on).toEqual({ 'web-first': { condition: 'service_completed_successfully' } });
    expect(s.web.depends_on).toEqual({
      db: { condition: 'service_healthy', required: false },
      'web-first': { condition: 'service_completed_successfully' },
      'web-second': { condition: 'service_completed_successfully' },
    });
    expect(s.web.environment).toEqual({ DB: 'tcp://db:5432' });
  });

  it('takes a second link to the same service (DUPLICATE_LINK) as the first one, whatever its condition', () => {
    const dup = bp({
      db: { ports: [{ port: 5432 }], containers: { pg: { image: 'postgres', healthcheck: { test: { exec: ['pg_isready'] } } } } },
      api: { links: [{ to: 'db', condition: 'healthy' }, { to: 'db' }], containers: { main: { image: 'api' } } },
    });
    expect(compose(dup).doc.services.api.depends_on).toEqual({ db: { condition: 'service_healthy' } });
  });

  it('puts helpers into the main container’s network namespace', () => {
    const s = compose(pod).doc.services;
    expect(s['web-sync']).toMatchObject({ network_mode: 'service:web', depends_on: { web: { condition: 'service_started' } } });
    expect(s['web-sync'].networks).toBeUndefined();
    expect(s['web-sync'].ports).toBeUndefined();
  });

  it('labels every service under dev.blaupause.* and never com.docker.compose.*', () => {
    const { doc, text } = compose(pod);
    expect(doc.services['web-sync'].labels).toEqual({
      'dev.blaupause.element': 'container:web/sync',
      'dev.blaupause.service': 'web',
      'dev.blaupause.role': 'sidecar',
    });
    expect(text).not.toContain('com.docker.compose');
  });

  it('maps each service, helper, init and link to its lines (source map)', () => {
    const { text, ranges } = compose(pod);
    const lines = text.split('\n');
    const at = (id: string) => ranges.filter((r) => r.elementId === id).map((r) => lines[r.startLine - 1]?.trim());
    expect(at('service:web')).toEqual(['web:']);
    expect(at('service:db')).toEqual(['db:']);
    expect(at('container:web/sync')).toEqual(['web-sync:']);
    expect(at('container:web/first')).toEqual(['web-first:']);
    expect(at('link:web->db')).toEqual(['db:', 'db:']); // in the first init and in the main service
  });

  it('notes what Compose cannot say, on the element concerned', () => {
    const { notes } = compose(pod);
    expect(notes.map((n) => [n.code, n.path.join('.'), n.elementId])).toEqual([
      ['FIDELITY_APPROXIMATED', 'services.web.containers.first', 'container:web/first'],
      ['FIDELITY_APPROXIMATED', 'services.web.containers.second', 'container:web/second'],
      ['FIDELITY_APPROXIMATED', 'services.web.containers.sync', 'container:web/sync'],
    ]);
    expect(notes.every((n) => n.target === 'compose')).toBe(true);
  });

  it('escapes bare dollars (Compose would interpolate them) and keeps ${PARAM} references', () => {
    const b = bp({ a: { containers: { a: { image: 'x', env: { A: '$HOME ${P}' }, args: ['echo', '$$x'] } } } }, { parameters: { P: {} } });
    const s = compose(b).doc.services.a;
    expect(s.environment).toEqual({ A: '$$HOME ${P}' });
    expect(s.command).toEqual(['echo', '$$x']);
    expect(b.services.a?.containers.a?.env).toEqual({ A: '$HOME ${P}' });
  });

  it('uses the host network mode without networks or ports', () => {
    const s = compose(bp({ a: { hostNetwork: true, ports: [{ port: 80, publish: 80 }], containers: { a: { image: 'x' } } } })).doc.services
      .a;
    expect(s.network_mode).toBe('host');
    expect(s.networks).toBeUndefined();
    expect(s.ports).toBeUndefined();
  });

  it('is deterministic', () => {
    expect(compose(pod).text).toBe(compose(pod).text);
  });

  it('compiles a thousand-service blueprint', () => {
    const services: BlueprintInput['services'] = {};
    for (let i = 0; i < 1000; i++)
      services[`s${i}`] = {
        replicas: 2,
        ports: [{ port: 80 }],
        links: i > 0 ? [{ to: `s${i - 1}`, env: 'UP' }] : [],
        containers: { main: { image: 'nginx', env: { A: 'b' }, resources: { limits: { cpus: 1, memory: '128Mi' } } } },
      };
    const { doc } = compose(bp(services));
    expect(Object.keys(doc.services)).toHaveLength(1000);
    expect(doc.services.s999.depends_on).toEqual({ s998: { condition: 'service_started' } });
  });
});
