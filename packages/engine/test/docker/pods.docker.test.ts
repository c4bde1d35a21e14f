import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demux } from '../../src/docker/logs-tail';
import { blueprint, cleanup, collect, containerIds, counted, driver, engine, errorsOf, eventually, IMAGE, project } from './harness';

/** Pods (a sidecar on its main's localhost, init containers first) and healthy-gated start order. */
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

const logsOf = async (id: string) =>
  demux((await c.docker.getContainer(id).logs({ stdout: true, stderr: true, follow: false })) as unknown as Buffer);

describe('Docker driver: pods and start order', () => {
  it('lets a sidecar reach its main container on localhost and runs init containers first', async () => {
    const P = fresh('pod');
    const bp = blueprint({
      services: {
        web: {
          ports: [{ port: 80 }],
          containers: {
            setup: {
              role: 'init',
              image: IMAGE,
              command: ['sh', '-c', 'echo from-init > /data/page'],
              mounts: [{ type: 'volume', source: 'shared', target: '/data' }],
            },
            httpd: {
              image: IMAGE,
              command: ['sh', '-c', 'cp /data/page /www/index.html && exec httpd -f -p 80 -h /www'],
              mounts: [{ type: 'volume', source: 'shared', target: '/data' }],
            },
            probe: {
              role: 'sidecar',
              image: IMAGE,
              command: ['sh', '-c', 'until wget -qO- http://localhost:80/; do sleep 0.1; done; exec sleep 3600'],
            },
          },
        },
      },
      volumes: { shared: {} },
    });
    const events = await collect(d.apply(bp, { project: P }));
    expect(errorsOf(events)).toEqual([]);
    const ids = await containerIds(c.docker, P);
    expect(Object.keys(ids).sort()).toEqual([`${P}-web-1`, `${P}-web-probe-1`, `${P}-web-setup-1`]);
    const sidecar = await c.docker.getContainer(ids[`${P}-web-probe-1`] as string).inspect();
    expect(sidecar.HostConfig.NetworkMode).toBe(`container:${ids[`${P}-web-1`]}`);
    // The page the main serves was written by the init container: it ran to completion first.
    const out = await eventually(
      async () => {
        const t = await logsOf(ids[`${P}-web-probe-1`] as string);
        return t.includes('from-init') ? t : undefined;
      },
      10_000,
      'the sidecar to fetch from localhost',
    );
    expect(out).toContain('from-init');
    const init = await c.docker.getContainer(ids[`${P}-web-setup-1`] as string).inspect();
    expect(init.State.ExitCode).toBe(0);
    // The driver's logs() (docker/logs) reads the same lines by blueprint names.
    const lines: string[] = [];
    for await (const l of d.logs({ project: P, service: 'web', container: 'probe', tail: 10 })) lines.push(l.text);
    expect(lines.some((l) => l.includes('from-init'))).toBe(true);

    // Unchanged pod: nothing to do, the completed init is left alone.
    c.reset();
    const again = await collect(d.apply(bp, { project: P }));
    expect(errorsOf(again)).toEqual([]);
    expect(c.mutating()).toEqual([]);
  });

  it('starts a dependant only after its healthy-gated dependency is healthy', async () => {
    const P = fresh('health');
    const bp = blueprint({
      services: {
        db: {
          ports: [{ port: 80 }],
          containers: {
            db: {
              image: IMAGE,
              command: ['sh', '-c', 'sleep 1.5; touch /tmp/ready; exec httpd -f -p 80 -h /www'],
              healthcheck: { test: { shell: 'test -f /tmp/ready' }, interval: '200ms', retries: 30 },
            },
          },
        },
        app: {
          links: [{ to: 'db', condition: 'healthy', timeout: '20s' }],
          containers: { app: { image: IMAGE, command: ['sh', '-c', 'wget -qO- http://db/ && exec sleep 3600'] } },
        },
      },
    });
    const events = await collect(d.apply(bp, { project: P }));
    expect(errorsOf(events)).toEqual([]);
    expect(events.some((e) => e.kind === 'wait' && e.service === 'app' && e.on === 'db' && e.condition === 'healthy')).toBe(true);
    const ids = await containerIds(c.docker, P);
    const db = await c.docker.getContainer(ids[`${P}-db-1`] as string).inspect();
    const app = await c.docker.getContainer(ids[`${P}-app-1`] as string).inspect();
    // db can be healthy no sooner than 1.5 s after it started (the engine keeps only the last 5
    // probe results, so the first healthy one may be gone from its log).
    expect(db.State.Health?.Status).toBe('healthy');
    // Created ahead (create first, start in order, as Compose v2), started only once db was healthy.
    expect(Date.parse(app.State.StartedAt)).toBeGreaterThanOrEqual(Date.parse(db.State.StartedAt) + 1500);
    expect(app.State.Running).toBe(true);
  });

  it('fails with the dependency named when it never becomes healthy; the dependant is created, never started, and a re-run converges', async () => {
    const P = fresh('unhealthy');
    const bp = (test: string) =>
      blueprint({
        services: {
          db: {
            containers: {
              db: { image: IMAGE, command: ['sleep', '3600'], healthcheck: { test: { shell: test }, interval: '100ms', retries: 2 } },
            },
          },
          app: {
            links: [{ to: 'db', condition: 'healthy', timeout: '15s' }],
            containers: { app: { image: IMAGE, command: ['sleep', '3600'] } },
          },
        },
      });
    const events = await collect(d.apply(bp('exit 1'), { project: P }));
    const errors = errorsOf(events);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'DEPENDENCY_FAILED', elementId: 'link:app->db' });
    expect(errors[0]?.message).toContain('"db"');
    expect(errors[0]?.message).toContain('unhealthy');
    // Containers are created ahead of their turn; a dependant starts only when its links hold.
    const ids = await containerIds(c.docker, P);
    expect(Object.keys(ids).sort()).toEqual([`${P}-app-1`, `${P}-db-1`]);
    const app = await c.docker.getContainer(ids[`${P}-app-1`] as string).inspect();
    expect(app.State.Status).toBe('created');
    expect(app.State.StartedAt).toBe('0001-01-01T00:00:00Z');
    expect(events.some((e) => e.kind === 'step' && e.phase === 'failed' && !('resource' in e.action) && e.action.service === 'app')).toBe(
      true,
    );

    // db fixed: the re-run recreates db and starts the app container it created before (same id).
    expect(errorsOf(await collect(d.apply(bp('exit 0'), { project: P })))).toEqual([]);
    const again = await containerIds(c.docker, P);
    expect(Object.keys(again).sort()).toEqual([`${P}-app-1`, `${P}-db-1`]);
    expect(again[`${P}-app-1`]).toBe(ids[`${P}-app-1`]);
    expect((await c.docker.getContainer(again[`${P}-app-1`] as string).inspect()).State.Running).toBe(true);
  });

  it('times out a dependency that stays unready, naming it, within the link timeout', async () => {
    const P = fresh('timeout');
    const bp = blueprint({
      services: {
        db: { containers: { db: { image: IMAGE, command: ['sleep', '3600'], healthcheck: { test: { shell: 'true' }, interval: '1h' } } } },
        app: {
          links: [{ to: 'db', condition: 'healthy', timeout: '1s' }],
          containers: { app: { image: IMAGE, command: ['sleep', '3600'] } },
        },
      },
    });
    const t0 = Date.now();
    const [error, ...rest] = errorsOf(await collect(d.apply(bp, { project: P })));
    expect(rest).toEqual([]);
    expect(error).toMatchObject({ code: 'DEPENDENCY_TIMEOUT', elementId: 'link:app->db' });
    expect(error?.message).toContain('"db"');
    expect(Date.now() - t0).toBeLessThan(10_000);
    const ids = await containerIds(c.docker, P);
    expect(Object.keys(ids).sort()).toEqual([`${P}-app-1`, `${P}-db-1`]);
    expect((await c.docker.getContainer(ids[`${P}-app-1`] as string).inspect()).State.Status).toBe('created');
  });
});
