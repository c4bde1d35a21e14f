import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDockerDriver, type ProgressEvent } from '@blaupause/engine';
import { TRPCClientError } from '@trpc/client';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDocker, ensureTestImages, labelTestRun } from '../../../scripts/docker-env.mjs';
import type { DiagnoseExecEvent } from '../src/routers/diagnose';
import { collect, startTestServer } from './harness';

/**
 * The images and diagnose routers over HTTP against the real engine (DESIGN §8): inventory and
 * removal of unused built images, inspect with secrets masked, a terminal over SSE with input by
 * mutation, foreign containers refused, and the diagnosis of a failed deploy.
 */
const suffix = randomBytes(3).toString('hex');
const PROJECT = `bpimg-srv-${suffix}`;
const FAILING = `bpimg-srvfail-${suffix}`;
const IMAGE = 'blaupause-test/busybox:1';
const doc = (services: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'blaupause.dev/v1',
  kind: 'Blueprint',
  metadata: { name: 'diag' },
  ...extra,
  services,
});
const app = doc(
  {
    web: {
      autoHeal: false,
      containers: {
        web: {
          image: IMAGE,
          args: ['sh', '-c', 'sleep 3600'],
          env: { SMTP_LOGIN: 'mail-login-xyz', API_TOKEN: 'tok-abcdef', MODE: 'prod' },
        },
      },
    },
  },
  { secrets: { smtp: { environment: 'SMTP_LOGIN' } } },
);
const built = doc({ b: { autoHeal: false, containers: { b: { build: { context: 'ctx' }, args: ['sleep', '3600'] } } } });

async function failure(p: Promise<unknown>) {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(TRPCClientError);
  return (e as TRPCClientError<never>).data as unknown as { code: string; appError: { code: string } | null };
}

let srv: Awaited<ReturnType<typeof startTestServer<ReturnType<typeof createDockerDriver>>>>;
const docker = labelTestRun(new Docker());
let foreign = '';
const runToEnd = (runId: string) =>
  collect<{ data: ProgressEvent }>(
    (h) => srv.client.deployments.progress.subscribe({ runId }, h),
    (seen) => seen.at(-1)?.data.kind === 'done',
    90_000,
  );

beforeAll(async () => {
  const env = await ensureDocker();
  await ensureTestImages(env.socket);
  srv = await startTestServer(createDockerDriver({ host: `unix://${env.socket}`, stopTimeoutSeconds: 1, settleMs: 1500 }));
  const run = await srv.client.deployments.deploy.mutate({ blueprint: { document: app }, project: PROJECT });
  expect((await runToEnd(run.runId)).at(-1)?.data).toMatchObject({ kind: 'done', ok: true });
  const c = await docker.createContainer({ name: `bpimg-srvforeign-${suffix}`, Image: IMAGE, Cmd: ['sleep', '3600'] });
  await c.start();
  foreign = c.id;
}, 120_000);

afterAll(async () => {
  await docker
    .getContainer(foreign)
    .remove({ force: true })
    .catch(() => {});
  for (const project of [PROJECT, FAILING]) {
    const down = await srv?.client.deployments.destroy.mutate({ project }).catch(() => undefined);
    if (down) await runToEnd(down.runId).catch(() => undefined);
    for (const i of await docker.listImages({ filters: { label: [`com.docker.compose.project=${project}`] } }))
      await docker
        .getImage(i.Id)
        .remove({ force: true })
        .catch(() => {});
  }
  await srv?.stop();
}, 60_000);

const web = () => `${PROJECT}-web-1`;

describe('diagnose router (real engine)', () => {
  it('inspects a container of ours, secrets masked by name and by the blueprint', async () => {
    const r = await srv.client.diagnose.inspect.query({ project: PROJECT, container: web(), blueprint: { document: app } });
    const env = Object.fromEntries(r.env.map((e) => [e.name, e.value]));
    expect(env).toMatchObject({ SMTP_LOGIN: '••••••', API_TOKEN: '••••••', MODE: 'prod' });
    expect(JSON.stringify(r)).not.toMatch(/mail-login-xyz|tok-abcdef/);
    expect(r).toMatchObject({ service: 'web', state: { running: true } });
  });

  it('refuses foreign containers for inspect and exec', async () => {
    expect((await failure(srv.client.diagnose.inspect.query({ project: PROJECT, container: foreign }))).appError?.code).toBe('NOT_OWNED');
    const err = await new Promise<unknown>((resolve) => {
      const sub = srv.client.diagnose.exec.subscribe(
        { project: PROJECT, container: foreign, cmd: ['echo', 'x'], tty: false },
        {
          onData: () => {},
          onError: (e) => {
            sub.unsubscribe();
            resolve(e);
          },
        },
      );
    });
    expect((err as TRPCClientError<never>).data).toMatchObject({ code: 'FORBIDDEN' });
    expect((await docker.getContainer(foreign).inspect()).ExecIDs ?? []).toEqual([]);
  });

  it('runs echo over the stream, and a terminal takes input by mutation and ends with the page', async () => {
    const echo = await collect<DiagnoseExecEvent>(
      (h) => srv.client.diagnose.exec.subscribe({ project: PROJECT, container: web(), cmd: ['echo', 'hi from exec'], tty: false }, h),
      (seen) => seen.some((e) => e.kind === 'exit'),
      20_000,
    );
    expect(echo.flatMap((e) => (e.kind === 'data' ? [e.data] : [])).join('')).toBe('hi from exec\n');
    expect(echo.at(-1)).toEqual({ kind: 'exit', exitCode: 0 });

    let sessionId = '';
    const out = await collect<DiagnoseExecEvent>(
      (h) =>
        srv.client.diagnose.exec.subscribe(
          { project: PROJECT, container: web() },
          {
            onError: h.onError,
            onData: (e) => {
              h.onData(e);
              if (e.kind === 'session') {
                sessionId = e.sessionId;
                void srv.client.diagnose.resize.mutate({ sessionId, cols: 100, rows: 30 });
                void srv.client.diagnose.input.mutate({ sessionId, data: 'echo "x=$((6*7))"\n' });
              }
            },
          },
        ),
      (seen) => seen.some((e) => e.kind === 'data' && /x=42/.test(seen.flatMap((s) => (s.kind === 'data' ? [s.data] : [])).join(''))),
      20_000,
    );
    expect(out[0]?.kind).toBe('session');
    // The subscription was closed (the page went away): the session is gone, and so is the shell.
    await expect
      .poll(async () => (await failure(srv.client.diagnose.input.mutate({ sessionId, data: 'x' }))).appError?.code, { timeout: 10_000 })
      .toBe('NOT_FOUND');
    await expect
      .poll(
        async () => {
          const ids = (await docker.getContainer(web()).inspect()).ExecIDs ?? [];
          const infos = await Promise.all(ids.map((id) => docker.getExec(id).inspect()));
          return infos.filter((i) => i.Running && i.ProcessConfig.tty).length;
        },
        { timeout: 10_000 },
      )
      .toBe(0);
  }, 60_000);

  it('diagnoses a failed deploy run', async () => {
    const bad = doc({
      job: { autoHeal: false, containers: { job: { image: IMAGE, args: ['sh', '-c', 'echo no such config >&2; exit 3'] } } },
    });
    const run = await srv.client.deployments.deploy.mutate({ blueprint: { document: bad }, project: FAILING });
    await runToEnd(run.runId);
    const d = await srv.client.diagnose.run.query({ runId: run.runId });
    expect(d).toMatchObject({ ok: false, exitCode: 3, logTail: ['no such config'], errors: [{ code: 'CONTAINER_EXITED' }] });
    expect(d.failedStep?.elementId).toBe('container:job/job');
    expect(d.tryNext.length).toBeGreaterThan(0);
  }, 60_000);
});

describe('images router (real engine)', () => {
  it('lists images, and removes only the project’s unused built images', async () => {
    const ctx = join(srv.workspace.dir, 'ctx');
    mkdirSync(ctx, { recursive: true });
    writeFileSync(join(ctx, 'Dockerfile'), `FROM ${IMAGE}\nCOPY v.txt /v.txt\n`);
    writeFileSync(join(ctx, 'v.txt'), 'one\n');
    const inv = await srv.client.images.inventory.query({ blueprint: { document: built }, project: PROJECT });
    expect(inv.images).toMatchObject([{ source: 'build', present: false, action: 'build', elementIds: ['container:b/b'] }]);
    const plain = await srv.client.images.inventory.query({ blueprint: { document: app }, project: PROJECT });
    expect(plain.images).toMatchObject([{ reference: IMAGE, present: true, action: 'none' }]);

    // Deployed twice from the workspace folder (the driver directly: the deploy router does not pass a folder yet).
    const apply = async () => {
      for await (const e of srv.driver.apply((await import('@blaupause/model')).Blueprint.parse(built), {
        project: PROJECT,
        baseDir: srv.workspace.dir,
      }))
        if (e.kind === 'error') throw new Error(e.error.message);
    };
    await apply();
    const first = await srv.client.images.inventory.query({ blueprint: { document: built }, project: PROJECT });
    writeFileSync(join(ctx, 'v.txt'), 'two\n');
    await apply();
    const second = await srv.client.images.inventory.query({ blueprint: { document: built }, project: PROJECT });
    expect(second.unused.map((u) => u.id)).toEqual([first.images[0]?.id]);
    const removed = await srv.client.images.removeUnused.mutate({ blueprint: { document: built }, project: PROJECT });
    expect(removed.removed.map((u) => u.id)).toEqual([first.images[0]?.id]);
    expect((await srv.client.images.inventory.query({ blueprint: { document: built }, project: PROJECT })).unused).toEqual([]);
  }, 120_000);
});
