import { Blueprint, type BlueprintInput } from '@blaupause/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { yamlString } from '../../../test/yaml-arbitraries';
import { emitTarget } from '../../compile';
import { plan } from '../../plan/plan';

/**
 * The Compose fast path (composeShaped, yaml/shape.ts) against the object path it stands for:
 * the same text, source map and notes for generated blueprints whose services recur with the
 * same shape and other values (holes), and vary in which keys are present, list lengths,
 * YAML-special and multi-line strings, numbers that look like strings and empty lists.
 */

const NAMES = ['web', 'db', 'api', 'no', 'e1', 'svc-1', 'svc'];
const text = fc.oneof(
  { weight: 3, arbitrary: yamlString },
  fc.constantFrom('8080', '1.0', 'a\nb', 'x\n', '$HOME', 'a: b', '', ' lead', 'svc-1'),
);
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 2 });
const words = fc.array(text, { maxLength: 3 });

const container = (role: 'main' | 'sidecar' | 'init') =>
  fc
    .record(
      {
        image: maybe(
          fc.oneof(
            fc.constantFrom('nginx:1.27', 'redis:7', 'e1'),
            yamlString.filter((s) => s.length > 0),
          ),
        ),
        command: maybe(words),
        args: maybe(words),
        workingDir: maybe(text),
        user: maybe(text),
        env: maybe(fc.dictionary(fc.oneof(fc.constantFrom('A', 'LOG', '1', 'x y'), yamlString), text, { maxKeys: 3 })),
        healthcheck: maybe(
          fc.record(
            {
              test: fc.oneof(
                fc.record({ exec: fc.array(text, { minLength: 1, maxLength: 3 }) }),
                fc.record({ shell: fc.constantFrom('true', 'curl -f localhost') }),
                fc.record({ tcp: fc.record({ port: fc.constantFrom(80, 8080) }) }),
              ),
              interval: maybe(fc.constantFrom('10s', '1m')),
              timeout: maybe(fc.constantFrom('2s')),
              retries: maybe(fc.constantFrom(1, 3)),
              startPeriod: maybe(fc.constantFrom('5s')),
              liveness: maybe(fc.boolean()),
            },
            { requiredKeys: ['test'] },
          ),
        ),
        resources: maybe(
          fc.record({ limits: maybe(fc.record({ cpus: maybe(fc.constantFrom(0.5, 2)), memory: maybe(fc.constantFrom('256Mi', '1Gi')) })) }),
        ),
        mounts: maybe(
          fc.array(
            fc.oneof(
              fc.record({
                type: fc.constant('volume' as const),
                source: fc.constantFrom('data', 'nope'),
                target: fc.constantFrom('/data', '/a b'),
                subPath: maybe(text),
              }),
              fc.record({
                type: fc.constant('bind' as const),
                source: fc.constantFrom('./src', 'src', '${DIR}/x'),
                target: fc.constant('/src'),
                readOnly: maybe(fc.boolean()),
              }),
              fc.record({ type: fc.constant('tmpfs' as const), target: fc.constant('/tmp'), size: maybe(fc.constantFrom('64Mi')) }),
              fc.record({ type: fc.constant('config' as const), source: fc.constantFrom('conf'), target: fc.constant('/etc/conf') }),
            ),
            { maxLength: 2 },
          ),
        ),
        restart: maybe(fc.constantFrom('no' as const, 'always' as const)),
        privileged: maybe(fc.boolean()),
        capAdd: maybe(fc.array(fc.constantFrom('NET_ADMIN', 'SYS_TIME'), { maxLength: 2 })),
        readOnlyRootFilesystem: maybe(fc.boolean()),
      },
      { requiredKeys: [] },
    )
    .map((c) => ({ ...c, role }));

const service = fc.record(
  {
    replicas: maybe(fc.constantFrom(0, 1, 3)),
    ports: maybe(
      fc.array(
        fc.record({
          port: fc.constantFrom(80, 8080),
          publish: maybe(fc.constantFrom(8080, 9000)),
          protocol: maybe(fc.constantFrom('tcp' as const, 'udp' as const)),
        }),
        { maxLength: 2 },
      ),
    ),
    links: maybe(
      fc.array(
        fc.record({
          to: fc.constantFrom(...NAMES),
          condition: maybe(fc.constantFrom('started' as const, 'healthy' as const)),
          env: maybe(fc.constantFrom('UP_URL', 'A')),
          required: maybe(fc.boolean()),
        }),
        { maxLength: 2 },
      ),
    ),
    labels: maybe(fc.dictionary(fc.constantFrom('team', 'dev.blaupause.role', 'x'), text, { maxKeys: 2 })),
    profiles: maybe(fc.array(fc.constantFrom('debug', 'ops'), { maxLength: 2 })),
    hostNetwork: maybe(fc.boolean()),
    hostPid: maybe(fc.boolean()),
    networks: maybe(fc.array(fc.constantFrom('default', 'back'), { maxLength: 2 })),
    main: container('main'),
    sidecar: maybe(container('sidecar')),
    init: maybe(container('init')),
  },
  { requiredKeys: ['main'] },
);

const blueprint = fc.dictionary(fc.constantFrom(...NAMES), service, { minKeys: 1, maxKeys: 5 }).map((services): BlueprintInput => {
  const out: NonNullable<BlueprintInput['services']> = {};
  for (const [name, s] of Object.entries(services)) {
    const { main, sidecar, init, ...rest } = s;
    out[name] = { ...rest, containers: { app: main, ...(sidecar ? { proxy: sidecar } : {}), ...(init ? { setup: init } : {}) } } as never;
  }
  return {
    apiVersion: 'blaupause.dev/v1',
    kind: 'Blueprint',
    metadata: { name: 'shapes' },
    services: out,
    volumes: { data: { size: '1Gi' } },
    networks: { back: {} },
    configs: { conf: { file: './conf' } },
  } as BlueprintInput;
});

// Strings whose values the schema constrains (enums, names, formats): kept when varying a service.
const FIXED = new Set([
  'role',
  'type',
  'to',
  'condition',
  'protocol',
  'restart',
  'source',
  'size',
  'memory',
  'interval',
  'timeout',
  'startPeriod',
  'networks',
  'profiles',
  'capAdd',
]);

/** `v` with its free strings replaced, in order, by `pool`'s (cycled): the same keys and list lengths, other values. */
function vary(v: unknown, pool: readonly string[], at: { i: number }, key = ''): unknown {
  if (typeof v === 'string') return FIXED.has(key) ? v : (pool[at.i++ % pool.length] as string);
  if (Array.isArray(v)) return v.map((x) => vary(x, pool, at, key));
  if (typeof v !== 'object' || v === null) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = vary(x, pool, at, k);
  return out;
}

/** The same services again, with other values (each shape used several times, its holes filled differently). */
const repeated = fc
  .tuple(blueprint, fc.integer({ min: 1, max: 4 }), fc.array(text, { minLength: 1, maxLength: 6 }))
  .map(([bp, times, pool]) => {
    const services: Record<string, unknown> = {};
    const at = { i: 0 };
    for (let t = 0; t < times; t++)
      for (const [name, s] of Object.entries(bp.services ?? {}))
        services[t === 0 ? name : `${name}-r${t}x`] = t === 0 ? s : vary(s, pool, at);
    return { ...bp, services } as BlueprintInput;
  });

describe('Compose shapes', () => {
  it('write what the objects write: text, source map and notes', () => {
    fc.assert(
      fc.property(repeated, (input) => {
        const parsed = Blueprint.safeParse(input);
        fc.pre(parsed.success);
        const bp = parsed.data as Blueprint;
        const objects = emitTarget(plan(bp), 'compose', {}, undefined, false);
        const shapes = emitTarget(plan(bp), 'compose', {}, undefined, true);
        expect(shapes.files[0]?.content).toBe(objects.files[0]?.content);
        expect(shapes.files[0]?.sourceMap).toEqual(objects.files[0]?.sourceMap);
        expect(shapes.diagnostics).toEqual(objects.diagnostics);
      }),
      { numRuns: 300 },
    );
  });
});
