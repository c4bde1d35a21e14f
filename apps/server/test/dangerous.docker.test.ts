import { randomBytes } from 'node:crypto';
import { createDockerDriver, type ProgressEvent } from '@blaupause/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDocker, ensureTestImages } from '../../../scripts/docker-env.mjs';
import { collect, startTestServer } from './harness';

/**
 * Dangerous settings through the API on a real engine (issue 5): the plan lists them, a deploy
 * without the acknowledgement creates nothing, a deploy naming every finding goes ahead. The
 * acknowledgement is the client's claim only: the driver finds the dangers again in its payload.
 */
const PROJECT = `bpd-${randomBytes(3).toString('hex')}`;
const ID = 'host-network:container:web/main';
const document = {
  apiVersion: 'blaupause.dev/v1',
  kind: 'Blueprint',
  metadata: { name: 'danger' },
  services: { web: { hostNetwork: true, containers: { main: { image: 'blaupause-test/busybox:1', command: ['sleep', '3600'] } } } },
};

let srv: Awaited<ReturnType<typeof startTestServer<ReturnType<typeof createDockerDriver>>>>;
beforeAll(async () => {
  const env = await ensureDocker();
  await ensureTestImages(env.socket);
  srv = await startTestServer(createDockerDriver({ host: `unix://${env.socket}`, stopTimeoutSeconds: 1, settleMs: 500 }));
}, 120_000);
afterAll(async () => {
  await srv?.client.deployments.destroy.mutate({ project: PROJECT }).catch(() => undefined);
  await new Promise((r) => setTimeout(r, 1500));
  await srv?.stop();
}, 30_000);

const runToEnd = async (acknowledge?: string[]) => {
  const run = await srv.client.deployments.deploy.mutate({
    blueprint: { document },
    project: PROJECT,
    ...(acknowledge ? { acknowledge } : {}),
  });
  const seen = await collect<{ data: ProgressEvent }>(
    (h) => srv.client.deployments.progress.subscribe({ runId: run.runId }, h),
    (s) => s.at(-1)?.data.kind === 'done',
    60_000,
  );
  return seen.map((s) => s.data);
};
const containers = async () =>
  (await srv.driver.docker.listContainers({ all: true, filters: { label: [`com.docker.compose.project=${PROJECT}`] } })).length;

describe('API: dangerous settings need the itemised acknowledgement', () => {
  it('the plan lists each finding with element, field, value and why', async () => {
    const plan = await srv.client.deployments.plan.query({ blueprint: { document }, project: PROJECT });
    expect(plan.dangers).toEqual([
      expect.objectContaining({
        id: ID,
        code: 'host-network',
        elementId: 'container:web/main',
        field: 'HostConfig.NetworkMode',
        value: 'host',
      }),
    ]);
  });

  it('a deploy without it (or with someone else’s id) fails DANGEROUS_SETTINGS, naming the item; nothing is created', async () => {
    for (const ack of [undefined, ['privileged:container:web/main']]) {
      const events = await runToEnd(ack);
      const errors = events.flatMap((e) => (e.kind === 'error' ? [e.error] : []));
      expect(errors).toEqual([expect.objectContaining({ code: 'DANGEROUS_SETTINGS', dangers: [expect.objectContaining({ id: ID })] })]);
      expect(await containers()).toBe(0);
    }
  }, 60_000);

  it('refuses malformed ids before anything runs', async () => {
    await expect(
      srv.client.deployments.deploy.mutate({ blueprint: { document }, project: PROJECT, acknowledge: ['privileged:\u0000x'] }),
    ).rejects.toMatchObject({ data: { code: 'BAD_REQUEST' } });
  });

  it('with every id acknowledged, it deploys', async () => {
    const events = await runToEnd([ID]);
    expect(events.at(-1)).toMatchObject({ kind: 'done', ok: true });
    expect(await containers()).toBe(1);
  }, 60_000);
});
