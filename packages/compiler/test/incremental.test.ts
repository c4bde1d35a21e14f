import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Blueprint, type Link, loadBlueprint, type Service } from '@blaupause/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile, createIncrementalCompiler, TARGETS } from '../src';
import { NameAllocator } from '../src/targets/kubernetes/names';

/**
 * The incremental compiler must give exactly what compile() gives — text, source map and notes —
 * after any sequence of edits made the way the canvas makes them (structural sharing: untouched
 * parts stay the same objects). Starting points: every golden blueprint and the examples.
 */

const here = dirname(fileURLToPath(import.meta.url));
const goldenDir = join(here, 'golden');
const sources = [
  ...[goldenDir, join(goldenDir, 'kubernetes')].flatMap((dir) =>
    readdirSync(dir)
      .map((d) => join(dir, d, 'blueprint.yaml'))
      .filter((f) => existsSync(f)),
  ),
  ...['seed-compose', 'patterns'].map((n) => join(here, '..', '..', '..', 'examples', `${n}.blueprint.yaml`)),
];
/** Per-replica and ephemeral volumes: the Docker targets' volume notes read the services' replica counts. */
const REPLICA_VOLUMES = `apiVersion: blaupause.dev/v1
kind: Blueprint
metadata:
  name: replica-volumes
services:
  db:
    containers:
      main:
        image: postgres:16
        mounts:
          - { type: volume, source: data, target: /var/lib/data }
          - { type: volume, source: scratch, target: /tmp/s }
  web:
    replicas: 2
    containers:
      main:
        image: nginx:1.27
        mounts:
          - { type: volume, source: scratch, target: /cache }
volumes:
  data:
    perReplica: true
  scratch:
    ephemeral: true
    size: 64Mi
`;
const bases = [...sources.map((file) => [readFileSync(file, 'utf8'), file] as const), [REPLICA_VOLUMES, 'replica-volumes'] as const].map(
  ([text, file]) => {
    const loaded = loadBlueprint(text, { file });
    if (!loaded.blueprint) throw new Error(`${file} does not load`);
    return loaded.blueprint;
  },
);

type Edit =
  | { op: 'touch' | 'replicas' | 'image' | 'env' | 'remove' | 'publish' | 'segment' | 'move-last' | 'helper'; at: number; n: number }
  | { op: 'add'; at: number; n: number; condition: Link['condition'] }
  | { op: 'link'; at: number; n: number; to: number; condition: Link['condition'] }
  | { op: 'metadata' | 'volume' | 'same'; at: number; n: number };

const condition = fc.constantFrom<Link['condition']>('started', 'healthy', 'completed');
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    op: fc.constantFrom('touch', 'replicas', 'image', 'env', 'remove', 'publish', 'segment', 'move-last', 'helper' as const),
    at: fc.nat(),
    n: fc.integer({ min: 1, max: 9 }),
  }),
  fc.record({ op: fc.constant('add' as const), at: fc.nat(), n: fc.integer({ min: 1, max: 9 }), condition }),
  fc.record({ op: fc.constant('link' as const), at: fc.nat(), n: fc.integer({ min: 1, max: 9 }), to: fc.nat(), condition }),
  fc.record({ op: fc.constantFrom('metadata', 'volume', 'same' as const), at: fc.nat(), n: fc.integer({ min: 1, max: 9 }) }),
) as fc.Arbitrary<Edit>;

/** Applies one edit as the canvas commands do: new objects on the path to the change, the rest shared. */
function apply(bp: Blueprint, e: Edit, step: number): Blueprint {
  const names = Object.keys(bp.services);
  if (e.op === 'same') return bp;
  if (e.op === 'metadata') return { ...bp, metadata: { ...bp.metadata, description: `step ${step}` } };
  if (e.op === 'volume') return { ...bp, volumes: { ...bp.volumes, [`v${e.n}`]: { size: `${e.n}Gi` } } as Blueprint['volumes'] };
  if (e.op === 'add') {
    const to = names[e.at % Math.max(names.length, 1)];
    const svc = {
      mode: 'replicated',
      replicas: 1,
      ports: [{ port: 8000 + e.n, protocol: 'tcp' }],
      ...(to ? { links: [{ to, condition: e.condition }] } : {}),
      containers: { app: { role: 'main', image: `added:${step}` } },
    } as Service;
    return { ...bp, services: { ...bp.services, [`added-${step}`]: svc } };
  }
  const name = names[e.at % names.length];
  if (name === undefined) return bp;
  const s = bp.services[name] as Service;
  const put = (next: Service): Blueprint => ({ ...bp, services: { ...bp.services, [name]: next } });
  const mainKey = Object.keys(s.containers).find((k) => s.containers[k]?.role === 'main') ?? Object.keys(s.containers)[0];
  const main = mainKey === undefined ? undefined : s.containers[mainKey];
  switch (e.op) {
    case 'touch':
      return put({ ...s });
    case 'replicas':
      return put({ ...s, replicas: e.n });
    case 'image':
      return main && mainKey ? put({ ...s, containers: { ...s.containers, [mainKey]: { ...main, image: `changed:${step}` } } }) : bp;
    case 'env':
      return main && mainKey
        ? put({ ...s, containers: { ...s.containers, [mainKey]: { ...main, env: { ...main.env, [`STEP_${step}`]: `v: ${e.n}` } } } })
        : bp;
    case 'helper':
      return put({ ...s, containers: { ...s.containers, [`helper${step}`]: { role: 'sidecar', image: 'helper:1' } } });
    case 'publish':
      return put({ ...s, ports: [...(s.ports ?? []), { port: 9000 + step, protocol: 'tcp', publish: 19000 + step }] });
    case 'segment': {
      const nets = Object.keys(bp.networks ?? {});
      return put(s.networks?.length || nets.length === 0 ? { ...s, networks: undefined } : { ...s, networks: [nets[0] as string] });
    }
    case 'link': {
      const to = names[e.to % names.length] as string;
      return put({ ...s, links: [...(s.links ?? []), { to, condition: e.condition }] });
    }
    case 'remove': {
      const { [name]: _gone, ...rest } = bp.services;
      return { ...bp, services: rest };
    }
    case 'move-last': {
      const { [name]: moved, ...rest } = bp.services;
      return { ...bp, services: { ...rest, [name]: moved as Service } };
    }
  }
}

function expectSame(inc: ReturnType<typeof compile>, full: ReturnType<typeof compile>, where: string): void {
  expect(
    inc.files.map((f) => f.content),
    where,
  ).toEqual(full.files.map((f) => f.content));
  expect(
    inc.files.map((f) => f.sourceMap),
    where,
  ).toEqual(full.files.map((f) => f.sourceMap));
  expect(inc.diagnostics, where).toEqual(full.diagnostics);
}

describe('incremental compile', () => {
  it('equals compile() after every edit of random edit sequences, for every target', () => {
    fc.assert(
      fc.property(fc.nat({ max: bases.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 12 }), (b, edits) => {
        let bp = bases[b] as Blueprint;
        const inc = createIncrementalCompiler();
        for (const t of TARGETS) expectSame(inc.compile(bp, t), compile(bp, t), `${sources[b]} before edits, ${t}`);
        edits.forEach((e, step) => {
          bp = apply(bp, e, step);
          for (const t of TARGETS)
            expectSame(inc.compile(bp, t), compile(bp, t), `${sources[b]} after ${JSON.stringify(edits.slice(0, step + 1))}, ${t}`);
        });
      }),
      { numRuns: 120 },
    );
  });

  it('emits only the edited service again and reuses the others', () => {
    const bp = bases.find((x) => Object.keys(x.services).length >= 3) as Blueprint;
    const inc = createIncrementalCompiler();
    inc.compileAll(bp);
    const first = inc.stats();
    const name = Object.keys(bp.services)[0] as string;
    const edited = apply(bp, { op: 'replicas', at: 0, n: 7 }, 0);
    expect(edited.services[name]?.replicas).toBe(7);
    inc.compileAll(edited);
    const after = inc.stats();
    const services = Object.values(bp.services).filter((s) => Object.values(s.containers).some((c) => c.role === 'main')).length;
    for (const t of TARGETS) {
      expect(after[t].emitted - first[t].emitted, t).toBe(1);
      expect(after[t].reused - first[t].reused, t).toBe(services - 1);
    }
  });

  it('writes the volumes section again when a replica count it reads changed (per-replica and ephemeral volumes)', () => {
    const bp = bases[bases.length - 1] as Blueprint;
    expect(bp.metadata.name).toBe('replica-volumes');
    const inc = createIncrementalCompiler();
    let doc = bp;
    for (const [name, replicas] of [
      ['db', 3],
      ['web', 1],
      ['db', 1],
      ['web', 4],
    ] as const) {
      inc.compileAll(doc);
      doc = { ...doc, services: { ...doc.services, [name]: { ...(doc.services[name] as Service), replicas } } };
      const results = inc.compileAll(doc);
      for (const r of results) expect(r, `${r.target} after ${name} ×${replicas}`).toEqual(compile(doc, r.target));
    }
  });

  it('emits everything again when a shared part changes', () => {
    const bp = bases[0] as Blueprint;
    const inc = createIncrementalCompiler();
    inc.compile(bp, 'kubernetes');
    const before = inc.stats().kubernetes;
    inc.compile({ ...bp, metadata: { ...bp.metadata, labels: { team: 'x' } } }, 'kubernetes');
    expect(inc.stats().kubernetes.reused).toBe(before.reused);
  });
});

describe('NameAllocator journal', () => {
  it('replays the same names, and takes nothing back when one would differ', () => {
    const a = new NameAllocator();
    a.reserve('web');
    a.journal = [];
    a.takeSuffixed('web', 'published');
    a.take('wait-for-db');
    const takes = a.journal;
    a.journal = undefined;
    expect(takes.map((t) => t.out)).toEqual(['web-published', 'wait-for-db']);

    const fresh = new NameAllocator();
    expect(fresh.replay(takes)).toBe(true);
    expect(fresh.take('wait-for-db')).toBe('wait-for-db-2');

    const contested = new NameAllocator();
    contested.reserve('wait-for-db');
    expect(contested.replay(takes)).toBe(false);
    // web-published was given back: taking it now gets the plain name.
    expect(contested.takeSuffixed('web', 'published')).toBe('web-published');
  });
});
