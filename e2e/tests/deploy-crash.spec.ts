import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { expect, test } from '../fixtures/deploy';
import { ROOT } from '../fixtures/server';

/**
 * A deployed container that keeps failing, on the real engine: its node says how often it was
 * restarted and with which exit code ("↻ 3× · exit 3"), and the page raises one failure toast for
 * the crash loop — not one per restart while the loop goes on.
 */
const WEB_DIST = process.env.E2E_STATIC ?? join(ROOT, 'apps', 'web', 'dist');
test.use({ apiServerOptions: { port: 4329, workspace: `${ROOT}e2e/test-results/workspace-crash`, args: ['--static', WEB_DIST] } });
const PROJECT = `e2e-crash-${randomBytes(3).toString('hex')}`;

const BLUEPRINT = `apiVersion: blaupause.dev/v1
kind: Blueprint
metadata:
  name: crashy
services:
  worker:
    containers:
      worker:
        image: blaupause-test/busybox:1
        restart: always
        command: ["sh", "-c", "echo starting; sleep 1; echo giving-up; exit 3"]
`;

test.afterAll(async ({ apiServer }) => {
  await apiServer.post('deployments.destroy', { project: PROJECT });
  await new Promise((r) => setTimeout(r, 1500));
});

test('a crash-looping container shows its restarts and exit code on the node, with one toast', async ({ page, deploy }, testInfo) => {
  test.setTimeout(150_000);
  await deploy.open();
  await deploy.openFile('crashy.blueprint.yaml', BLUEPRINT);
  const node = page.getByRole('article', { name: 'Service worker', exact: true });
  await expect(node).toBeVisible();

  await deploy.toggleDock();
  // The run itself may end done or failed (the container exits within its start window); either way it ends.
  await deploy.deploy(PROJECT, /done|failed/, 60_000);
  await deploy.toggleDock();

  // The node's live status names the restarts and the last exit code, in words for screen readers too.
  const live = node.getByRole('status', { name: /^worker: / });
  await expect(live).toHaveAttribute('aria-label', /restarted ([3-9]|\d\d+) times, last exit code 3/, { timeout: 60_000 });
  await expect(live.locator('.live-restarts')).toHaveText(/^↻ \d+× · exit 3$/);
  // The state word does not repeat the exit code the restart badge already gives.
  await expect(live.locator('.live-label')).toHaveText('crash-looping');
  await page.screenshot({ path: testInfo.outputPath('crash-loop.png') });

  // Several more restarts later: still one toast for this container's failure.
  const before = Number((await live.getAttribute('aria-label'))?.match(/restarted (\d+) times/)?.[1]);
  await expect
    .poll(async () => Number((await live.getAttribute('aria-label'))?.match(/restarted (\d+) times/)?.[1]), { timeout: 60_000 })
    .toBeGreaterThanOrEqual(before + 2);
  const toasts = page.locator('.toast-error').filter({ hasText: /worker/ });
  await expect(toasts).toHaveCount(1);

  await deploy.toggleDock();
  await deploy.tearDown(60_000);
  await expect(live).toHaveCount(0, { timeout: 30_000 });
  expect(deploy.errors).toEqual([]);
});
