import type { Blueprint } from '@blaupause/model';
import { describe, expect, it } from 'vitest';
import { DockerDriver } from './docker/driver';
import { ProjectLock } from './lock';
import { PodmanKubeDriver } from './podman/driver';
import { SwarmDriver } from './swarm/driver';
import type { EngineError, ProgressEvent } from './types';

const collect = async (events: AsyncIterable<ProgressEvent>) => {
  const all: ProgressEvent[] = [];
  for await (const e of events) all.push(e);
  return all;
};
const errorCodes = (events: ProgressEvent[]) => events.flatMap((e) => (e.kind === 'error' ? [e.error.code] : []));
const done = (events: ProgressEvent[]) => events.at(-1);

/** A work whose end the test decides. */
function gate() {
  let open: (errors: EngineError[]) => void = () => {};
  const ended = new Promise<EngineError[]>((r) => {
    open = r;
  });
  return { work: async () => ended, open };
}

const lock = () => new ProjectLock({ toError: (e) => ({ code: 'ENGINE_ERROR', message: `thrown: ${(e as Error).message}` }) });

describe('ProjectLock', () => {
  it('answers BUSY at once while the project is held, and lets it go when the work ends', async () => {
    const l = lock();
    const g = gate();
    const first = collect(l.run('shop', g.work));
    expect(l.isBusy('shop')).toBe(true);
    const second = await collect(l.run('shop', async () => []));
    expect(errorCodes(second)).toEqual(['BUSY']);
    expect(second[0]).toMatchObject({ error: { message: 'Project "shop" is being deployed or torn down already.' } });
    expect(done(second)).toMatchObject({ kind: 'done', ok: false });
    g.open([]);
    expect(done(await first)).toMatchObject({ kind: 'done', ok: true });
    expect(l.isBusy('shop')).toBe(false);
    expect(done(await collect(l.run('shop', async () => [])))).toMatchObject({ ok: true });
  });

  it('takes the lock when called, not when iterated, and buffers the events', async () => {
    const l = lock();
    const g = gate();
    const stream = l.run('shop', async (emit) => {
      emit({ kind: 'pull', image: 'busybox', status: 'Pulling', at: 1 });
      return g.work();
    });
    expect(l.isBusy('shop')).toBe(true);
    g.open([{ code: 'ENGINE_ERROR', message: 'went wrong' }]);
    const events = await collect(stream);
    expect(events.map((e) => e.kind)).toEqual(['pull', 'error', 'done']);
    expect(done(events)).toMatchObject({ ok: false });
  });

  it('releases the project when the work throws, the throw as an error event', async () => {
    const l = lock();
    const events = await collect(
      l.run('shop', async () => {
        throw new Error('boom');
      }),
    );
    expect(events.filter((e) => e.kind === 'error')).toMatchObject([{ error: { code: 'ENGINE_ERROR', message: 'thrown: boom' } }]);
    expect(done(events)).toMatchObject({ kind: 'done', ok: false });
    expect(l.isBusy('shop')).toBe(false);
    expect(errorCodes(await collect(l.run('shop', async () => [])))).toEqual([]);
  });

  it('holds each project on its own', async () => {
    const l = lock();
    const g = gate();
    const shop = collect(l.run('shop', g.work));
    const blog = await collect(l.run('blog', async () => []));
    expect(errorCodes(blog)).toEqual([]);
    expect(l.isBusy('blog')).toBe(false);
    g.open([]);
    await shop;
  });

  it('is one per lock: another lock (another target) holds the same project name independently', async () => {
    const a = lock();
    const b = lock();
    const g = gate();
    const held = collect(a.run('shop', g.work));
    expect(errorCodes(await collect(b.run('shop', async () => [])))).toEqual([]);
    g.open([]);
    await held;
  });

  it('awaits `released` after letting go and before reporting done', async () => {
    const order: string[] = [];
    const l = new ProjectLock({
      toError: () => ({ code: 'ENGINE_ERROR', message: '' }),
      released: async (project) => {
        order.push(`released ${project} busy=${l.isBusy(project)}`);
        await new Promise((r) => setTimeout(r, 20));
        order.push('released done');
      },
    });
    for await (const e of l.run('shop', async () => [])) order.push(e.kind);
    expect(order).toEqual(['released shop busy=false', 'released done', 'done']);
  });
});

describe('the drivers share it', () => {
  // Sockets nobody answers on: the work fails fast, but the lock is taken at the call.
  const nowhere = '/nonexistent/blaupause-lock-test.sock';
  const bp = { apiVersion: 'blaupause.dev/v1', kind: 'Blueprint', metadata: { name: 'x' }, services: {} } as unknown as Blueprint;

  const drivers = {
    docker: () => new DockerDriver({ socketPath: nowhere }),
    swarm: () => new SwarmDriver({ socketPath: nowhere }),
    podman: () => new PodmanKubeDriver({ socket: nowhere }),
  };

  for (const [name, make] of Object.entries(drivers)) {
    it(`${name}: a second apply or destroy of a project in flight gets BUSY; another project and another driver do not`, async () => {
      const d = make();
      const first = collect(d.apply(bp, { project: 'shop' }));
      const again = collect(d.destroy('shop'));
      const other = collect(d.destroy('blog'));
      const elsewhere = collect(make().apply(bp, { project: 'shop' }));
      expect(errorCodes(await again)).toEqual(['BUSY']);
      expect(errorCodes(await other)).not.toContain('BUSY');
      expect(errorCodes(await elsewhere)).not.toContain('BUSY');
      expect(errorCodes(await first)).not.toContain('BUSY');
      // Released after its failure: the project can be worked on again.
      expect(errorCodes(await collect(d.destroy('shop')))).not.toContain('BUSY');
    });
  }
});
