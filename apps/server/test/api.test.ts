import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProgressEvent, StatusEvent } from '@blaupause/engine';
import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DANGLING, TINY } from './fixtures';
import { collect, startTestServer } from './harness';
import { MemoryDriver } from './memory-driver';

let srv: Awaited<ReturnType<typeof startTestServer<MemoryDriver>>>;
beforeAll(async () => {
  srv = await startTestServer(new MemoryDriver());
});
afterAll(async () => {
  await srv.stop();
});

/** The AppError the server put into a failed call (errors.ts → trpc.ts formatter). */
async function failure(p: Promise<unknown>) {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(TRPCClientError);
  const data = (e as TRPCClientError<never>).data as unknown as {
    code: string;
    httpStatus: number;
    appError: { code: string; diagnostics?: unknown[] } | null;
  };
  return data;
}

describe('blueprints', () => {
  it('validates on the server: a valid blueprint is ok, a dangling link is reported', async () => {
    expect(await srv.client.blueprints.validate.query({ text: TINY })).toEqual({ ok: true, diagnostics: [], name: 'tiny' });
    const bad = await srv.client.blueprints.validate.query({ text: DANGLING });
    expect(bad.ok).toBe(false);
    expect(bad.diagnostics.map((d) => d.code)).toEqual(['DANGLING_LINK']);
  });

  it('validates a document (the canvas form) as well as text, and never trusts it', async () => {
    const r = await srv.client.blueprints.validate.query({ document: { apiVersion: 'blaupause.dev/v1', kind: 'Blueprint', services: 3 } });
    expect(r.ok).toBe(false);
    expect(r.diagnostics.length).toBeGreaterThan(0);
  });

  it('compiles to the asked targets, and compiles nothing when there are errors', async () => {
    const r = await srv.client.blueprints.compile.query({ blueprint: { text: TINY }, targets: ['compose', 'kubernetes'] });
    expect(r.results.map((x) => x.target)).toEqual(['compose', 'kubernetes']);
    expect(r.results[0]!.files[0]!.content).toContain('blaupause-test/busybox:1');
    const bad = await srv.client.blueprints.compile.query({ blueprint: { text: DANGLING } });
    expect(bad).toMatchObject({ ok: false, results: [] });
  });

  it('refuses input that is not a blueprint input (zod) with BAD_REQUEST', async () => {
    const data = await failure(srv.client.blueprints.validate.query({ text: 1 } as never));
    expect(data.code).toBe('BAD_REQUEST');
  });
});

describe('engine', () => {
  it('answers connectivity and info from the injected driver', async () => {
    expect(await srv.client.engine.connectivity.query()).toMatchObject({ connected: true, info: { endpoint: 'memory' } });
    expect(await srv.client.engine.info.query()).toMatchObject({ kind: 'docker' });
  });
});

describe('deployments', () => {
  it('plans a valid blueprint under its own name, and refuses an invalid one with its diagnostics', async () => {
    const plan = await srv.client.deployments.plan.query({ blueprint: { text: TINY } });
    expect(plan).toMatchObject({ project: 'tiny', actions: [{ kind: 'create', service: 'web' }] });
    const data = await failure(srv.client.deployments.plan.query({ blueprint: { text: DANGLING } }));
    expect(data.code).toBe('UNPROCESSABLE_CONTENT');
    expect(data.appError?.code).toBe('INVALID_BLUEPRINT');
    expect(data.appError?.diagnostics).toHaveLength(1);
  });

  it('deploys: the mutation answers a run id, the progress subscription delivers every event to done', async () => {
    const run = await srv.client.deployments.deploy.mutate({ blueprint: { text: TINY }, project: 'shop' });
    expect(run).toMatchObject({ project: 'shop', kind: 'apply' });
    const events = await collect<{ id: string; data: ProgressEvent }>(
      (h) => srv.client.deployments.progress.subscribe({ runId: run.runId }, h),
      (seen) => seen.at(-1)?.data.kind === 'done',
    );
    expect(events.map((e) => e.data.kind)).toEqual(['plan', 'step', 'step', 'done']);
    expect(events.map((e) => e.id)).toEqual(['0', '1', '2', '3']);
    expect(await srv.client.deployments.list.query()).toEqual([expect.objectContaining({ project: 'shop' })]);
  });

  it('resumes a run after the last event id it saw (tracked ids)', async () => {
    const run = await srv.client.deployments.deploy.mutate({ blueprint: { text: TINY }, project: 'again' });
    const events = await collect<{ id: string; data: ProgressEvent }>(
      (h) => srv.client.deployments.progress.subscribe({ runId: run.runId, lastEventId: '1' }, h),
      (seen) => seen.at(-1)?.data.kind === 'done',
    );
    expect(events.map((e) => e.id)).toEqual(['2', '3']);
  });

  it('answers BUSY (CONFLICT) to a second deploy of a project while one runs', async () => {
    srv.driver.holdApply = true;
    const first = await srv.client.deployments.deploy.mutate({ blueprint: { text: TINY }, project: 'busy' });
    const data = await failure(srv.client.deployments.deploy.mutate({ blueprint: { text: TINY }, project: 'busy' }));
    expect(data).toMatchObject({ code: 'CONFLICT', appError: { code: 'BUSY' } });
    srv.driver.holdApply = false;
    srv.driver.release();
    const events = await collect<{ data: ProgressEvent }>(
      (h) => srv.client.deployments.progress.subscribe({ runId: first.runId }, h),
      (seen) => seen.at(-1)?.data.kind === 'done',
    );
    expect(events.at(-1)?.data).toMatchObject({ kind: 'done', ok: true });
  });

  it('refuses project names that are not DNS labels before the driver sees them', async () => {
    const data = await failure(srv.client.deployments.destroy.mutate({ project: '../etc' }));
    expect(data.code).toBe('BAD_REQUEST');
  });
});

describe('status', () => {
  it('pushes a snapshot, then each change, with tracked ids; unsubscribing stops the driver stream', async () => {
    const seen = collect<{ id: string; data: StatusEvent }>(
      (h) => srv.client.status.watch.subscribe({ project: 'live' }, h),
      (events) => events.length === 2,
    );
    await waitFor(() => srv.driver.watcherCount === 1);
    srv.driver.emit({
      kind: 'change',
      status: {
        project: 'live',
        service: 'web',
        container: 'web',
        replica: 1,
        elementId: 'container:web/web',
        state: 'healthy',
        restarts: 0,
        image: 'x',
        ports: [],
        at: 1,
      },
    });
    const events = await seen;
    expect(events.map((e) => e.data.kind)).toEqual(['snapshot', 'change']);
    expect(new Set(events.map((e) => e.id)).size).toBe(2);
    await waitFor(() => srv.driver.watcherCount === 0);
    expect(srv.driver.watcherCount).toBe(0);
  });
});

describe('logs', () => {
  it('follows a service', async () => {
    const lines = await collect<{ data: { text: string } }>(
      (h) => srv.client.logs.follow.subscribe({ project: 'shop', service: 'web' }, h),
      (seen) => seen.length === 1,
    );
    expect(lines[0]!.data.text).toBe('hello');
  });
});

describe('workspace', () => {
  it('lists, writes, reads and deletes blueprint files by name', async () => {
    expect((await srv.client.workspace.list.query()).files).toEqual([]);
    const written = await srv.client.workspace.write.mutate({ name: 'shop', text: TINY });
    expect(written).toMatchObject({ name: 'shop', diagnostics: [] });
    expect(readFileSync(join(srv.workspace.dir, 'shop.blueprint.yaml'), 'utf8')).toBe(TINY);
    expect((await srv.client.workspace.list.query()).files.map((f) => f.name)).toEqual(['shop']);
    expect((await srv.client.workspace.read.query({ name: 'shop' })).text).toBe(TINY);
    expect(await srv.client.workspace.delete.mutate({ name: 'shop' })).toEqual({ removed: true });
    expect(await srv.client.workspace.delete.mutate({ name: 'shop' })).toEqual({ removed: false });
    expect((await failure(srv.client.workspace.read.query({ name: 'shop' }))).appError?.code).toBe('NOT_FOUND');
  });

  it('saves work in progress with semantic errors, but a write that is not a blueprint keeps the previous file', async () => {
    await srv.client.workspace.write.mutate({ name: 'keep', text: DANGLING });
    const data = await failure(srv.client.workspace.write.mutate({ name: 'keep', text: 'services: [' }));
    expect(data.appError?.code).toBe('INVALID_BLUEPRINT');
    expect(readFileSync(join(srv.workspace.dir, 'keep.blueprint.yaml'), 'utf8')).toBe(DANGLING);
  });

  it.each(['../escape', '..', 'a/b', '.hidden', 'x\u0000y', '/etc/passwd', 'a'.repeat(65), 'C:\\x'])(
    'refuses the name %j',
    async (name) => {
      const data = await failure(srv.client.workspace.write.mutate({ name, text: TINY }));
      expect(data.code).toBe('BAD_REQUEST');
    },
  );

  it('never follows a symlink out of the folder', async () => {
    const outside = join(srv.root, 'outside.yaml');
    writeFileSync(outside, TINY);
    symlinkSync(outside, join(srv.workspace.dir, 'link.blueprint.yaml'));
    expect((await failure(srv.client.workspace.read.query({ name: 'link' }))).appError?.code).toBe('NOT_FOUND');
    expect((await failure(srv.client.workspace.write.mutate({ name: 'link', text: DANGLING }))).appError?.code).toBe('INVALID_NAME');
    expect(readFileSync(outside, 'utf8')).toBe(TINY);
  });
});

async function waitFor(cond: () => boolean, timeoutMs = 3_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
