import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imageInventory, removeUnusedImages } from '../../src/docker/build';
import { blueprint, cleanup, collect, counted, driver, engine, errorsOf, IMAGE } from '../docker/harness';
import { projectName, removeProjectImages } from './harness';

/** The image inventory of a blueprint against the real engine: present, missing, built, unused. */
describe('image inventory (real engine)', () => {
  const c = counted();
  const d = driver(c.docker, { settleMs: 200 });
  const dir = mkdtempSync(join(tmpdir(), 'bpimg-inv-'));
  const p = projectName('inv');
  const other = projectName('other');
  const bp = blueprint({
    services: {
      app: { autoHeal: false, containers: { app: { build: { context: 'app' }, args: ['sleep', '3600'] } } },
      side: { autoHeal: false, containers: { side: { image: IMAGE, args: ['sleep', '3600'] } } },
    },
  });
  const missing = blueprint({ services: { gone: { containers: { gone: { image: 'bpimg-missing/none:1' } } } } });

  beforeAll(async () => {
    await engine();
    mkdirSync(join(dir, 'app'));
    writeFileSync(join(dir, 'app', 'Dockerfile'), `FROM ${IMAGE}\nCOPY v.txt /v.txt\n`);
  }, 60_000);

  afterAll(async () => {
    for (const x of [p, other]) {
      await cleanup(c.docker, x);
      await removeProjectImages(c.docker, x);
    }
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('lists what exists, what would be built or pulled, and removes only unused images we built', async () => {
    writeFileSync(join(dir, 'app', 'v.txt'), 'one\n');
    const before = await imageInventory(c.docker, bp, { project: p, baseDir: dir });
    if (!before.ok) throw new Error(before.error.message);
    const app = before.value.images.find((i) => i.elementIds.includes('container:app/app'));
    expect(app).toMatchObject({ source: 'build', present: false, action: 'build' });
    expect(before.value.images.find((i) => i.reference === IMAGE)).toMatchObject({ source: 'pull', present: true, action: 'none' });
    expect(before.value.images.find((i) => i.reference === IMAGE)?.sizeBytes).toBeGreaterThan(0);
    const gone = await imageInventory(c.docker, missing, { project: p });
    expect(gone.ok && gone.value.images).toMatchObject([{ reference: 'bpimg-missing/none:1', present: false, action: 'pull' }]);

    expect(errorsOf(await collect(d.apply(bp, { project: p, baseDir: dir })))).toEqual([]);
    const first = await imageInventory(c.docker, bp, { project: p, baseDir: dir });
    const firstApp = first.ok ? first.value.images.find((i) => i.source === 'build') : undefined;
    expect(firstApp).toMatchObject({ present: true, action: 'none' });
    expect(first.ok && first.value.unused).toEqual([]);

    // Rebuilt on a change: the old image is ours, unused by any container → listed, then removed.
    writeFileSync(join(dir, 'app', 'v.txt'), 'two\n');
    expect(errorsOf(await collect(d.apply(bp, { project: p, baseDir: dir })))).toEqual([]);
    // Another project's built image, unused too, must stay: it is not this project's.
    expect(errorsOf(await collect(d.apply(bp, { project: other, baseDir: dir })))).toEqual([]);
    await cleanup(c.docker, other);
    const second = await imageInventory(c.docker, bp, { project: p, baseDir: dir });
    if (!second.ok) throw new Error(second.error.message);
    expect(second.value.unused.map((u) => u.id)).toEqual([firstApp?.id]);
    expect(second.value.unused[0]?.tags).toEqual([firstApp?.reference]);

    c.reset();
    const removed = await removeUnusedImages(c.docker, bp, { project: p, baseDir: dir });
    expect(removed.ok && removed.value).toMatchObject({ removed: [{ id: firstApp?.id }], failed: [] });
    expect(c.mutating().map((m) => m.method)).toEqual(['DELETE']);
    await expect(c.docker.getImage(firstApp?.id ?? '').inspect()).rejects.toMatchObject({ statusCode: 404 });
    // The current image and the other project's stay.
    const after = await imageInventory(c.docker, bp, { project: p, baseDir: dir });
    expect(after.ok && after.value.images.find((i) => i.source === 'build')?.present).toBe(true);
    expect((await c.docker.listImages({ filters: { label: [`com.docker.compose.project=${other}`] } })).length).toBe(1);
  }, 180_000);
});
