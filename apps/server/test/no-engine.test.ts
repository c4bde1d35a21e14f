import type { ProgressEvent, StatusEvent } from '@blaupause/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unavailableDriver } from '../src/drivers';
import { TINY } from './fixtures';
import { collect, startTestServer } from './harness';

/** Without an engine the server still serves and answers; every deploy path says why it cannot. */
let srv: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  srv = await startTestServer(unavailableDriver('Cannot connect to the Docker daemon at unix:///var/run/docker.sock.'));
});
afterAll(async () => {
  await srv.stop();
});

describe('no engine', () => {
  it('connectivity answers (never fails) with the reason and what to do', async () => {
    const c = await srv.client.engine.connectivity.query();
    expect(c).toMatchObject({ connected: false, error: { code: 'ENGINE_UNREACHABLE' } });
    expect(c.connected ? '' : c.error.hint).toMatch(/Docker/);
  });

  it('info and plan fail as 503 with the engine error; validate and compile still work', async () => {
    await expect(srv.client.engine.info.query()).rejects.toMatchObject({
      data: { httpStatus: 503, appError: { code: 'ENGINE_UNREACHABLE' } },
    });
    await expect(srv.client.deployments.plan.query({ blueprint: { text: TINY } })).rejects.toMatchObject({ data: { httpStatus: 503 } });
    expect((await srv.client.blueprints.validate.query({ text: TINY })).ok).toBe(true);
  });

  it('a deploy run reports the error and ends failed', async () => {
    const run = await srv.client.deployments.deploy.mutate({ blueprint: { text: TINY } });
    const events = await collect<{ data: ProgressEvent }>(
      (h) => srv.client.deployments.progress.subscribe({ runId: run.runId }, h),
      (seen) => seen.at(-1)?.data.kind === 'done',
    );
    expect(events.map((e) => e.data.kind)).toEqual(['error', 'done']);
    expect(events.at(-1)?.data).toMatchObject({ ok: false });
  });

  it('the status stream says the engine is not connected', async () => {
    const events = await collect<{ data: StatusEvent }>(
      (h) => srv.client.status.watch.subscribe({ project: 'tiny' }, h),
      (seen) => seen.some((e) => e.data.kind === 'engine'),
    );
    expect(events.find((e) => e.data.kind === 'engine')?.data).toMatchObject({ kind: 'engine', connected: false });
  });
});
