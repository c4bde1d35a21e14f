import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_RUN_LABEL, testRunId } from '../../../../scripts/docker-env.mjs';
import { LABEL } from '../../src/docker/labels';
import { blueprint, cleanup, collect, counted, driver, engine, errorsOf, IMAGE, project, succeeded } from '../docker/harness';

/**
 * Ownership (issue 5): containers, networks and volumes that carry a project's Compose labels but
 * not our ownership label are somebody else's — `docker compose` itself, or a look-alike planted to
 * be removed. Deploying, redeploying and tearing the project down never stop, remove or reuse them.
 */
const c = counted();
const d = driver(c.docker);
const P = project('owner');
const FOREIGN = `${P}-foreign`;

beforeAll(engine, 60_000);
afterAll(async () => {
  for (const n of [`${FOREIGN}-c`])
    await c.docker
      .getContainer(n)
      .remove({ force: true })
      .catch(() => {});
  await c.docker
    .getNetwork(`${FOREIGN}-net`)
    .remove()
    .catch(() => {});
  await c.docker
    .getVolume(`${FOREIGN}-vol`)
    .remove()
    .catch(() => {});
  await cleanup(c.docker, P);
});

/** Exactly the labels our own resources get, minus dev.blaupause.managed. */
const lookAlike = (extra: Record<string, string>) => ({
  [LABEL.project]: P,
  [LABEL.oneoff]: 'False',
  [LABEL.element]: 'container:web/main',
  [LABEL.blueprintService]: 'web',
  ...extra,
});

describe('Docker driver: what it did not create, it never touches', () => {
  it('a foreign container, network and volume with the project’s labels survive deploy, redeploy, removal of the service and down', async () => {
    const net = await c.docker.createNetwork({ Name: `${FOREIGN}-net`, Labels: lookAlike({ [LABEL.network]: 'default' }) });
    await c.docker.createVolume({ Name: `${FOREIGN}-vol`, Labels: lookAlike({ [LABEL.volume]: 'data' }) });
    const foreign = await c.docker.createContainer({
      name: `${FOREIGN}-c`,
      Image: IMAGE,
      Cmd: ['sleep', '3600'],
      // Same slot as the service's first replica: the diff must not take it for ours (stale, orphan or duplicate).
      Labels: lookAlike({
        [LABEL.service]: 'web',
        [LABEL.number]: '1',
        [LABEL.configHash]: 'stale',
        [LABEL.container]: 'main',
        [LABEL.role]: 'main',
      }),
    });
    await foreign.start();
    const survives = async () => {
      const i = await foreign.inspect();
      expect(i.State.Running).toBe(true);
      expect(i.RestartCount).toBe(0);
      expect(i.State.StartedAt).toBe(started);
      expect((await c.docker.getNetwork(net.id).inspect()).Id).toBe(net.id);
      expect((await c.docker.getVolume(`${FOREIGN}-vol`).inspect()).Name).toBe(`${FOREIGN}-vol`);
    };
    const started = (await foreign.inspect()).State.StartedAt;
    c.reset();
    const ours = (x: { path: string }) => !(x.path.includes(foreign.id) || x.path.includes(FOREIGN) || x.path.includes(net.id));

    const two = blueprint({
      services: {
        web: { containers: { main: { image: IMAGE, command: ['sleep', '3600'] } } },
        other: { containers: { main: { image: IMAGE, command: ['sleep', '3600'] } } },
      },
      volumes: { data: {} },
    });
    const plan = await d.plan(two, { project: P });
    expect(plan.ok && plan.value.actions.filter((a) => a.kind !== 'create')).toEqual([]);
    expect(succeeded(await collect(d.apply(two, { project: P })))).toBe(true);
    await survives();

    // A changed blueprint: one service goes away (removals), the other is recreated.
    const one = blueprint({ services: { web: { containers: { main: { image: IMAGE, command: ['sleep', '3601'] } } } } });
    const events = await collect(d.apply(one, { project: P }));
    expect(errorsOf(events)).toEqual([]);
    await survives();
    expect(c.mutating().length).toBeGreaterThan(0);
    expect(c.mutating().filter((x) => !ours(x))).toEqual([]);

    c.reset();
    expect(succeeded(await collect(d.destroy(P, { volumes: ['data'] })))).toBe(true);
    await survives();
    expect(c.mutating().filter((x) => !ours(x))).toEqual([]);
    // Only the look-alikes are left of the project.
    const left = await c.docker.listContainers({ all: true, filters: { label: [`${LABEL.project}=${P}`] } });
    expect(left.map((x) => x.Id)).toEqual([foreign.id]);
  }, 90_000);

  it('a foreign volume under the very name a blueprint volume gets is refused (NOT_OWNED), not mounted', async () => {
    const Q = project('vol');
    const name = `${Q}_data`;
    await c.docker.createVolume({ Name: name, Labels: { owner: 'someone else' } });
    try {
      const bp = blueprint({
        services: {
          web: {
            containers: { main: { image: IMAGE, command: ['sleep', '3600'], mounts: [{ type: 'volume', source: 'data', target: '/d' }] } },
          },
        },
        volumes: { data: {} },
      });
      c.reset();
      const events = await collect(d.apply(bp, { project: Q }));
      expect(errorsOf(events)).toEqual([expect.objectContaining({ code: 'NOT_OWNED', elementId: 'volume:data' })]);
      expect(c.mutating()).toEqual([]);
      // Its labels as created (the harness adds the test-run label to every create): nothing of ours was added.
      expect((await c.docker.getVolume(name).inspect()).Labels).toEqual({ owner: 'someone else', [TEST_RUN_LABEL]: testRunId() });
    } finally {
      await cleanup(c.docker, Q);
      await c.docker
        .getVolume(name)
        .remove()
        .catch(() => {});
    }
  }, 60_000);
});
