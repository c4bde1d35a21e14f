import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blueprint, cleanup, collect, containerIds, counted, driver, engine, errorsOf, eventually, IMAGE, project } from './harness';

/**
 * A service on two networks is reached by its name on both. The engine takes every network in the
 * create call from API 1.44; older engines (Debian's 20.10 speaks 1.41) get the first there and
 * one connect call per further network.
 */
const c = counted();
const d = driver(c.docker);
const P = project('nets');

beforeAll(engine, 60_000);
afterAll(() => cleanup(c.docker, P));

const client = (network: string) => ({
  networks: [network],
  links: [{ to: 'api' }],
  containers: {
    client: {
      image: IMAGE,
      command: ['sh', '-c', 'until wget -qO /tmp/got http://api/; do sleep 0.1; done; exec sleep 3600'],
      // Healthy once it fetched the api by name over its only network.
      healthcheck: { test: { shell: 'grep -q api /tmp/got' }, interval: '100ms', retries: 100 },
    },
  },
});

describe('Docker driver: networks', () => {
  it('gives a service every network and its alias on each, in as few calls as the engine allows', async () => {
    const bp = blueprint({
      networks: { front: {}, back: {} },
      services: {
        api: {
          networks: ['front', 'back'],
          ports: [{ port: 80 }],
          containers: { api: { image: IMAGE, command: ['sh', '-c', 'echo api > /www/index.html && exec httpd -f -p 80 -h /www'] } },
        },
        a: client('front'),
        b: client('back'),
      },
    });
    c.reset();
    expect(errorsOf(await collect(d.apply(bp, { project: P })))).toEqual([]);
    const connects = c.calls.filter((x) => x.method === 'POST' && /\/networks\/[^/]+\/connect$/.test(x.path)).length;
    const [major = 0, minor = 0] = String((await c.docker.version()).ApiVersion)
      .split('.')
      .map(Number);
    expect(connects).toBe(major > 1 || minor >= 44 ? 0 : 1);

    const ids = await containerIds(c.docker, P);
    const api = await c.docker.getContainer(ids[`${P}-api-1`] as string).inspect();
    expect(Object.keys(api.NetworkSettings.Networks).sort()).toEqual([`${P}_back`, `${P}_front`]);
    for (const n of Object.values(api.NetworkSettings.Networks)) expect(n.Aliases).toContain('api');
    for (const name of [`${P}-a-1`, `${P}-b-1`])
      await eventually(
        async () => ((await c.docker.getContainer(ids[name] as string).inspect()).State.Health?.Status === 'healthy' ? true : undefined),
        15_000,
        `${name} to fetch the api by name`,
      );
  });
});
