import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ensureDocker, ensureTestImages } from '../../../scripts/docker-env.mjs';
import { cli, IMAGE, tempDir } from './engine-helpers';
import { buildCli } from './helpers';

/**
 * File references at the CLI's real entry point (issue 5, threat model T12): `blaupause deploy`
 * resolves bind sources and config files inside the blueprint file's folder with symbolic links
 * followed, and refuses remote Compose includes — before anything is created on the real engine,
 * naming the reference and never printing a byte of the file behind it.
 */
const dir = tempDir();
const project = `bpsec-cli-${Date.now().toString(36)}`;
const SECRET = 'TOP-SECRET-FILE-BYTES';

beforeAll(async () => {
  const env = await ensureDocker();
  await ensureTestImages(env.socket);
  await buildCli();
  mkdirSync(join(dir, 'app', 'site'), { recursive: true });
  mkdirSync(join(dir, 'outside'), { recursive: true });
  writeFileSync(join(dir, 'outside', 'secret.txt'), SECRET);
  symlinkSync(join(dir, 'outside'), join(dir, 'app', 'link'));
  symlinkSync(join(dir, 'outside', 'secret.txt'), join(dir, 'app', 'secret-link'));
}, 120_000);

afterAll(async () => {
  await cli(['down', project], { cwd: dir });
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

const blueprint = (mount: string, extra = '') => `apiVersion: blaupause.dev/v1
kind: Blueprint
metadata:
  name: ${project}
services:
  web:
    containers:
      web:
        image: ${IMAGE}
        command: [sleep, "3600"]
        mounts:
${mount}${extra}`;

const containers = async () => JSON.parse((await cli(['status', project, '--json'], { cwd: dir })).stdout).containers as unknown[];

describe('blaupause deploy: file references stay inside the blueprint folder', () => {
  test.each([
    ['a bind through a symbolic link out', '          - { type: bind, source: ./link, target: /x }\n', '', '"./link"'],
    [
      'a config file that is a symbolic link out',
      '          - { type: config, source: leak, target: /x }\n',
      'configs:\n  leak:\n    file: secret-link\n',
      '"secret-link"',
    ],
    ['a bind climbing out', '          - { type: bind, source: ../outside, target: /x }\n', '', '"../outside"'],
  ])(
    '%s is refused, named, and nothing is created',
    async (_, mount, extra, named) => {
      writeFileSync(join(dir, 'app', 'bp.blueprint.yaml'), blueprint(mount, extra));
      const r = await cli(['deploy', 'app/bp.blueprint.yaml'], { cwd: dir });
      expect(r.status).not.toBe(0);
      const out = r.stdout + r.stderr;
      expect(out).toContain(named);
      expect(out).toMatch(/symbolic link|climbs out/);
      expect(out).not.toContain(SECRET);
      expect(await containers()).toEqual([]);
    },
    60_000,
  );

  test('a Compose file with a remote include is refused before anything is created', async () => {
    writeFileSync(
      join(dir, 'app', 'compose.yaml'),
      `include:\n  - https://example.com/more.yaml\nservices:\n  web:\n    image: ${IMAGE}\n    command: [sleep, "3600"]\n`,
    );
    const r = await cli(['deploy', 'app/compose.yaml', '--project', project], { cwd: dir });
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toContain('REMOTE_REFERENCE');
    expect(await containers()).toEqual([]);
  }, 60_000);
});
