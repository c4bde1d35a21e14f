import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDockerDriver } from '@blaupause/engine';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ensureDocker, ensureTestImages } from '../../../scripts/docker-env.mjs';
import { cli, IMAGE, tempDir } from './engine-helpers';
import { buildCli } from './helpers';

/** `blaupause images` with the built bin against the real engine: inventory, build on deploy, unused images removed. */
const dir = tempDir();
const P = `bpimg-cli-${Math.random().toString(16).slice(2, 8)}`;
/** The pull / build tests' project (h10img-: that helper's prefix). */
const Q = `h10img-cli-${Math.random().toString(16).slice(2, 8)}`;
const file = join(dir, 'app.blueprint.yaml');
const docker = createDockerDriver().docker;

beforeAll(async () => {
  const env = await ensureDocker();
  await ensureTestImages(env.socket);
  await buildCli();
  mkdirSync(join(dir, 'ctx'));
  writeFileSync(join(dir, 'ctx', 'Dockerfile'), `FROM ${IMAGE}\nCOPY v.txt /v.txt\n`);
  writeFileSync(join(dir, 'ctx', 'v.txt'), 'one\n');
  writeFileSync(
    file,
    `apiVersion: blaupause.dev/v1
kind: Blueprint
metadata: { name: imgs }
services:
  app:
    autoHeal: false
    containers:
      app: { build: { context: ctx }, args: [sleep, "3600"] }
  side:
    autoHeal: false
    containers:
      side: { image: ${IMAGE}, args: [sleep, "3600"] }
`,
  );
}, 180_000);

afterAll(async () => {
  await cli(['down', P], { cwd: dir });
  for (const project of [P, Q])
    for (const i of await docker.listImages({ filters: { label: [`com.docker.compose.project=${project}`] } }))
      await docker
        .getImage(i.Id)
        .remove({ force: true })
        .catch(() => {});
}, 120_000);

describe('blaupause images', () => {
  test('lists what a deploy would build or pull, and removes unused built images', async () => {
    const before = await cli(['images', file, '-p', P, '--json'], { cwd: dir });
    expect(before.status).toBe(0);
    const inv = JSON.parse(before.stdout);
    expect(inv.images).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ source: 'build', present: false, action: 'build', elementIds: ['container:app/app'] }),
        expect.objectContaining({ reference: IMAGE, present: true, action: 'none' }),
      ]),
    );

    const deployed = await cli(['deploy', file, '-p', P], { cwd: dir });
    expect(deployed.status).toBe(0);
    expect(deployed.stdout).toMatch(/build +Step 2\/\d+ : COPY v.txt \/v.txt/);
    writeFileSync(join(dir, 'ctx', 'v.txt'), 'two\n');
    expect((await cli(['deploy', file, '-p', P], { cwd: dir })).status).toBe(0);

    const text = await cli(['images', file, '-p', P], { cwd: dir });
    expect(text.stdout).toMatch(new RegExp(`built +${P}-app:bp-[0-9a-f]{12} +[\\d.]+ MB`));
    expect(text.stdout).toMatch(/Unused images built for .*--remove-unused/);
    const removed = await cli(['images', file, '-p', P, '--remove-unused'], { cwd: dir });
    expect(removed.status).toBe(0);
    expect(removed.stdout).toMatch(/Removed 1 unused built image:/);
    expect(JSON.parse((await cli(['images', file, '-p', P, '--json'], { cwd: dir })).stdout).unused).toEqual([]);
  }, 240_000);

  test('--build builds the missing context image without deploying, --rebuild again; --pull fails naming the image', async () => {
    const tag = `${Q}-app:bp-[0-9a-f]{12}`;
    const built = await cli(['images', file, '-p', Q, '--build'], { cwd: dir });
    expect(built.status).toBe(0);
    expect(built.stdout).toMatch(new RegExp(`Images to provide for project ${Q}:\n  build +${tag}\n`));
    expect(built.stdout).toMatch(/build +Step 2\/\d+ : COPY v.txt \/v.txt/);
    expect(built.stdout).toMatch(new RegExp(`built +${tag} \\(\\d+\\.\\d s\\)`));
    // The inventory printed after it lists the image as built; no container was created.
    expect(built.stdout).toMatch(new RegExp(`built +${tag} +[\\d.]+ MB`));
    expect(await docker.listContainers({ all: true, filters: { label: [`com.docker.compose.project=${Q}`] } })).toEqual([]);

    const again = await cli(['images', file, '-p', Q, '--build'], { cwd: dir });
    expect(again.stdout).toContain(`Nothing to pull or build for project ${Q}: every image is present.`);
    const rebuilt = await cli(['images', file, '-p', Q, '--rebuild', '--json'], { cwd: dir });
    expect(rebuilt.status).toBe(0);
    expect(JSON.parse(rebuilt.stdout)).toMatchObject({
      ok: true,
      provided: [{ action: 'build', elementIds: ['container:app/app'] }],
      errors: [],
    });

    const missing = `h10img-missing/none:${Math.random().toString(16).slice(2, 8)}`;
    const gone = join(dir, 'gone.blueprint.yaml');
    writeFileSync(
      gone,
      `apiVersion: blaupause.dev/v1\nkind: Blueprint\nmetadata: { name: gone }\nservices:\n  g:\n    containers:\n      g: { image: "${missing}" }\n`,
    );
    const pulled = await cli(['images', gone, '-p', Q, '--pull'], { cwd: dir });
    expect(pulled.status).toBe(1);
    expect(pulled.stdout).toContain(`FAILED     pull ${missing}`);
    expect(pulled.stderr).toMatch(new RegExp(`error IMAGE_PULL_FAILED \\(container:g/g\\): Image "${missing}" could not be pulled`));
    expect(pulled.stdout).toMatch(new RegExp(`pull +${missing}`));
  }, 240_000);

  test('usage errors and refused contexts', async () => {
    expect((await cli(['images'], { cwd: dir })).status).toBe(2);
    expect((await cli(['images', file, '-p', 'Bad_Name'], { cwd: dir })).status).toBe(2);
    const out = join(dir, 'out.blueprint.yaml');
    writeFileSync(
      out,
      `apiVersion: blaupause.dev/v1\nkind: Blueprint\nmetadata: { name: out }\nservices:\n  a:\n    containers:\n      a: { build: { context: ../ } }\n`,
    );
    const r = await cli(['images', out, '--json'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).errors[0]).toMatchObject({ code: 'INVALID_BLUEPRINT', elementId: 'container:a/a' });
  }, 60_000);
});
