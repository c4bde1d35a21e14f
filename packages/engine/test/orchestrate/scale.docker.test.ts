import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Orchestrator } from '../../src/docker/orchestrate';
import { cleanup, collect, counted, driver, engine, errorsOf, succeeded } from '../docker/harness';
import { project, replicas, rolloutEvents, webBlueprint } from './fixture';

/** Scaling one service on the real engine: untouched replicas keep their containers; DNS round robin under the service name. */
const c = counted();
const d = driver(c.docker);
const o = new Orchestrator(d);
const P = project('scale');

beforeAll(engine, 60_000);
afterAll(() => cleanup(c.docker, P));

async function resolve(name: string, from: string): Promise<string[]> {
  const exec = await c.docker.getContainer(from).exec({ Cmd: ['nslookup', name], AttachStdout: true, AttachStderr: true });
  const stream = await exec.start({});
  const chunks: Buffer[] = [];
  await new Promise((r) => {
    stream.on('data', (b: Buffer) => chunks.push(b));
    stream.on('end', r);
  });
  const text = Buffer.concat(chunks).toString('latin1');
  // Answers after the "Name:" line; the server's own address (127.0.0.11) comes first.
  const after = text.slice(text.indexOf('Name:'));
  return [...after.matchAll(/Address(?: \d+)?:\s+(\d+\.\d+\.\d+\.\d+)/g)].map((m) => m[1] as string).sort();
}

describe('orchestrator: scale', () => {
  it('scales 1 → 3 → 1 keeping the untouched replica, all answering under the service name', async () => {
    expect(succeeded(await collect(d.apply(webBlueprint(), { project: P })))).toBe(true);
    const [first] = await replicas(c.docker, P);
    expect(first?.name).toBe(`${P}-web-1`);

    const up = await collect(o.scale(P, 'web', 3));
    expect(errorsOf(up)).toEqual([]);
    expect(
      rolloutEvents(up)
        .filter((e) => e.phase === 'added')
        .map((e) => e.replica),
    ).toEqual([2, 3]);
    const three = await replicas(c.docker, P);
    expect(three.map((r) => r.name)).toEqual([`${P}-web-1`, `${P}-web-2`, `${P}-web-3`]);
    expect(three[0]?.id).toBe(first?.id);
    expect(three.every((r) => r.healthy && r.hash === first?.hash)).toBe(true);

    // The copies carry the same limits (resource limits survive a scale).
    const copy = await c.docker.getContainer(three[2]?.id as string).inspect();
    expect(copy.HostConfig.Memory).toBe(64 * 1024 * 1024);
    expect(copy.HostConfig.NanoCpus).toBe(5e8);

    // DNS round robin: the service name answers with every replica's address.
    const ips = (
      await Promise.all(
        three.map(async (r) => (await c.docker.getContainer(r.id).inspect()).NetworkSettings.Networks[`${P}_default`]?.IPAddress),
      )
    ).sort();
    expect(await resolve('web', three[0]?.id as string)).toEqual(ips);
    const st = await o.status(P);
    const entry = st.ok ? st.value[0]?.entry : undefined;
    expect(entry?.name).toBe('web');
    expect(entry?.networks.map((n) => [n.network, [...n.addresses].sort()])).toEqual([[`${P}_default`, ips]]);

    // The copies are what the blueprint asks for: a deploy with replicas: 3 has nothing to do.
    const plan = await d.plan(webBlueprint({ replicas: 3 }), { project: P });
    expect(plan.ok && plan.value.noop).toBe(true);

    const down = await collect(o.scale(P, 'web', 1));
    expect(errorsOf(down)).toEqual([]);
    expect(
      rolloutEvents(down)
        .filter((e) => e.phase === 'removed')
        .map((e) => e.replica),
    ).toEqual([3, 2]);
    const one = await replicas(c.docker, P);
    expect(one.map((r) => r.id)).toEqual([first?.id]);
  }, 120_000);

  it('says which service is missing, and refuses a bad count', async () => {
    expect(errorsOf(await collect(o.scale(P, 'nope', 2)))).toMatchObject([{ code: 'NOT_FOUND' }]);
    expect(errorsOf(await collect(o.scale(P, 'web', -1)))).toMatchObject([{ code: 'INVALID_NAME' }]);
  });
});
