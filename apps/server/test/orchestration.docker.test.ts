import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDockerDriver, type HealEvent, type ProgressEvent } from '@blaupause/engine';
import { Blueprint } from '@blaupause/model';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDocker, ensureTestImages } from '../../../scripts/docker-env.mjs';
import { composeOrchestration } from '../src/services/orchestration';
import { collect, startTestServer } from './harness';

/**
 * Issue 7 through the API on a real engine: the composition of main.ts (orchestrator, supervisors,
 * run hooks). A deploy starts healing the project; scaling keeps the untouched replica; a replica
 * removed behind our back is re-created and the heal event reaches the subscriber; a tear-down
 * stops healing.
 */
const PROJECT = `bporc-srv-${randomBytes(3).toString('hex')}`;
const blueprint = {
  apiVersion: 'blaupause.dev/v1',
  kind: 'Blueprint',
  metadata: { name: 'orch' },
  services: {
    web: {
      containers: {
        web: {
          image: 'blaupause-test/busybox:1',
          command: ['sh', '-c', 'exec httpd -f -p 80 -h /www'],
          healthcheck: { test: { exec: ['sh', '-c', 'test -d /www'] }, interval: '1s', timeout: '1s', retries: 3 },
        },
      },
    },
  },
};

let srv: Awaited<ReturnType<typeof startTestServer<ReturnType<typeof createDockerDriver>>>>;
let docker: Docker;
beforeAll(async () => {
  const env = await ensureDocker();
  await ensureTestImages(env.socket);
  docker = new Docker({ socketPath: env.socket });
  srv = await startTestServer(createDockerDriver({ host: `unix://${env.socket}`, stopTimeoutSeconds: 1 }), { orchestrate: true });
}, 120_000);
afterAll(async () => {
  await srv?.client.deployments.destroy.mutate({ project: PROJECT }).catch(() => undefined);
  await new Promise((r) => setTimeout(r, 2000));
  await srv?.stop();
}, 30_000);

const parseBlueprint = (b: unknown) => Blueprint.parse(b);

const runToEnd = async (runId: string) =>
  (
    await collect<{ data: ProgressEvent }>(
      (h) => srv.client.deployments.progress.subscribe({ runId }, h),
      (seen) => seen.at(-1)?.data.kind === 'done',
      90_000,
    )
  ).map((e) => e.data);

const ids = async () =>
  (await docker.listContainers({ all: true, filters: { label: [`com.docker.compose.project=${PROJECT}`] } })).map((c) => c.Id).sort();

describe('orchestration through the API (real engine)', () => {
  it('deploys, then scales 1 → 3 → 1 keeping the first replica', async () => {
    const run = await srv.client.deployments.deploy.mutate({ blueprint: { document: blueprint }, project: PROJECT });
    expect((await runToEnd(run.runId)).at(-1)).toMatchObject({ kind: 'done', ok: true });
    const [first] = await ids();
    const up = await srv.client.orchestration.scale.mutate({ project: PROJECT, service: 'web', replicas: 3 });
    expect(up.kind).toBe('scale');
    const events = await runToEnd(up.runId);
    expect(events.at(-1)).toMatchObject({ kind: 'done', ok: true });
    expect(events.filter((e) => e.kind === 'rollout' && e.phase === 'added')).toHaveLength(2);
    const status = await srv.client.orchestration.status.query({ project: PROJECT });
    expect(status.services.find((s) => s.service === 'web')?.replicas).toEqual([1, 2, 3]);
    expect(status.healing).toBe(true);
    const down = await srv.client.orchestration.scale.mutate({ project: PROJECT, service: 'web', replicas: 1 });
    expect((await runToEnd(down.runId)).at(-1)).toMatchObject({ kind: 'done', ok: true });
    expect(await ids()).toEqual([first]);
  }, 150_000);

  it('heals a replica removed behind its back and tells the subscriber', async () => {
    const seen = collect<{ data: HealEvent }>(
      (h) => srv.client.orchestration.events.subscribe({ project: PROJECT }, h),
      (s) => s.some((e) => e.data.kind === 'recreated' || e.data.kind === 'healed'),
      20_000,
    );
    const [victim] = await ids();
    await docker.getContainer(victim as string).remove({ force: true });
    const events = await seen;
    expect(events.map((e) => e.data)).toContainEqual(
      expect.objectContaining({ service: 'web', kind: expect.stringMatching(/recreated|healed/) }),
    );
    await expect.poll(async () => (await ids()).length, { timeout: 15_000 }).toBe(1);
  }, 60_000);

  it('remembers what it heals: a restarted server heals that project again, never one the CLI deployed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bporc-state-'));
    const state = join(dir, '.healed-projects.json');
    try {
      const before = composeOrchestration(srv.driver, state);
      before.runOptions.onDone?.({ runId: 'x', project: PROJECT, target: 'docker', kind: 'apply', startedAt: 0, done: true }, true);
      await before.saved();
      before.supervisors.close();
      expect(JSON.parse(readFileSync(state, 'utf8'))).toEqual([PROJECT]);
      // A project deployed by someone else (the CLI) is on the engine too.
      const other = `bporc-cli-${randomBytes(3).toString('hex')}`;
      const cliEvents: ProgressEvent[] = [];
      for await (const e of srv.driver.apply(parseBlueprint(blueprint), { project: other })) cliEvents.push(e);
      const after = composeOrchestration(srv.driver, state);
      await after.resume();
      expect(after.supervisors.running(PROJECT)).toBe(true);
      expect(after.supervisors.running(other)).toBe(false);
      after.supervisors.close();
      for await (const _ of srv.driver.destroy(other)) {
        // drain
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('says, before it waits, that the old replica is being stopped and for how long (redeploy and tear-down)', async () => {
    const changed = structuredClone(blueprint);
    (changed.services.web.containers.web as { env?: Record<string, string> }).env = { MODE: 'two' };
    const run = await srv.client.deployments.deploy.mutate({ blueprint: { document: changed }, project: PROJECT });
    const events = await runToEnd(run.runId);
    expect(events.at(-1)).toMatchObject({ kind: 'done', ok: true });
    const stopping = events.findIndex((e) => e.kind === 'rollout' && e.phase === 'stopping');
    expect(events[stopping]).toMatchObject({ service: 'web', message: `${PROJECT}-web-1 (waits up to 1 s for it to exit)` });
    expect(stopping).toBeLessThan(events.findIndex((e) => e.kind === 'rollout' && e.phase === 'retired'));
    const down = await srv.client.deployments.destroy.mutate({ project: PROJECT });
    const gone = await runToEnd(down.runId);
    expect(gone).toContainEqual(
      expect.objectContaining({ kind: 'step', phase: 'started', message: `stopping ${PROJECT}-web-1 (waits up to 1 s for it to exit)` }),
    );
  }, 90_000);

  it('tear-down stops healing the project', async () => {
    const run = await srv.client.deployments.destroy.mutate({ project: PROJECT });
    expect((await runToEnd(run.runId)).at(-1)).toMatchObject({ kind: 'done', ok: true });
    const status = await srv.client.orchestration.status.query({ project: PROJECT });
    expect(status.healing).toBe(false);
    expect(await ids()).toEqual([]);
  }, 60_000);
});
