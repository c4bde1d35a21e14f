import { randomBytes } from 'node:crypto';
import { createDockerDriver, type ProgressEvent, type StatusEvent } from '@blaupause/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDocker, ensureTestImages } from '../../../scripts/docker-env.mjs';
import { collect, startTestServer } from './harness';

/**
 * Integration (DESIGN §8: a real engine, never a mock): the API deploys a tiny blueprint with the
 * local busybox image through the real Docker driver, the status subscription reports it running,
 * the published port answers, and tearing down removes it.
 */
const PROJECT = `bps-${randomBytes(3).toString('hex')}`;
const PORT = 20000 + Math.floor(Math.random() * 20000);
const blueprint = {
  apiVersion: 'blaupause.dev/v1',
  kind: 'Blueprint',
  metadata: { name: 'tiny' },
  services: {
    web: {
      ports: [{ port: 80, publish: PORT, hostIp: '127.0.0.1' }],
      containers: {
        web: {
          image: 'blaupause-test/busybox:1',
          command: ['sh', '-c', 'echo served-by-blaupause > /www/index.html && exec httpd -f -p 80 -h /www'],
        },
      },
    },
  },
};

let srv: Awaited<ReturnType<typeof startTestServer<ReturnType<typeof createDockerDriver>>>>;
beforeAll(async () => {
  const env = await ensureDocker();
  await ensureTestImages(env.socket);
  srv = await startTestServer(createDockerDriver({ host: `unix://${env.socket}`, stopTimeoutSeconds: 1 }));
}, 120_000);
afterAll(async () => {
  // Whatever a failed test left behind goes away by the same API.
  await srv?.client.deployments.destroy.mutate({ project: PROJECT }).catch(() => undefined);
  await new Promise((r) => setTimeout(r, 1500));
  await srv?.stop();
}, 30_000);

const runToEnd = (runId: string) =>
  collect<{ data: ProgressEvent }>(
    (h) => srv.client.deployments.progress.subscribe({ runId }, h),
    (seen) => seen.at(-1)?.data.kind === 'done',
    60_000,
  );

describe('deploying through the API on a real engine', () => {
  it('reaches the engine', async () => {
    expect(await srv.client.engine.connectivity.query()).toMatchObject({
      connected: true,
      info: { kind: expect.stringMatching(/docker|podman/) },
    });
  });

  it('plans, deploys, streams running status, serves the published port, and tears down', async () => {
    const plan = await srv.client.deployments.plan.query({ blueprint: { document: blueprint }, project: PROJECT });
    expect(plan.actions.map((a) => `${a.kind} ${a.service}`)).toEqual(['create web']);

    // Watch before deploying: the change to running must arrive pushed, not be read back.
    const running = collect<{ data: StatusEvent }>(
      (h) => srv.client.status.watch.subscribe({ project: PROJECT }, h),
      (seen) => seen.some((e) => e.data.kind === 'change' && e.data.status.service === 'web' && e.data.status.state === 'running'),
      60_000,
    );
    const run = await srv.client.deployments.deploy.mutate({ blueprint: { document: blueprint }, project: PROJECT });
    const events = await runToEnd(run.runId);
    expect(events.filter((e) => e.data.kind === 'error')).toEqual([]);
    expect(events.at(-1)?.data).toMatchObject({ kind: 'done', ok: true });
    const statuses = await running;
    expect(statuses.map((e) => e.data.kind)).toContain('snapshot');

    const page = await fetch(`http://127.0.0.1:${PORT}/`).then((r) => r.text());
    expect(page.trim()).toBe('served-by-blaupause');
    expect((await srv.client.deployments.list.query()).map((d) => d.project)).toContain(PROJECT);

    const again = await srv.client.deployments.plan.query({ blueprint: { document: blueprint }, project: PROJECT });
    expect(again.noop).toBe(true);

    const down = await srv.client.deployments.destroy.mutate({ project: PROJECT });
    expect((await runToEnd(down.runId)).at(-1)?.data).toMatchObject({ kind: 'done', ok: true });
    expect((await srv.client.deployments.list.query()).map((d) => d.project)).not.toContain(PROJECT);
  }, 120_000);
});
