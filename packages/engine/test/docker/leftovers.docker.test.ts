import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dockerSocket, sweepTestLeftovers, TEST_RUN_LABEL, testRunId } from '../../../../scripts/docker-env.mjs';
import { LABEL } from '../../src/docker/labels';
import { engine, IMAGE } from './harness';

/**
 * The sweep `npm test` runs first, against the real engine: what a finished test run labelled goes
 * (container, network, volume); a run still going, a user's deployment and a recent unlabelled
 * test project stay.
 */
const docker = new Docker({ socketPath: dockerSocket() });
const id = randomBytes(3).toString('hex');
const [host] = testRunId().split(':');
// A test process that has ended: its pid is free.
const ended = `${host}:${spawnSync(process.execPath, ['-e', '0']).pid}`;
const names = {
  ended: `bpt-sweep-${id}`,
  going: `bpt-sweepgoing-${id}`,
  user: `shop-${id}`,
  cli: `bpcli-sweep-${id}`,
};
const owned = (project: string, more: Record<string, string> = {}) => ({ [LABEL.project]: project, [LABEL.managed]: 'true', ...more });
const box = (name: string, Labels: Record<string, string>) =>
  docker.createContainer({ name, Image: IMAGE, Cmd: ['sleep', '3600'], Labels, HostConfig: { Init: true } });

beforeAll(engine, 60_000);

afterAll(async () => {
  for (const n of Object.values(names)) {
    await docker
      .getContainer(`${n}-web-1`)
      .remove({ force: true })
      .catch(() => {});
    await docker
      .getNetwork(`${n}_default`)
      .remove()
      .catch(() => {});
    await docker
      .getVolume(`${n}_data`)
      .remove()
      .catch(() => {});
  }
});

describe('sweepTestLeftovers (real engine)', () => {
  it("removes a finished run's container, network and volume; keeps a live run's, a user's and a recent unlabelled test project", async () => {
    const gone = owned(names.ended, { [TEST_RUN_LABEL]: ended });
    const c = await box(`${names.ended}-web-1`, gone);
    await c.start();
    await docker.createNetwork({ Name: `${names.ended}_default`, Labels: gone });
    await docker.createVolume({ Name: `${names.ended}_data`, Labels: gone });
    await box(`${names.going}-web-1`, owned(names.going, { [TEST_RUN_LABEL]: testRunId() }));
    await box(`${names.user}-web-1`, owned(names.user));
    await docker.createNetwork({ Name: `${names.user}_default`, Labels: owned(names.user) });
    await box(`${names.cli}-web-1`, owned(names.cli));

    const { removed, failed } = await sweepTestLeftovers(dockerSocket());
    const ours = (n: string) => Object.values(names).some((p) => n.startsWith(p));
    expect(failed.filter((r) => ours(r.name))).toEqual([]);
    expect(
      removed
        .filter((r) => ours(r.name))
        .map((r) => `${r.kind} ${r.name}`)
        .sort(),
    ).toEqual([`container ${names.ended}-web-1`, `network ${names.ended}_default`, `volume ${names.ended}_data`]);
    await expect(docker.getContainer(`${names.ended}-web-1`).inspect()).rejects.toThrow();
    await expect(docker.getNetwork(`${names.ended}_default`).inspect()).rejects.toThrow();
    await expect(docker.getVolume(`${names.ended}_data`).inspect()).rejects.toThrow();
    for (const kept of [names.going, names.user, names.cli]) await docker.getContainer(`${kept}-web-1`).inspect();
    await docker.getNetwork(`${names.user}_default`).inspect();
  }, 60_000);
});
