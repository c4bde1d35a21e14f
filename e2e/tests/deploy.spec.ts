import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { ensureDocker, ensureTestImages } from '../../scripts/docker-env.mjs';
import { openApp } from '../fixtures/open';

/**
 * Issue 4 end to end: the app served by the Blaupause server (not vite preview), a blueprint with
 * the local busybox image, Deploy, the node turns running, the published port answers, Tear down.
 * The server is started here on a port of its own, with a token this test knows; the engine is
 * the real one (scripts/docker-env.mjs starts it when none answers).
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SERVER = `${ROOT}apps/server/dist/server.mjs`;
const APP_PORT = 4319;
const ORIGIN = `http://127.0.0.1:${APP_PORT}`;
const TOKEN = randomBytes(32).toString('hex');
const PROJECT = `e2e-${randomBytes(3).toString('hex')}`;
const PUBLISHED = 20000 + Math.floor(Math.random() * 20000);

const BLUEPRINT = `apiVersion: blaupause.dev/v1
kind: Blueprint
metadata:
  name: busy
services:
  web:
    ports:
      - port: 80
        publish: ${PUBLISHED}
        hostIp: 127.0.0.1
    containers:
      web:
        image: blaupause-test/busybox:1
        command: ["sh", "-c", "echo web-says-hello; echo deployed-from-the-canvas > /www/index.html && exec httpd -f -p 80 -h /www"]
`;

let server: ChildProcess | undefined;
let dockerHost = '';

/** The server as `npm start` runs it, with the token this test knows; resolves once it listens. */
function startServer(): Promise<void> {
  server = spawn(process.execPath, [SERVER, '--port', String(APP_PORT), '--workspace', `${ROOT}e2e/test-results/workspace`], {
    env: { ...process.env, BLAUPAUSE_TOKEN: TOKEN, DOCKER_HOST: dockerHost },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const child = server;
  return new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('Blaupause is running')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
}

function stopServer(): Promise<void> {
  const child = server;
  if (!child || child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const env = await ensureDocker();
  await ensureTestImages(env.socket);
  dockerHost = `unix://${env.socket}`;
  // Bundled afresh (about a second): a stale dist/server.mjs would test yesterday's server.
  const built = spawnSync(process.execPath, [`${ROOT}apps/server/scripts/build.mjs`], { stdio: 'inherit' });
  if (built.status !== 0 || !existsSync(SERVER)) throw new Error('could not bundle apps/server');
  await startServer();
});

test.afterAll(async () => {
  // Whatever a failed run left on the engine goes away through the same API.
  await fetch(`${ORIGIN}/api/trpc/deployments.destroy`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-blaupause-token': TOKEN },
    body: JSON.stringify({ project: PROJECT }),
  }).catch(() => undefined);
  await new Promise((r) => setTimeout(r, 1500));
  await stopServer();
});

test('deploys the drawn blueprint, shows it running on the node, and tears it down', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  await openApp(page, `${ORIGIN}/#token=${TOKEN}`);
  await expect(page.getByRole('region', { name: 'Canvas' })).toBeVisible();

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open or import a file' }).click();
  await (await chooser).setFiles({ name: 'busy.blueprint.yaml', mimeType: 'application/yaml', buffer: Buffer.from(BLUEPRINT) });
  const node = page.getByRole('article', { name: 'Service web', exact: true });
  await expect(node).toBeVisible();

  await page.getByRole('button', { name: 'Deploy panel' }).click();
  const dock = page.getByRole('region', { name: 'Deploy' });
  await expect(dock).toContainText('docker');
  // The token left the address bar once the page had it.
  expect(page.url()).toBe(`${ORIGIN}/`);

  await dock.getByRole('textbox').fill(PROJECT);
  await dock.getByRole('button', { name: 'Plan' }).click();
  await expect(dock.getByRole('region', { name: 'Plan' })).toContainText('create');

  await dock.getByRole('button', { name: 'Deploy', exact: true }).click();
  const run = dock.getByRole('region', { name: 'Run' });
  await expect(run.locator('.run-outcome')).toHaveText('done', { timeout: 60_000 });
  await expect(run).toContainText(/done in \d/);
  // The node's live state (its replica control is a status too).
  const live = node.getByRole('status', { name: /^web: / });
  await expect(live).toContainText('running', { timeout: 30_000 });
  await expect(live).toContainText('1/1');

  const published = await fetch(`http://127.0.0.1:${PUBLISHED}/`).then((r) => r.text());
  expect(published.trim()).toBe('deployed-from-the-canvas');
  await expect(dock.getByRole('link', { name: `http://127.0.0.1:${PUBLISHED}/` })).toBeVisible();
  await dock.getByRole('combobox', { name: 'Logs of' }).selectOption('web');
  await expect(dock.getByRole('region', { name: 'Logs' })).toContainText('web-says-hello');
  await page.screenshot({ path: testInfo.outputPath('deployed.png') });
  // Folded, the dock leaves the canvas to the nodes; the status stream goes on.
  await page.getByRole('button', { name: 'Deploy panel' }).click();
  await expect(live).toContainText('running');
  await page.screenshot({ path: testInfo.outputPath('node-running.png') });
  // The server goes away and comes back (same token here; a new launch would print a new one):
  // the page says it is reconnecting and picks the stream up again by itself.
  const toggle = page.getByRole('button', { name: 'Deploy panel' });
  await stopServer();
  await expect(toggle).toContainText('reconnecting', { timeout: 20_000 });
  await startServer();
  await expect(toggle).not.toContainText('reconnecting', { timeout: 30_000 });
  await expect(live).toContainText('running');
  await expect(live).not.toHaveClass(/is-stale/);
  await page.getByRole('button', { name: 'Deploy panel' }).click();

  await dock.getByRole('button', { name: 'Tear down' }).click();
  await expect(run).toContainText('Tear down');
  await expect(run.locator('.run-outcome')).toHaveText('done', { timeout: 60_000 });
  await expect(live).toHaveCount(0, { timeout: 30_000 });
  expect(errors).toEqual([]);
});
