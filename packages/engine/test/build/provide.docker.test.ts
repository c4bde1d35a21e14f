import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imageInventory, provideImages, provideImagesExclusive } from '../../src/docker/build';
import { LABEL } from '../../src/docker/labels';
import type { ProgressEvent } from '../../src/types';
import { blueprint, cleanup, collect, counted, driver, engine, errorsOf, IMAGE, succeeded } from '../docker/harness';
import { removeProjectImages } from './harness';

/**
 * provideImages against the real engine: the inventory's missing images pulled or built without a
 * deploy — a context FROM the locally built busybox, a forced rebuild, a broken Dockerfile's step,
 * an image no registry gives (there is none here), the driver's per-project lock.
 */
describe('provideImages (real engine)', () => {
  const c = counted();
  const d = driver(c.docker, { settleMs: 200 });
  const dir = mkdtempSync(join(tmpdir(), 'h10img-provide-'));
  const projects: string[] = [];
  const fresh = (tag: string) => {
    const p = `h10img-${tag}-${randomBytes(3).toString('hex')}`;
    projects.push(p);
    return p;
  };
  const app = (context: string, extra: Record<string, unknown> = {}) =>
    blueprint({
      services: {
        app: { autoHeal: false, containers: { app: { build: { context }, args: ['sleep', '3600'] } } },
        side: { autoHeal: false, containers: { side: { image: IMAGE, args: ['sleep', '3600'] } } },
        ...extra,
      },
    });
  const record = () => {
    const events: ProgressEvent[] = [];
    return { events, emit: (e: ProgressEvent) => events.push(e) };
  };
  const nothingCreated = async (p: string) => {
    expect(await c.docker.listContainers({ all: true, filters: { label: [`${LABEL.project}=${p}`] } })).toEqual([]);
    expect(await c.docker.listNetworks({ filters: { label: [`${LABEL.project}=${p}`] } })).toEqual([]);
  };

  beforeAll(async () => {
    await engine();
    mkdirSync(join(dir, 'app'));
    writeFileSync(join(dir, 'app', 'Dockerfile'), `FROM ${IMAGE}\nCOPY v.txt /v.txt\nRUN cat /v.txt\n`);
    writeFileSync(join(dir, 'app', 'v.txt'), 'provided\n');
    mkdirSync(join(dir, 'broken'));
    writeFileSync(join(dir, 'broken', 'Dockerfile'), `FROM ${IMAGE}\nCOPY missing.txt /missing.txt\n`);
  }, 120_000);

  afterAll(async () => {
    for (const p of projects) {
      await cleanup(c.docker, p);
      await removeProjectImages(c.docker, p);
    }
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('builds a missing context image without deploying, then has nothing to do; --rebuild builds again', async () => {
    const p = fresh('ok');
    const bp = app('app');
    const before = await imageInventory(c.docker, bp, { project: p, baseDir: dir });
    const tag = before.ok ? before.value.images.find((i) => i.source === 'build')?.reference : undefined;
    expect(tag).toMatch(new RegExp(`^${p}-app:bp-[0-9a-f]{12}$`));

    c.reset();
    const r1 = record();
    const first = await provideImages(c.docker, bp, { project: p, baseDir: dir }, r1.emit);
    if (!first.ok) throw new Error(first.error.message);
    expect(first.value).toEqual({
      project: p,
      provided: [{ reference: tag, action: 'build', elementIds: ['container:app/app'] }],
      failed: [],
    });
    expect(r1.events[0]).toMatchObject({ kind: 'plan', plan: { resources: [{ resource: 'image', name: tag, reason: 'build' }] } });
    const builds = r1.events.flatMap((e) => (e.kind === 'build' ? [e] : []));
    expect(builds.some((e) => /^Step 2\/\d+ : COPY v.txt/.test(e.text) && e.elementId === 'container:app/app')).toBe(true);
    expect(r1.events.filter((e) => e.kind === 'step').map((e) => e.kind === 'step' && e.phase)).toEqual(['started', 'done']);
    // Only the build: no container, network or volume.
    expect(c.mutating().map((m) => `${m.method} ${m.path.split('?')[0]}`)).toEqual(['POST /build']);
    await nothingCreated(p);
    const built = await c.docker.getImage(tag ?? '').inspect();
    expect(built.Config.Labels).toMatchObject({ [LABEL.project]: p, [LABEL.managed]: 'true' });

    c.reset();
    const r2 = record();
    const second = await provideImages(c.docker, bp, { project: p, baseDir: dir }, r2.emit);
    expect(second.ok && second.value.provided).toEqual([]);
    expect(r2.events).toMatchObject([{ kind: 'plan', plan: { noop: true } }]);
    expect(c.mutating()).toEqual([]);

    c.reset();
    const r3 = record();
    const rebuilt = await provideImages(c.docker, bp, { project: p, baseDir: dir, rebuild: true }, r3.emit);
    expect(rebuilt.ok && rebuilt.value.provided.map((x) => x.reference)).toEqual([tag]);
    expect(r3.events[0]).toMatchObject({ kind: 'plan', plan: { resources: [{ name: tag, reason: 'rebuild' }] } });
    expect(c.mutating().filter((m) => m.path.startsWith('/build'))).toHaveLength(1);
    const texts = r3.events.flatMap((e) => (e.kind === 'build' ? [e.text] : []));
    expect(texts.some((t) => /Using cache/.test(t))).toBe(false);
    expect((await c.docker.getImage(tag ?? '').inspect()).Id).not.toBe(built.Id);
  }, 180_000);

  it('provides only the named images and kinds; an unknown name is refused before any engine change', async () => {
    const p = fresh('only');
    const bp = app('app');
    c.reset();
    const unknown = await provideImages(c.docker, bp, { project: p, baseDir: dir, only: ['nope:1'] }, () => {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '"nope:1" is not an image of the blueprint.' } });
    const pullsOnly = await provideImages(
      c.docker,
      bp,
      { project: p, baseDir: dir, only: ['container:app/app'], sources: ['pull'] },
      () => {},
    );
    expect(pullsOnly.ok && pullsOnly.value.provided).toEqual([]);
    expect(c.mutating()).toEqual([]);
    const byElement = await provideImages(c.docker, bp, { project: p, baseDir: dir, only: ['container:app/app'] }, () => {});
    expect(byElement.ok && byElement.value.provided.map((x) => x.action)).toEqual(['build']);
  }, 120_000);

  it('reports a broken Dockerfile’s failing step and still provides the other images', async () => {
    const p = fresh('broken');
    const bp = app('app', { bad: { autoHeal: false, containers: { bad: { build: { context: 'broken' } } } } });
    const r = record();
    const out = await provideImages(c.docker, bp, { project: p, baseDir: dir }, r.emit);
    if (!out.ok) throw new Error(out.error.message);
    expect(out.value.provided.map((x) => x.elementIds)).toEqual([['container:app/app']]);
    expect(out.value.failed).toHaveLength(1);
    const [failed] = out.value.failed;
    expect(failed?.reference).toMatch(new RegExp(`^${p}-bad:bp-`));
    expect(failed?.error).toMatchObject({ code: 'BUILD_FAILED', elementId: 'container:bad/bad' });
    expect(failed?.error.step).toMatch(/^Step 2\/\d+ : COPY missing.txt \/missing.txt$/);
    expect(r.events.find((e) => e.kind === 'step' && e.phase === 'failed')).toMatchObject({ action: { name: failed?.reference } });
    await nothingCreated(p);
  }, 120_000);

  it('fails an image no registry gives naming it, creates nothing, and takes the driver’s project lock', async () => {
    const p = fresh('pull');
    const missing = `h10img-missing/none:${randomBytes(3).toString('hex')}`;
    const bp = blueprint({ services: { gone: { autoHeal: false, containers: { gone: { image: missing } } } } });
    const events = await collect(provideImagesExclusive(d, bp, { project: p }));
    expect(succeeded(events)).toBe(false);
    const [error] = errorsOf(events);
    expect(error).toMatchObject({ code: 'IMAGE_PULL_FAILED', elementId: 'container:gone/gone' });
    expect(error?.message).toContain(missing);
    await nothingCreated(p);

    // While an apply of the project runs, provide answers BUSY (one operation per project).
    const q = fresh('busy');
    const running = collect(d.apply(app('app'), { project: q, baseDir: dir }));
    const busy = await collect(provideImagesExclusive(d, app('app'), { project: q, baseDir: dir }));
    expect(errorsOf(busy).map((e) => e.code)).toEqual(['BUSY']);
    expect(succeeded(await running)).toBe(true);
  }, 120_000);
});
