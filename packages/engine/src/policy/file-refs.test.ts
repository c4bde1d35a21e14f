import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isReservedLabel } from '@blaupause/model';
import { afterAll, describe, expect, it } from 'vitest';
import { createOptions } from '../docker/create-options';
import { LABEL } from '../docker/labels';
import { bp } from '../docker/testing';

/**
 * File references at deploy time, on a real file system (issue 5): bind sources and config/secret
 * files resolve inside the blueprint's folder through the model's resolveFileRef, symbolic links
 * followed; nothing outside is handed to the engine, and no error carries a byte of a file.
 */
const root = mkdtempSync(join(tmpdir(), 'bp-refs-'));
const base = join(root, 'project');
const outside = join(root, 'outside');
mkdirSync(join(base, 'conf'), { recursive: true });
mkdirSync(outside);
writeFileSync(join(outside, 'secret.txt'), 'TOP-SECRET-BYTES');
writeFileSync(join(base, 'conf', 'app.conf'), 'ok');
symlinkSync(outside, join(base, 'out-dir'));
symlinkSync(join(outside, 'secret.txt'), join(base, 'secret-link'));
symlinkSync(join(base, 'conf'), join(base, 'conf-link'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const blueprint = bp({
  services: {},
  configs: { app: { file: 'conf/app.conf' }, leak: { file: 'secret-link' }, up: { file: '../outside/secret.txt' } },
  secrets: { key: { file: 'out-dir/secret.txt' } },
});
const ctx = { project: 'shop', blueprint, baseDir: base };
const svc = bp({ services: { s: { containers: { c: { image: 'x' } } } } }).services.s as NonNullable<
  ReturnType<typeof bp>['services'][string]
>;
const mount = (m: Record<string, unknown>) =>
  createOptions(ctx, 's', svc, 'c', { role: 'main', image: 'x', mounts: [m as never] }, 'container:s/c');

describe('file references at deploy: inside the blueprint folder, links resolved', () => {
  it('hands over files inside the folder, also through a link that stays inside', () => {
    for (const m of [
      { type: 'bind', source: 'conf', target: '/c' },
      { type: 'bind', source: 'conf-link', target: '/c' },
      { type: 'config', source: 'app', target: '/c' },
    ]) {
      const r = mount(m);
      expect(r.ok, JSON.stringify(m)).toBe(true);
    }
  });

  it('refuses a bind or config/secret file whose link leads out, naming the reference; no file contents in the error', () => {
    const cases = [
      [{ type: 'bind', source: 'out-dir', target: '/x' }, '"out-dir"'],
      [{ type: 'bind', source: 'out-dir/not-yet', target: '/x' }, '"out-dir/not-yet"'],
      [{ type: 'bind', source: 'secret-link', target: '/x' }, '"secret-link"'],
      [{ type: 'config', source: 'leak', target: '/x' }, '"leak"'],
      [{ type: 'config', source: 'up', target: '/x' }, '"up"'],
      [{ type: 'secret', source: 'key', target: '/x' }, '"key"'],
    ] as const;
    for (const [m, named] of cases) {
      const r = mount(m);
      expect(r.ok, JSON.stringify(m)).toBe(false);
      if (r.ok) continue;
      expect(r.error.code).toBe('INVALID_BLUEPRINT');
      expect(r.error.elementId).toBe('container:s/c');
      expect(r.error.message).toContain(named);
      expect(r.error.message).toMatch(/symbolic link|climbs out/);
      expect(JSON.stringify(r)).not.toContain('TOP-SECRET');
    }
  });
});

describe('ownership labels', () => {
  it('every dev.blaupause.* / com.docker.compose.* label the driver sets is one the model refuses in a blueprint', () => {
    for (const key of Object.values(LABEL)) expect(isReservedLabel(key), key).toBe(true);
  });
});
