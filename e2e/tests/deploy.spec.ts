import { randomBytes } from 'node:crypto';
import { expect, test } from '../fixtures/deploy';
import { ROOT } from '../fixtures/server';

/**
 * Issue 4 end to end: the app served by the Blaupause server (not vite preview), a blueprint with
 * the local busybox image, Deploy, the node turns running, the published port answers, Tear down.
 * The server is started here on a port of its own, with a token this test knows; the engine is
 * the real one (scripts/docker-env.mjs starts it when none answers).
 */
// E2E_STATIC: a built app elsewhere (as the other deploy specs take it), else the server's own apps/web/dist.
test.use({
  apiServerOptions: {
    port: 4319,
    workspace: `${ROOT}e2e/test-results/workspace`,
    args: process.env.E2E_STATIC ? ['--static', process.env.E2E_STATIC] : [],
  },
});
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

test.afterAll(async ({ apiServer }) => {
  // Whatever a failed run left on the engine goes away through the same API.
  await apiServer.post('deployments.destroy', { project: PROJECT });
  await new Promise((r) => setTimeout(r, 1500));
});

test('deploys the drawn blueprint, shows it running on the node, and tears it down', async ({
  page,
  deploy,
  apiServer: server,
}, testInfo) => {
  test.setTimeout(120_000);
  await deploy.open();
  await expect(page.getByRole('region', { name: 'Canvas' })).toBeVisible();

  await deploy.openFile('busy.blueprint.yaml', BLUEPRINT);
  const node = page.getByRole('article', { name: 'Service web', exact: true });
  await expect(node).toBeVisible();

  await deploy.toggleDock();
  const { dock, run } = deploy;
  await expect(dock).toContainText('docker');
  // The token left the address bar once the page had it.
  expect(page.url()).toBe(`${server.origin}/`);

  await dock.getByRole('textbox').fill(PROJECT);
  await dock.getByRole('button', { name: 'Plan' }).click();
  await expect(dock.getByRole('region', { name: 'Plan' })).toContainText('create');

  await dock.getByRole('button', { name: 'Deploy', exact: true }).click();
  await deploy.outcome('done', 60_000);
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
  await deploy.toggleDock();
  await expect(live).toContainText('running');
  await page.screenshot({ path: testInfo.outputPath('node-running.png') });
  // The server goes away and comes back (same token here; a new launch would print a new one):
  // the page says it is reconnecting and picks the stream up again by itself.
  const toggle = deploy.toggle;
  await server.stop();
  await expect(toggle).toContainText('reconnecting', { timeout: 20_000 });
  await server.start();
  await expect(toggle).not.toContainText('reconnecting', { timeout: 30_000 });
  await expect(live).toContainText('running');
  await expect(live).not.toHaveClass(/is-stale/);
  await deploy.toggleDock();

  await deploy.tearDown(60_000);
  await expect(live).toHaveCount(0, { timeout: 30_000 });
  expect(deploy.errors).toEqual([]);
});
