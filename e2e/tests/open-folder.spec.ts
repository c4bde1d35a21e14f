import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, screenshot, test } from '../fixtures/app';

/**
 * Issue 10, packaging: a Compose project folder picked with "Folder…" (<input webkitdirectory>)
 * is imported in the browser with its .env (for ${VAR}) and its env_files; no server involved.
 */
const dir = mkdtempSync(join(tmpdir(), 'bp-open-folder-'));
const project = join(dir, 'shop');
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('opens a Compose project folder: .env fills ${VAR}, env_files fill the environment', async ({ page, canvas, yaml }, testInfo) => {
  mkdirSync(join(project, 'conf'), { recursive: true });
  writeFileSync(
    join(project, 'compose.yaml'),
    'services:\n  shopfront:\n    image: nginx:${NGINX_TAG}\n    env_file: [conf/app.env]\n    ports: ["8080:80"]\n  cache:\n    image: redis:7\n',
  );
  writeFileSync(join(project, '.env'), 'NGINX_TAG=1.27-alpine\n');
  writeFileSync(join(project, 'conf/app.env'), 'GREETING=hello from the env file\n');

  await expect(canvas.services).toHaveCount(3); // the seed
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open a Compose project folder' }).click();
  await (await chooser).setFiles(project);

  await expect(canvas.service('shopfront')).toBeVisible();
  await expect(canvas.services).toHaveCount(2);
  await expect(canvas.service('shopfront')).toContainText('nginx:1.27-alpine');
  await expect.poll(() => yaml.keysAt('services')).toEqual(expect.arrayContaining(['shopfront', 'cache']));
  const editor = page.locator('.monaco-editor').first();
  await expect(editor).toContainText('hello from the env file');
  await expect(editor).toContainText('name: shop'); // the folder's name, as Compose names the project
  await screenshot(page, testInfo, 'opened-folder');
});
