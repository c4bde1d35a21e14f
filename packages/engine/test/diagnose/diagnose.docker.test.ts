import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labelTestRun } from '../../../../scripts/docker-env.mjs';
import type { ExecOutput } from '../../src/docker/exec';
import { startExec } from '../../src/docker/exec';
import { diagnoseRun, inspectContainer, MASK, secretEnvNames } from '../../src/docker/inspect';
import { LABEL } from '../../src/docker/labels';
import { logTail } from '../../src/docker/logs-tail';
import { projectName } from '../build/harness';
import { blueprint, cleanup, collect, containerIds, driver, engine, errorsOf, eventually, IMAGE } from '../docker/harness';

async function drain(output: AsyncIterable<ExecOutput>): Promise<{ text: string; exitCode: number | null | undefined }> {
  let text = '';
  let exitCode: number | null | undefined;
  for await (const o of output) {
    if (o.kind === 'data') text += o.data;
    else exitCode = o.exitCode;
  }
  return { text, exitCode };
}

/** Inspect, terminal and failed-deploy diagnosis against the real engine; foreign containers refused. */
describe('Docker diagnosis: inspect, exec, failed deploys (real engine)', () => {
  const docker = labelTestRun(new Docker());
  const d = driver(docker, { settleMs: 1500 });
  const p = projectName('diag');
  const failing = projectName('diagfail');
  const foreignName = `bpimg-foreign-${p.slice(-6)}`;
  let web = '';
  let foreign = '';
  const bp = blueprint({
    secrets: { 'api-token': { file: 'token.txt' } },
    services: {
      web: {
        // Another process's auto-healing supervisor must not re-create what afterAll removes.
        autoHeal: false,
        containers: {
          web: {
            image: IMAGE,
            args: ['sh', '-c', 'echo started; sleep 3600'],
            env: { DB_PASSWORD: 'hunter22', DATABASE_URL: 'postgres://app:hunter22@db/app', API_TOKEN: 'tok-123456', COLOR: 'blue' },
            healthcheck: { test: { shell: 'true' }, interval: '1s' },
          },
        },
      },
    },
  });

  beforeAll(async () => {
    await engine();
    const events = await collect(d.apply(bp, { project: p }));
    expect(errorsOf(events)).toEqual([]);
    web = (await containerIds(docker, p))[`${p}-web-1`] ?? '';
    // A container that is not ours, carrying the project's name but not our managed label.
    const c = await docker.createContainer({ name: foreignName, Image: IMAGE, Cmd: ['sleep', '3600'], Labels: { [LABEL.project]: p } });
    await c.start();
    foreign = c.id;
  }, 120_000);

  afterAll(async () => {
    await docker
      .getContainer(foreign)
      .remove({ force: true })
      .catch(() => {});
    await cleanup(docker, p);
    await cleanup(docker, failing);
  }, 60_000);

  it('inspects a container of ours with secret values masked', async () => {
    await eventually(
      async () => ((await docker.getContainer(web).inspect()).State.Health?.Status === 'healthy' ? true : undefined),
      20_000,
    );
    const r = await inspectContainer(docker, { project: p, container: web, secretNames: secretEnvNames(bp) });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const env = Object.fromEntries(r.value.env.map((e) => [e.name, e]));
    expect(env.DB_PASSWORD).toEqual({ name: 'DB_PASSWORD', value: MASK, masked: true });
    expect(env.API_TOKEN?.value).toBe(MASK);
    expect(env.DATABASE_URL).toEqual({ name: 'DATABASE_URL', value: `postgres://app:${MASK}@db/app`, masked: true });
    expect(env.COLOR).toEqual({ name: 'COLOR', value: 'blue', masked: false });
    expect(JSON.stringify(r.value)).not.toContain('hunter22');
    expect(r.value).toMatchObject({
      project: p,
      service: 'web',
      elementId: 'container:web/web',
      replica: 1,
      image: IMAGE,
      state: { running: true },
    });
    expect(r.value.networks[0]?.ipAddress).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(r.value.networks[0]?.aliases).toContain('web');
    expect(r.value.health?.status).toBe('healthy');
    expect(r.value.health?.log.length).toBeGreaterThan(0);
    expect(r.value.events.map((e) => e.action)).toEqual(expect.arrayContaining(['create', 'start']));
  }, 60_000);

  it('runs echo in a managed container and refuses a foreign one', async () => {
    const s = await startExec(docker, { project: p, container: web, cmd: ['echo', 'hello from inside'], tty: false });
    expect(s.ok).toBe(true);
    if (!s.ok) return;
    const out = await drain(s.value.output);
    expect(out).toEqual({ text: 'hello from inside\n', exitCode: 0 });

    for (const container of [foreign, foreignName]) {
      const refused = await startExec(docker, { project: p, container, cmd: ['echo', 'no'] });
      expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_OWNED' } });
      expect(await inspectContainer(docker, { project: p, container })).toMatchObject({ ok: false, error: { code: 'NOT_OWNED' } });
    }
    // Ours, but asked about under another project: refused as well.
    expect(await startExec(docker, { project: failing, container: web })).toMatchObject({ ok: false, error: { code: 'NOT_OWNED' } });
    // The foreign container saw no exec at all.
    expect((await docker.getContainer(foreign).inspect()).ExecIDs ?? []).toEqual([]);
  }, 60_000);

  it('a terminal session takes input, and ends when the page goes away', async () => {
    const page = new AbortController();
    const s = await startExec(docker, { project: p, container: web, tty: true, cols: 80, rows: 24, signal: page.signal });
    if (!s.ok) throw new Error(s.error.message);
    const seen: string[] = [];
    const reading = (async () => {
      for await (const o of s.value.output) if (o.kind === 'data') seen.push(o.data);
    })();
    s.value.write('echo "sum=$((40+2))"\n');
    await eventually(async () => (seen.join('').includes('sum=42') ? true : undefined));
    await s.value.resize(120, 40);
    page.abort();
    await reading;
    expect(s.value.closed).toBe(true);
    // The shell is gone: no exec of it keeps running in the container.
    await eventually(
      async () => {
        const ids = (await docker.getContainer(web).inspect()).ExecIDs ?? [];
        const running = await Promise.all(
          ids.map((id) =>
            docker
              .getExec(id)
              .inspect()
              .then((i) => i.Running && i.ProcessConfig.entrypoint === '/bin/sh' && i.ProcessConfig.tty),
          ),
        );
        return running.includes(true) ? undefined : true;
      },
      10_000,
      'the terminal process to end',
    );
  }, 60_000);

  it('a terminal session ends by itself when its container goes away', async () => {
    // A container of its own (same project): stopping the shared one would disturb the other tests.
    const gone = blueprint({
      services: { gone: { autoHeal: false, containers: { gone: { image: IMAGE, args: ['sh', '-c', 'sleep 3600'] } } } },
    });
    expect(errorsOf(await collect(d.apply(gone, { project: failing })))).toEqual([]);
    const id = (await containerIds(docker, failing))[`${failing}-gone-1`] ?? '';
    const s = await startExec(docker, { project: failing, container: id, tty: true });
    if (!s.ok) throw new Error(s.error.message);
    const ended = drain(s.value.output);
    await docker.getContainer(id).remove({ force: true });
    const out = await Promise.race([ended, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 15_000))]);
    expect(out).not.toBe('hung');
    expect(s.value.closed).toBe(true);
  }, 60_000);

  it('diagnoses a failed deploy: step, message, exit code, last lines, what to try', async () => {
    const bad = blueprint({
      services: {
        job: { autoHeal: false, containers: { job: { image: IMAGE, args: ['sh', '-c', 'echo cannot find config >&2; exit 127'] } } },
      },
    });
    const events = await collect(d.apply(bad, { project: failing }));
    const [err] = errorsOf(events);
    expect(err?.code).toBe('CONTAINER_EXITED');
    const id = (await containerIds(docker, failing))[`${failing}-job-1`] ?? '';
    const info = await docker.getContainer(id).inspect();
    const diag = diagnoseRun(events, {
      name: info.Name.slice(1),
      status: info.State.Status,
      exitCode: info.State.ExitCode,
      restarts: info.RestartCount,
      oomKilled: info.State.OOMKilled,
      logTail: await logTail(docker, id),
    });
    expect(diag).toMatchObject({
      ok: false,
      exitCode: 127,
      logTail: ['cannot find config'],
      failedStep: { elementId: 'container:job/job' },
    });
    expect(diag.errors[0]?.message).toBe(err?.message);
    expect(diag.tryNext.join(' ')).toMatch(/not found in the image/);
  }, 60_000);
});
