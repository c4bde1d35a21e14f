import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LABEL } from '../../src/docker/labels';
import { lastExitCode } from '../../src/docker/settle';
import { blueprint, cleanup, collect, containerIds, counted, driver, engine, errorsOf, IMAGE, project, succeeded } from './harness';

/** Volumes across destroy, and failures reported as data: crash loops, taken ports, failed pulls, busy projects. */
const c = counted();
const d = driver(c.docker);
const projects: string[] = [];
const fresh = (name: string) => {
  const p = project(name);
  projects.push(p);
  return p;
};

beforeAll(engine, 60_000);
afterAll(async () => {
  for (const p of projects) await cleanup(c.docker, p);
});

async function exec(id: string, cmd: string[]): Promise<string> {
  const e = await c.docker.getContainer(id).exec({ Cmd: cmd, AttachStdout: true, AttachStderr: true });
  const stream = await e.start({});
  const chunks: Buffer[] = [];
  await new Promise<void>((resolve) => {
    stream.on('data', (b: Buffer) => chunks.push(b));
    stream.on('end', () => resolve());
  });
  const { demux } = await import('../../src/docker/logs-tail');
  return demux(Buffer.concat(chunks));
}

describe('Docker driver: volumes and failures', () => {
  it('keeps a file written into a named volume across destroy and redeploy; deletes the volume only when named', async () => {
    const P = fresh('vol');
    const bp = blueprint({
      services: {
        store: {
          containers: {
            store: { image: IMAGE, command: ['sleep', '3600'], mounts: [{ type: 'volume', source: 'data', target: '/data' }] },
          },
        },
      },
      volumes: { data: {} },
    });
    expect(succeeded(await collect(d.apply(bp, { project: P })))).toBe(true);
    const first = (await containerIds(c.docker, P))[`${P}-store-1`] as string;
    await exec(first, ['sh', '-c', 'echo kept > /data/sentinel']);
    expect(succeeded(await collect(d.destroy(P)))).toBe(true);
    expect(await containerIds(c.docker, P)).toEqual({});
    expect((await c.docker.getVolume(`${P}_data`).inspect()).Labels?.[LABEL.managed]).toBe('true');

    expect(succeeded(await collect(d.apply(bp, { project: P })))).toBe(true);
    const second = (await containerIds(c.docker, P))[`${P}-store-1`] as string;
    expect(second).not.toBe(first);
    expect(await exec(second, ['cat', '/data/sentinel'])).toBe('kept\n');

    expect(succeeded(await collect(d.destroy(P, { volumes: ['data'] })))).toBe(true);
    await expect(c.docker.getVolume(`${P}_data`).inspect()).rejects.toMatchObject({ statusCode: 404 });
  });

  it('reports a crash loop with exit code, restart count and last log lines', async () => {
    const P = fresh('crash');
    const bp = blueprint({
      services: { bad: { containers: { bad: { image: IMAGE, command: ['sh', '-c', 'echo boom-$$; exit 3'], restart: 'always' } } } },
    });
    const events = await collect(d.apply(bp, { project: P }));
    expect(succeeded(events)).toBe(false);
    const [error] = errorsOf(events);
    expect(error).toMatchObject({ code: 'CRASH_LOOP', exitCode: 3, elementId: 'container:bad/bad' });
    expect(error?.restarts).toBeGreaterThan(0);
    expect(error?.logTail?.some((l) => l.startsWith('boom-'))).toBe(true);
    // The exit code also comes from the engine's die events when the container is caught between restarts.
    const id = (await containerIds(c.docker, P))[`${P}-bad-1`] as string;
    expect(await lastExitCode(c.docker, id, Math.floor(Date.now() / 1000) - 120)).toBe(3);
  });

  it('reports a container that exits with an error', async () => {
    const P = fresh('exit');
    const bp = blueprint({ services: { job: { containers: { job: { image: IMAGE, command: ['sh', '-c', 'echo failing; exit 7'] } } } } });
    const [error] = errorsOf(await collect(d.apply(bp, { project: P })));
    expect(error).toMatchObject({ code: 'CONTAINER_EXITED', exitCode: 7, logTail: ['failing'] });
  });

  it('ends the settle window once a container is healthy, and still reports one that exits within its own window', async () => {
    const P = fresh('settle');
    // A long window: the apply ends long before it because every container is settled early.
    const long = driver(c.docker, { settleMs: 8000 });
    const bp = blueprint({
      services: {
        ok: {
          containers: {
            ok: { image: IMAGE, command: ['sleep', '3600'], healthcheck: { test: { shell: 'true' }, interval: '100ms', retries: 3 } },
          },
        },
        late: { containers: { late: { image: IMAGE, command: ['sh', '-c', 'sleep 1; echo late; exit 5'] } } },
      },
    });
    const events = await collect(long.apply(bp, { project: P }));
    const errors = errorsOf(events);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'CONTAINER_EXITED', exitCode: 5, logTail: ['late'] });
    const done = events.find((e) => e.kind === 'done');
    expect(done?.kind === 'done' && done.durationMs).toBeLessThan(6000);
  });

  it('reports a host port already in use, naming service and port, and converges once it is free', async () => {
    const P = fresh('port');
    const server: Server = createServer();
    const port = await new Promise<number>((resolve) =>
      server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)),
    );
    const bp = blueprint({
      services: {
        web: {
          ports: [{ port: 80, publish: port, hostIp: '127.0.0.1' }],
          containers: { web: { image: IMAGE, command: ['httpd', '-f', '-p', '80'] } },
        },
      },
    });
    const events = await collect(d.apply(bp, { project: P }));
    const [error] = errorsOf(events);
    expect(error).toMatchObject({ code: 'PORT_IN_USE', elementId: 'service:web' });
    expect(error?.message).toContain(`"web"`);
    expect(error?.message).toContain(String(port));
    await new Promise((r) => server.close(r));
    const retry = await collect(d.apply(bp, { project: P }));
    expect(errorsOf(retry)).toEqual([]);
    expect(Object.keys(await containerIds(c.docker, P))).toEqual([`${P}-web-1`]);
  });

  it('fails only the main container on a taken port; its pod helpers are "not started because" it failed, not given its message', async () => {
    const P = fresh('podport');
    const server: Server = createServer();
    const port = await new Promise<number>((resolve) =>
      server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)),
    );
    const bp = blueprint({
      services: {
        web: {
          ports: [{ port: 80, publish: port, hostIp: '127.0.0.1' }],
          containers: {
            web: { image: IMAGE, command: ['httpd', '-f', '-p', '80'] },
            probe: { image: IMAGE, role: 'sidecar', command: ['sleep', '3600'] },
          },
        },
      },
    });
    const events = await collect(d.apply(bp, { project: P }));
    await new Promise((r) => server.close(r));
    const failed = events.flatMap((e) =>
      e.kind === 'step' && e.phase === 'failed' && !('resource' in e.action) ? [{ container: e.action.container, message: e.message }] : [],
    );
    expect(failed).toHaveLength(2);
    const main = failed.find((f) => f.container === 'web');
    const helper = failed.find((f) => f.container === 'probe');
    expect(main?.message).toContain(String(port));
    expect(helper?.message).not.toContain(String(port));
    expect(helper?.message).toMatch(/not started because "web" failed/);
    expect(errorsOf(events).map((e) => e.code)).toEqual(['PORT_IN_USE']);
  });

  it('names the image when a pull fails and creates nothing', async () => {
    const P = fresh('pull');
    const missing = 'blaupause-test/not-there:1';
    const bp = blueprint({
      services: {
        a: { containers: { a: { image: IMAGE, command: ['sleep', '3600'] } } },
        b: { containers: { b: { image: missing } } },
      },
    });
    const plan = await d.plan(bp, { project: P });
    expect(plan.ok && plan.value.resources).toContainEqual({ kind: 'create', resource: 'image', name: missing, reason: 'pull' });
    const events = await collect(d.apply(bp, { project: P }));
    const [error] = errorsOf(events);
    expect(error?.code).toBe('IMAGE_PULL_FAILED');
    expect(error?.message).toContain(missing);
    expect(await containerIds(c.docker, P)).toEqual({});
    expect(await c.docker.listNetworks({ filters: { label: [`${LABEL.project}=${P}`] } })).toEqual([]);
  }, 60_000);

  it('answers BUSY to a second apply of the same project while the first runs', async () => {
    const P = fresh('busy');
    const bp = blueprint({ services: { s: { containers: { s: { image: IMAGE, command: ['sleep', '3600'] } } } } });
    const first = collect(d.apply(bp, { project: P }));
    const second = await collect(d.apply(bp, { project: P }));
    expect(errorsOf(second).map((e) => e.code)).toEqual(['BUSY']);
    expect(succeeded(await first)).toBe(true);
    expect(Object.keys(await containerIds(c.docker, P))).toEqual([`${P}-s-1`]);
  });

  it('refuses bad project names and bind mounts that leave the blueprint folder, before any engine call', async () => {
    const bp = blueprint({
      services: { s: { containers: { s: { image: IMAGE, mounts: [{ type: 'bind', source: '../etc', target: '/x' }] } } } },
    });
    c.reset();
    const bad = await d.plan(bp, { project: 'Bad_Name' });
    expect(!bad.ok && bad.error.code).toBe('INVALID_NAME');
    const outside = await d.plan(bp, { project: fresh('bind'), baseDir: '/tmp/blueprints' });
    expect(!outside.ok && outside.error).toMatchObject({ code: 'INVALID_BLUEPRINT', elementId: 'container:s/s' });
    expect(c.calls).toEqual([]);
  });
});
