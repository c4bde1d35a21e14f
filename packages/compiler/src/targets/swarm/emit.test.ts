import { Blueprint, type BlueprintInput } from '@blaupause/model';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compile } from '../../compile';

const bp = (services: BlueprintInput['services'], rest: Partial<BlueprintInput> = {}) =>
  Blueprint.parse({ apiVersion: 'blaupause.dev/v1', kind: 'Blueprint', metadata: { name: 'demo' }, services, ...rest });

const swarm = (b: Blueprint) => {
  const r = compile(b, 'swarm');
  const file = r.files[0]!;
  return { doc: parse(file.content), text: file.content, ranges: file.sourceMap, notes: r.diagnostics };
};

describe('swarm emitter', () => {
  const b = bp({
    seed: { containers: { job: { image: 'seed' } } },
    db: { ports: [{ port: 5432 }], containers: { pg: { image: 'postgres' } } },
    web: {
      replicas: 3,
      placement: { constraints: [{ label: 'disk', value: 'ssd' }] },
      rollout: { strategy: 'rolling', maxSurge: 1 },
      links: [
        { to: 'db', env: 'DB' },
        { to: 'seed', condition: 'completed' },
      ],
      containers: {
        init: { role: 'init', image: 'busybox' },
        nginx: { image: 'nginx', restart: 'always' },
        sync: { role: 'sidecar', image: 'git-sync' },
      },
    },
  });

  it('writes a stack: no project name, no depends_on, no network_mode', () => {
    const { doc, text } = swarm(b);
    expect(doc.name).toBeUndefined();
    expect(text).not.toMatch(/depends_on|network_mode|container_name|profiles/);
    expect(doc.services.web.environment).toEqual({ DB: 'tcp://db:5432' });
  });

  it('gives helpers the main service’s replicas, placement and rollout', () => {
    const { web, 'web-sync': sync } = swarm(b).doc.services;
    expect(sync.deploy).toEqual({ ...web.deploy, restart_policy: undefined });
    expect(web.deploy).toEqual({
      replicas: 3,
      restart_policy: { condition: 'any' },
      placement: { constraints: ['node.labels.disk==ssd'] },
      update_config: { parallelism: 1, order: 'start-first' },
      rollback_config: { parallelism: 1, order: 'start-first' },
    });
  });

  it('runs init containers once and lets a job another service waits for finish', () => {
    const s = swarm(b).doc.services;
    expect(s['web-init'].deploy).toEqual({ restart_policy: { condition: 'none' }, placement: { constraints: ['node.labels.disk==ssd'] } });
    expect(s.seed.deploy).toEqual({ replicas: 1, restart_policy: { condition: 'on-failure' } });
    expect(s.db.deploy).toEqual({ replicas: 1 });
  });

  it('notes every link (start order is lost) on the link element', () => {
    const links = swarm(b).notes.filter((n) => n.elementId?.startsWith('link:'));
    expect(links.map((n) => [n.code, n.path.join('.'), n.elementId])).toEqual([
      ['FIDELITY_LOST', 'services.web.links.0', 'link:web->db'],
      ['FIDELITY_LOST', 'services.web.links.1', 'link:web->seed'],
    ]);
  });

  it('joins the host network through the predefined external "host" network', () => {
    const { doc } = swarm(bp({ a: { hostNetwork: true, ports: [{ port: 80, publish: 80 }], containers: { a: { image: 'x' } } } }));
    expect(doc.services.a.networks).toEqual(['host']);
    expect(doc.services.a.ports).toBeUndefined();
    expect(doc.networks).toEqual({ host: { name: 'host', external: true } });
  });

  it('runs a global service in global mode, without replicas', () => {
    expect(swarm(bp({ a: { mode: 'global', containers: { a: { image: 'x' } } } })).doc.services.a.deploy).toEqual({ mode: 'global' });
  });

  it('leaves out configs Swarm cannot create, and their mounts', () => {
    const { doc, notes } = swarm(
      bp(
        {
          a: {
            containers: {
              a: {
                image: 'x',
                mounts: [
                  { type: 'config', source: 'inline', target: '/i' },
                  { type: 'config', source: 'f', target: '/f' },
                ],
              },
            },
          },
        },
        { configs: { inline: { content: 'hello' }, f: { file: 'f.conf' } } },
      ),
    );
    expect(doc.configs).toEqual({ f: { file: 'f.conf' } });
    expect(doc.services.a.configs).toEqual([{ source: 'f', target: '/f' }]);
    expect(notes.map((n) => [n.code, n.path.join('.')])).toEqual([['FIDELITY_LOST', 'configs.inline.content']]);
  });

  it('makes overlay networks attachable and keeps internal ones internal', () => {
    const { doc } = swarm(bp({ a: { networks: ['back'], containers: { a: { image: 'x' } } } }, { networks: { back: { internal: true } } }));
    expect(doc.networks).toEqual({ back: { driver: 'overlay', attachable: true, internal: true } });
    expect(doc.services.a.networks).toEqual(['back']);
  });

  it('tags services and top-level resources for the source map', () => {
    const { text, ranges } = swarm(bp({ a: { networks: ['back'], containers: { a: { image: 'x' } } } }, { networks: { back: {} } }));
    const lines = text.split('\n');
    expect(ranges.map((r) => [r.elementId, lines[r.startLine - 1]?.trim()])).toEqual([
      ['service:a', 'a:'],
      ['network:back', 'back:'],
    ]);
  });
});
