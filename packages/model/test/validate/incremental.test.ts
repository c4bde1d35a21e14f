import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic';
import type { Blueprint } from '../../src/schema/blueprint';
import type { Container } from '../../src/schema/container';
import type { Service } from '../../src/schema/service';
import { createValidator } from '../../src/validate/incremental';
import { validate } from '../../src/validate/validate';

// Documents edited the way commands edit them: each edit makes new objects along its path and
// keeps every other service, section and container by identity — what the validator relies on.

const NAMES = ['a', 'b', 'c', 'd', 'a-proxy', 'b-canary', 'wait', '9lives', 'e'];
const IMAGES = ['nginx:1.27', 'Not/A Valid', 'redis:7', '${IMG}', 'postgres:16'];
const VOLUMES = ['v1', 'v2', 'gone'];

type Step = [kind: number, at: number, x: number, y: number];

const main = (image = 'nginx:1.27'): Container => ({ role: 'main', image }) as Container;

function service(x: number): Service {
  const s: Service = { mode: 'replicated', replicas: 1 + (x % 3), containers: { main: main(IMAGES[x % IMAGES.length]) } } as Service;
  if (x % 4 === 1) s.ports = [{ port: 8080, protocol: 'tcp', publish: 9000 }];
  if (x % 5 === 2) s.links = [{ to: 'a', condition: 'started' }];
  return s;
}

const withMain = (s: Service, change: (c: Container) => Container): Service => {
  const [name, c] = Object.entries(s.containers).find(([, c]) => c.role === 'main') ?? ['main', main()];
  return { ...s, containers: { ...s.containers, [name]: change(c) } };
};

/** One edit of the document: which kind, which service (at), and two choices (x, y). */
function edit(bp: Blueprint, [kind, at, x, y]: Step): Blueprint {
  const names = Object.keys(bp.services);
  const pick = names[at % Math.max(names.length, 1)];
  const s = pick === undefined ? undefined : bp.services[pick];
  const put = (next: Service): Blueprint => ({ ...bp, services: { ...bp.services, [pick as string]: next } });
  const entries = Object.entries(bp.services);
  switch (kind) {
    case 0: // a service added (perhaps under a name a helper or canary compiles to)
      return { ...bp, services: { ...bp.services, [NAMES[x % NAMES.length] as string]: service(y) } };
    case 1: // removed
      return pick === undefined ? bp : { ...bp, services: Object.fromEntries(entries.filter(([n]) => n !== pick)) };
    case 2: {
      // renamed in place (the same object under a new name)
      const to = NAMES[x % NAMES.length] as string;
      if (pick === undefined || Object.hasOwn(bp.services, to)) return bp;
      return { ...bp, services: Object.fromEntries(entries.map(([n, v]) => [n === pick ? to : n, v])) };
    }
    case 3: // moved to the end (document order)
      return pick === undefined || !s ? bp : { ...bp, services: Object.fromEntries([...entries.filter(([n]) => n !== pick), [pick, s]]) };
    case 4: // image of the main container
      return s ? put(withMain(s, (c) => ({ ...c, image: IMAGES[x % IMAGES.length] }))) : bp;
    case 5: {
      // ports: repeated, published (clashing or on another address), ingress routes, udp
      if (!s) return bp;
      const pool = [
        { port: 8080, protocol: 'tcp' },
        { port: 8080, protocol: 'tcp', publish: 9000 },
        { port: 8081, protocol: 'tcp', publish: 9000, hostIp: '127.0.0.1' },
        { port: 53, protocol: 'udp', ingress: { path: '/' } },
        { port: 80, protocol: 'tcp', name: 'http', ingress: { host: 'x.test', path: '/' } },
        { port: 81, protocol: 'tcp', name: 'http', ingress: { path: '/api/' } },
      ] as NonNullable<Service['ports']>;
      const ports = [0, 1, 2].filter((i) => (x >> i) & 1).map((i) => pool[(i + y) % pool.length]) as NonNullable<Service['ports']>;
      return put({ ...s, ports: x % 9 === 0 ? undefined : ports });
    }
    case 6: {
      // links: to services, to themselves, to none (dangling), healthy, on a port, repeated — cycles
      if (!s || pick === undefined) return bp;
      const targets = [...names, 'nowhere', pick];
      const links = [0, 1].slice(0, 1 + (x % 2)).map((i) => ({
        to: targets[(x + i * (y % 4) + y) % targets.length] as string,
        condition: (y + i) % 3 === 0 ? 'healthy' : 'started',
        ...((y >> 2) % 3 === 1 ? { port: 8080 } : {}),
        ...((y >> 2) % 3 === 2 ? { env: 'URL' } : {}),
      })) as NonNullable<Service['links']>;
      return put({ ...s, links: x % 7 === 0 ? undefined : links });
    }
    case 7: // healthcheck of the main container added or removed
      return s
        ? put(
            withMain(s, (c) =>
              x % 2
                ? ({ ...c, healthcheck: { test: { http: { port: 8080, path: '/' } } } } as Container)
                : { ...c, healthcheck: undefined },
            ),
          )
        : bp;
    case 8: {
      // mounts: volumes (read-write or read-only), a config, a secret, an undeclared volume
      if (!s) return bp;
      const pool = [
        { type: 'volume', source: VOLUMES[y % VOLUMES.length], target: '/data' },
        { type: 'volume', source: 'v1', target: '/ro', readOnly: true },
        { type: 'config', source: 'cfg', target: '/etc/cfg' },
        { type: 'secret', source: 'sec', target: '/run/sec' },
        { type: 'volume', source: 'v2', target: '/data/', subPath: '../x' },
      ] as NonNullable<Container['mounts']>;
      return put(withMain(s, (c) => ({ ...c, mounts: pool.filter((_, i) => (x >> i) & 1) })));
    }
    case 9: // networks joined
      return s ? put({ ...s, networks: [undefined, ['front'], ['inside'], ['missing'], ['front', 'front']][x % 5] }) : bp;
    case 10: {
      // replicas, mode, scaling, rollout
      if (!s) return bp;
      const variants: Partial<Service>[] = [
        { replicas: 1, mode: 'replicated', scaling: undefined, rollout: undefined },
        { replicas: 3 },
        { mode: 'global', replicas: 2 },
        { scaling: { min: 1, max: 4, targetCPU: 80 } as Service['scaling'] },
        { rollout: { strategy: 'canary', canary: { replicas: 1, image: 'BAD IMAGE' } } as Service['rollout'] },
        { rollout: { strategy: 'canary' } as Service['rollout'] },
      ];
      return put({ ...s, ...variants[x % variants.length] });
    }
    case 11: {
      // containers: helpers (whose compiled names may clash), wait-for-<name>, no main, two mains
      if (!s) return bp;
      const helper = ['proxy', `wait-for-${names[y % Math.max(names.length, 1)]}`, 'canary', 'Bad_Name'][x % 4] as string;
      const variants: Record<string, Container>[] = [
        {
          main: main(),
          [helper]: { role: x % 2 ? 'sidecar' : 'init', image: 'envoy:1', healthcheck: { test: { tcp: { port: 8080 } } } } as Container,
        },
        { main: main() },
        { one: { role: 'sidecar', image: 'x:1' } as Container },
        { one: main(), two: main() },
      ];
      return put({ ...s, containers: variants[y % variants.length] as Record<string, Container> });
    }
    case 12: {
      // volumes declared: single-writer, shared, per replica, ephemeral, gone
      const pool = [{ access: 'single-writer' }, { access: 'shared' }, { access: 'single-writer', perReplica: true }, { ephemeral: true }];
      const volumes = { ...bp.volumes } as Record<string, unknown>;
      const name = VOLUMES[x % VOLUMES.length] as string;
      if (y % 5 === 4) delete volumes[name];
      else volumes[name] = pool[y % pool.length];
      return { ...bp, volumes: volumes as Blueprint['volumes'] };
    }
    case 13: {
      // networks declared: internal or not, or gone
      const networks = { ...bp.networks } as Record<string, unknown>;
      const name = ['front', 'inside', 'spare'][x % 3] as string;
      if (y % 3 === 2) delete networks[name];
      else networks[name] = y % 3 === 1 ? { internal: true } : {};
      return { ...bp, networks: networks as Blueprint['networks'] };
    }
    case 14: // parameters declared or not
      return { ...bp, parameters: x % 2 ? { IMG: { default: 'nginx:1' } } : undefined } as Blueprint;
    case 15: // configs and secrets declared or not
      return {
        ...bp,
        configs: x % 2 ? { cfg: { content: 'x' } } : undefined,
        secrets: y % 2 ? { sec: { file: '/etc/${SECRET}' } } : undefined,
      } as Blueprint;
    case 16: // labels (reserved or not), the blueprint's name
      return x % 2
        ? s
          ? put({ ...s, labels: y % 2 ? { 'dev.blaupause.owner': 'x' } : { team: 'a' } })
          : bp
        : { ...bp, metadata: { ...bp.metadata, name: y % 3 ? `app-${y % 3}` : 'Bad Name' } };
    default: // nothing changed but the layout (a new document, the same parts)
      return { ...bp };
  }
}

const START: Blueprint = {
  apiVersion: 'blaupause.dev/v1',
  kind: 'Blueprint',
  metadata: { name: 'app' },
  services: { a: service(0), b: service(1), c: service(2), d: service(6) },
  volumes: { v1: { access: 'single-writer' } },
} as Blueprint;

const steps = fc.array(fc.tuple(fc.nat(17), fc.nat(50), fc.nat(1000), fc.nat(1000)), { minLength: 60, maxLength: 60 });

/** Runs `runs` random edit sequences; after each step the validator must answer what validate() does. */
function check(make: () => (bp: Blueprint) => Diagnostic[], runs: number, seed: number): { reported: number; codes: Set<string> } {
  let reported = 0;
  const codes = new Set<string>();
  for (const [run, edits] of fc.sample(steps, { numRuns: runs, seed }).entries()) {
    const validator = make();
    let bp = START;
    for (const [step, e] of [[-1, 0, 0, 0] as Step, ...edits].entries()) {
      if (e[0] >= 0) bp = edit(bp, e);
      // A structured copy: no object shared with what the validator saw before.
      const fresh = validate(structuredClone(bp));
      expect(validator(bp), `run ${run} step ${step} (edit ${JSON.stringify(e)})`).toEqual(fresh);
      reported += fresh.length;
      for (const d of fresh) codes.add(d.code);
    }
  }
  return { reported, codes };
}

describe('createValidator', () => {
  it('answers exactly what validate() does after every edit of random edit sequences', () => {
    const { reported, codes } = check(createValidator, 60, 20261130);
    // The sequences trip every kind of check, over many reports.
    expect(reported).toBeGreaterThan(5000);
    for (const code of [
      'DANGLING_LINK',
      'SELF_LINK',
      'DUPLICATE_LINK',
      'NO_HEALTHCHECK',
      'LINK_PORT_UNKNOWN',
      'LINK_NO_PORT',
      'DEPENDENCY_CYCLE',
      'DUPLICATE_PORT',
      'PORT_CONFLICT',
      'INGRESS_CONFLICT',
      'INGRESS_NEEDS_HTTP',
      'UNUSED_VOLUME',
      'UNUSED_NETWORK',
      'UNUSED_CONFIG',
      'UNUSED_SECRET',
      'DANGLING_VOLUME',
      'DANGLING_NETWORK',
      'DANGLING_CONFIG',
      'DANGLING_SECRET',
      'INTERNAL_PUBLISH',
      'SINGLE_WRITER_SHARED',
      'DUPLICATE_NAME',
      'INVALID_NAME',
      'INVALID_IMAGE_REF',
      'UNKNOWN_PARAMETER',
      'NO_MAIN_CONTAINER',
      'MULTIPLE_MAIN_CONTAINERS',
      'RESERVED_LABEL',
      'CANARY_WITHOUT_REPLICAS',
      'EMPTY_BLUEPRINT',
    ])
      expect(codes, code).toContain(code);
  });

  it('keeps the answer (the same array) while nothing in it changed', () => {
    const validator = createValidator();
    const first = validator(START);
    expect(validator({ ...START })).toBe(first);
    const a = START.services.a as Service;
    const edited = { ...START, services: { ...START.services, a: { ...a, replicas: 2 } } };
    expect(validator(edited)).toBe(first);
  });
});
