import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LABEL } from '../../src/docker/labels';
import { blueprint, cleanup, collect, containerIds, counted, driver, engine, errorsOf, IMAGE, project, succeeded } from './harness';

/**
 * Convergence after interruptions: a recreate cut between create-new and remove-old (fault F2),
 * a cancelled deploy, a container stopped behind our back; plus engine info.
 */
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

const bp = (env: Record<string, string> = {}) =>
  blueprint({
    services: {
      api: { containers: { api: { image: IMAGE, command: ['sleep', '3600'], env } } },
      other: { containers: { other: { image: IMAGE, command: ['sleep', '3600'] } } },
    },
  });

describe('Docker driver: convergence after interruptions', () => {
  it('reports the engine it talks to', async () => {
    const info = await d.info();
    expect(info.ok && info.value).toMatchObject({ kind: 'docker', endpoint: 'unix:///var/run/docker.sock' });
    expect(info.ok && info.value.apiVersion).toMatch(/^1\.\d+$/);
  });

  it('answers ENGINE_UNREACHABLE, naming where it looked, when no engine listens', async () => {
    const none = driver(new Docker({ socketPath: '/tmp/blaupause-no-engine-here.sock' }));
    const info = await none.info();
    expect(!info.ok && info.error).toMatchObject({ code: 'ENGINE_UNREACHABLE' });
    expect(!info.ok && info.error.message).toContain('/tmp/blaupause-no-engine-here.sock');
    const events = await collect(none.apply(bp(), { project: fresh('none') }));
    expect(errorsOf(events).map((e) => e.code)).toEqual(['ENGINE_UNREACHABLE']);
    expect(events.at(-1)).toMatchObject({ kind: 'done', ok: false });
  });

  it('heals a recreate interrupted after the new container was created (F2): one container per slot, canonically named', async () => {
    const P = fresh('f2');
    expect(succeeded(await collect(d.apply(bp(), { project: P })))).toBe(true);
    const before = await containerIds(c.docker, P);
    const old = before[`${P}-api-1`] as string;
    // What a backend killed right after create-new leaves: the new container under its temporary name.
    const info = await c.docker.getContainer(old).inspect();
    await c.docker.createContainer({
      name: `${old.slice(0, 12)}_${P}-api-1`,
      Image: IMAGE,
      Cmd: ['sleep', '3600'],
      Env: ['MODE=new'],
      Labels: { ...info.Config.Labels, [LABEL.configHash]: 'from-an-interrupted-run' },
    });
    const events = await collect(d.apply(bp({ MODE: 'new' }), { project: P }));
    expect(errorsOf(events)).toEqual([]);
    const after = await containerIds(c.docker, P);
    expect(Object.keys(after).sort()).toEqual([`${P}-api-1`, `${P}-other-1`]);
    expect(after[`${P}-other-1`]).toBe(before[`${P}-other-1`]);
    expect((await c.docker.getContainer(after[`${P}-api-1`] as string).inspect()).Config.Env).toContain('MODE=new');
  });

  it('says before a recreate stops the old container that it waits up to the stop timeout', async () => {
    const P = fresh('stopword');
    expect(succeeded(await collect(d.apply(bp(), { project: P })))).toBe(true);
    const events = await collect(d.apply(bp({ MODE: 'two' }), { project: P }));
    expect(succeeded(events)).toBe(true);
    expect(events).toContainEqual(
      expect.objectContaining({
        kind: 'step',
        phase: 'started',
        action: expect.objectContaining({ kind: 'recreate', service: 'api' }),
        message: `stopping ${P}-api-1 (waits up to 1 s for it to exit)`,
      }),
    );
  });

  it('starts a container stopped behind its back instead of recreating it', async () => {
    const P = fresh('stopped');
    expect(succeeded(await collect(d.apply(bp(), { project: P })))).toBe(true);
    const before = await containerIds(c.docker, P);
    await c.docker.getContainer(before[`${P}-other-1`] as string).kill();
    const plan = await d.plan(bp(), { project: P });
    expect(plan.ok && plan.value.actions.find((a) => a.service === 'other')?.kind).toBe('start');
    expect(succeeded(await collect(d.apply(bp(), { project: P })))).toBe(true);
    expect(await containerIds(c.docker, P)).toEqual(before);
    expect((await c.docker.getContainer(before[`${P}-other-1`] as string).inspect()).State.Running).toBe(true);
  });

  it('stops at a cancelled signal with CANCELLED, and a re-run converges', async () => {
    const P = fresh('cancel');
    const ac = new AbortController();
    ac.abort();
    const events = await collect(d.apply(bp(), { project: P, signal: ac.signal }));
    expect(errorsOf(events).map((e) => e.code)).toEqual(['CANCELLED']);
    expect(succeeded(await collect(d.apply(bp(), { project: P })))).toBe(true);
    expect(Object.keys(await containerIds(c.docker, P)).sort()).toEqual([`${P}-api-1`, `${P}-other-1`]);
  });
});
