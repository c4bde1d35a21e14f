import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_LABEL } from '../../src/docker/build';
import { LABEL } from '../../src/docker/labels';
import { Orchestrator } from '../../src/docker/orchestrate';
import type { ProgressEvent } from '../../src/types';
import { blueprint, cleanup, collect, counted, driver, engine, errorsOf, eventually, IMAGE, succeeded } from '../docker/harness';
import { projectName, removeProjectImages } from './harness';

/** Builds through the real engine: a context folder under a temp blueprint folder, FROM the local busybox. */
describe('Docker driver: build contexts (real engine)', () => {
  const c = counted();
  const d = driver(c.docker, { settleMs: 300 });
  const dir = mkdtempSync(join(tmpdir(), 'bpimg-build-'));
  const projects: string[] = [];
  const fresh = (tag: string) => {
    const p = projectName(tag);
    projects.push(p);
    return p;
  };
  const app = (build: { context: string; args?: Record<string, string> }) =>
    blueprint({
      services: {
        web: {
          // Another process's auto-healing supervisor must not re-create what afterAll removes.
          autoHeal: false,
          containers: {
            web: { build, args: ['sh', '-c', 'cat /hello.txt; sleep 3600'] },
          },
        },
      },
    });

  beforeAll(async () => {
    await engine();
    mkdirSync(join(dir, 'app'));
    writeFileSync(join(dir, 'app', 'Dockerfile'), `FROM ${IMAGE}\nARG GREETING=hi\nCOPY hello.txt /hello.txt\nLABEL greeting=$GREETING\n`);
    writeFileSync(join(dir, 'app', 'hello.txt'), 'hello from the context\n');
    writeFileSync(join(dir, 'app', '.dockerignore'), 'notes.md\n');
    writeFileSync(join(dir, 'app', 'notes.md'), 'not sent\n');
    mkdirSync(join(dir, 'broken'));
    writeFileSync(join(dir, 'broken', 'Dockerfile'), `FROM ${IMAGE}\nCOPY missing.txt /missing.txt\n`);
    symlinkSync('/etc', join(dir, 'outside'));
  }, 120_000);

  afterAll(async () => {
    for (const p of projects) {
      await cleanup(c.docker, p);
      await removeProjectImages(c.docker, p);
    }
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('builds the image, runs it, and does not rebuild an unchanged context', async () => {
    const p = fresh('ok');
    const bp = app({ context: 'app', args: { GREETING: 'hello' } });
    const events = await collect(d.apply(bp, { project: p, baseDir: dir }));
    expect(errorsOf(events)).toEqual([]);
    expect(succeeded(events)).toBe(true);
    const builds = events.filter((e): e is Extract<ProgressEvent, { kind: 'build' }> => e.kind === 'build');
    expect(builds.some((e) => /^Step 3\/\d+ : COPY hello.txt/.test(e.text))).toBe(true);
    const tag = builds[0]?.image ?? '';
    expect(tag).toMatch(new RegExp(`^${p}-web:bp-[0-9a-f]{12}$`));

    const img = await c.docker.getImage(tag).inspect();
    expect(img.Config.Labels).toMatchObject({ [LABEL.project]: p, [LABEL.managed]: 'true', greeting: 'hello' });
    expect(img.Config.Labels?.[BUILD_LABEL.hash]).toMatch(/^[0-9a-f]{64}$/);
    const [ctr] = await c.docker.listContainers({ filters: { label: [`${LABEL.project}=${p}`] } });
    expect(ctr?.Image).toBe(tag);
    const logs = await eventually(async () => {
      const buf = (await c.docker.getContainer(ctr?.Id ?? '').logs({ stdout: true, stderr: true })) as unknown as Buffer;
      return buf.toString().includes('hello from the context') ? buf : undefined;
    });
    expect(logs.toString()).toContain('hello from the context');

    // Unchanged context (and a change to an ignored file): no build call, no mutating call at all.
    writeFileSync(join(dir, 'app', 'notes.md'), 'changed, but ignored\n');
    c.reset();
    const again = await collect(d.apply(bp, { project: p, baseDir: dir }));
    expect(succeeded(again)).toBe(true);
    expect(c.calls.filter((x) => x.path.startsWith('/build'))).toEqual([]);
    expect(c.mutating()).toEqual([]);
    expect(again.find((e) => e.kind === 'plan')).toMatchObject({ plan: { noop: true } });

    // A changed file in the context: a new image, the container recreated on it.
    writeFileSync(join(dir, 'app', 'hello.txt'), 'changed context\n');
    c.reset();
    const changed = await collect(d.apply(bp, { project: p, baseDir: dir }));
    expect(errorsOf(changed)).toEqual([]);
    expect(c.calls.filter((x) => x.method === 'POST' && x.path.startsWith('/build'))).toHaveLength(1);
    const plan = changed.find((e) => e.kind === 'plan');
    expect(plan?.kind === 'plan' && plan.plan.resources.find((r) => r.resource === 'image')).toMatchObject({
      kind: 'create',
      reason: 'build',
    });
    expect(plan?.kind === 'plan' && plan.plan.actions.map((a) => a.kind)).toEqual(['recreate']);
  }, 180_000);

  it('the orchestrator’s rolling update builds a changed context too (the server deploys through it)', async () => {
    const p = fresh('roll');
    const bp = app({ context: 'app' });
    expect(errorsOf(await collect(d.apply(bp, { project: p, baseDir: dir })))).toEqual([]);
    writeFileSync(join(dir, 'app', 'hello.txt'), `rolled ${p}\n`);
    c.reset();
    const events = await collect(new Orchestrator(d).update(bp, { project: p, baseDir: dir }));
    expect(errorsOf(events)).toEqual([]);
    expect(c.calls.filter((x) => x.method === 'POST' && x.path.startsWith('/build'))).toHaveLength(1);
    const [ctr] = await c.docker.listContainers({ filters: { label: [`${LABEL.project}=${p}`] } });
    expect(ctr?.Image).toMatch(new RegExp(`^${p}-web:bp-[0-9a-f]{12}$`));
  }, 120_000);

  it('reports the failing Dockerfile step and creates nothing', async () => {
    const p = fresh('broken');
    const events = await collect(d.apply(app({ context: 'broken' }), { project: p, baseDir: dir }));
    expect(succeeded(events)).toBe(false);
    const [err] = errorsOf(events);
    expect(err).toMatchObject({ code: 'BUILD_FAILED', elementId: 'container:web/web' });
    expect(err?.step).toMatch(/^Step 2\/\d+ : COPY missing.txt \/missing.txt$/);
    expect(err?.message).toMatch(/missing\.txt/);
    expect(await c.docker.listContainers({ all: true, filters: { label: [`${LABEL.project}=${p}`] } })).toEqual([]);
  }, 120_000);

  it('refuses contexts outside the blueprint folder before any engine call', async () => {
    const p = fresh('out');
    for (const context of ['../', 'outside', '/etc']) {
      c.reset();
      const events = await collect(d.apply(app({ context }), { project: p, baseDir: dir }));
      expect(errorsOf(events)).toMatchObject([{ code: 'INVALID_BLUEPRINT', elementId: 'container:web/web' }]);
      expect(c.calls).toEqual([]);
    }
    const noBase = await collect(d.apply(app({ context: 'app' }), { project: p }));
    expect(errorsOf(noBase)).toMatchObject([{ code: 'UNSUPPORTED' }]);
  }, 60_000);
});
