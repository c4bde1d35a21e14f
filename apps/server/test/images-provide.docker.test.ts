import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDockerDriver, type ProgressEvent } from '@blaupause/engine';
import { TRPCClientError } from '@trpc/client';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDocker, ensureTestImages } from '../../../scripts/docker-env.mjs';
import { collect, startTestServer } from './harness';
import { MemoryDriver } from './memory-driver';

/**
 * images.provide over HTTP against the real engine: the missing image is built as a run (its id
 * answered at once), its build progress streamed by deployments.progress over SSE like a deploy's,
 * the project held meanwhile; an unknown image is refused in the stream; other targets refused.
 */
const suffix = randomBytes(3).toString('hex');
const PROJECT = `h10img-srv-${suffix}`;
const IMAGE = 'blaupause-test/busybox:1';
const doc = {
  apiVersion: 'blaupause.dev/v1',
  kind: 'Blueprint',
  metadata: { name: 'prov' },
  services: { p: { autoHeal: false, containers: { p: { build: { context: 'pctx' }, args: ['sleep', '3600'] } } } },
};

let srv: Awaited<ReturnType<typeof startTestServer<ReturnType<typeof createDockerDriver>>>>;
const docker = new Docker();
const runToEnd = (runId: string) =>
  collect<{ data: ProgressEvent }>(
    (h) => srv.client.deployments.progress.subscribe({ runId }, h),
    (seen) => seen.at(-1)?.data.kind === 'done',
    90_000,
  ).then((seen) => seen.map((s) => s.data));

beforeAll(async () => {
  const env = await ensureDocker();
  await ensureTestImages(env.socket);
  srv = await startTestServer(createDockerDriver({ host: `unix://${env.socket}`, stopTimeoutSeconds: 1, settleMs: 500 }));
  const ctx = join(srv.workspace.dir, 'pctx');
  mkdirSync(ctx, { recursive: true });
  writeFileSync(join(ctx, 'Dockerfile'), `FROM ${IMAGE}\nCOPY v.txt /v.txt\nRUN cat /v.txt\n`);
  writeFileSync(join(ctx, 'v.txt'), `${suffix}\n`);
}, 120_000);

afterAll(async () => {
  for (const i of await docker.listImages({ filters: { label: [`com.docker.compose.project=${PROJECT}`] } }))
    await docker
      .getImage(i.Id)
      .remove({ force: true })
      .catch(() => {});
  await srv?.stop();
}, 60_000);

describe('images.provide (real engine)', () => {
  it('builds the missing image as a run with streamed progress; a deploy of the project waits its turn', async () => {
    const run = await srv.client.images.provide.mutate({ blueprint: { document: doc }, project: PROJECT });
    expect(run).toMatchObject({ project: PROJECT, kind: 'images', target: 'docker', done: false });
    // One run per project: a deploy started meanwhile is refused.
    const busy = await srv.client.deployments.deploy.mutate({ blueprint: { document: doc }, project: PROJECT, target: 'docker' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((busy as TRPCClientError<never>).data).toMatchObject({ appError: { code: 'BUSY' } });

    const events = await runToEnd(run.runId);
    expect(events[0]).toMatchObject({ kind: 'plan', plan: { resources: [{ resource: 'image', reason: 'build' }] } });
    const copy = events.find((e) => e.kind === 'build' && /^Step 2\/\d+ : COPY v.txt/.test(e.text));
    expect(copy).toMatchObject({ kind: 'build', elementId: 'container:p/p' });
    expect(events.find((e) => e.kind === 'step' && e.phase === 'done')).toBeTruthy();
    expect(events.at(-1)).toMatchObject({ kind: 'done', ok: true });
    const inv = await srv.client.images.inventory.query({ blueprint: { document: doc }, project: PROJECT });
    expect(inv.images).toMatchObject([{ source: 'build', present: true, action: 'none' }]);
    expect(await docker.listContainers({ all: true, filters: { label: [`com.docker.compose.project=${PROJECT}`] } })).toEqual([]);
  }, 120_000);

  it('reports an image the blueprint does not have in the run’s stream', async () => {
    const run = await srv.client.images.provide.mutate({ blueprint: { document: doc }, project: PROJECT, only: ['nope:1'] });
    const events = await runToEnd(run.runId);
    expect(events.filter((e) => e.kind === 'error').map((e) => e.kind === 'error' && e.error.code)).toEqual(['NOT_FOUND']);
    expect(events.at(-1)).toMatchObject({ kind: 'done', ok: false });
  }, 60_000);

  it('answers UNSUPPORTED on a server whose default target is not the Docker engine', async () => {
    const other = await startTestServer(new MemoryDriver());
    try {
      const e = await other.client.images.provide.mutate({ blueprint: { document: doc } }).then(
        () => undefined,
        (err: unknown) => err,
      );
      expect(e).toBeInstanceOf(TRPCClientError);
      expect((e as TRPCClientError<never>).data).toMatchObject({ appError: { code: 'UNSUPPORTED' } });
    } finally {
      await other.stop();
    }
  });
});
