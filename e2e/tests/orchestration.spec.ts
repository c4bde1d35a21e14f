import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/deploy';
import { ROOT, type TestServer } from '../fixtures/server';

/**
 * Issue 7 in the browser: the orchestrator on the canvas with the real engine. Deploy a busybox
 * service with a health check, scale it 1→3 from its node (entry point and replicas on the node),
 * a canary at 1 of 3 from the dock and its abort, `docker rm -f` of a replica healed by the
 * supervisor (badge on the node, entry in the Monitor's timeline), the Monitor's charts, tear-down.
 * The server is started here (port 4325) with a token this test knows; E2E_STATIC serves an app
 * built elsewhere (when another run rebuilds apps/web/dist meanwhile).
 */
const run = promisify(execFile);
test.use({
  apiServerOptions: {
    port: 4325,
    workspace: `${ROOT}e2e/test-results/workspace-orchestration`,
    args: process.env.E2E_STATIC ? ['--static', process.env.E2E_STATIC] : [],
  },
});
const PROJECT = `bpmon-${randomBytes(3).toString('hex')}`;

const blueprint = (replicas: number, version: string, health = 'true') => `apiVersion: blaupause.dev/v1
kind: Blueprint
metadata:
  name: busy
services:
  web:
    replicas: ${replicas}
    containers:
      web:
        image: blaupause-test/busybox:1
        command: ["sh", "-c", "trap 'exit 0' TERM; while true; do sleep 1; done"]
        env:
          VERSION: "${version}"
        healthcheck:
          test:
            exec: ["sh", "-c", "${health}"]
          interval: 1s
          timeout: 1s
          retries: 2
`;

let dockerSocket = '';

/** The docker CLI on the test's engine, with an argument array (never a shell). */
const docker = (...args: string[]) => run('docker', ['-H', `unix://${dockerSocket}`, ...args]).then((r) => r.stdout.trim());

/**
 * Chromium drops every request in flight with ERR_NETWORK_CHANGED when any engine on the machine
 * adds or removes a bridge (other projects' networks on a shared engine); a lazy chunk lost that
 * way leaves the app blank. So the page counts as loaded once its lazy parts are there (the deploy
 * dock, the YAML editor), and is loaded again otherwise; errors of a dropped load are forgotten.
 */
async function gotoApp(page: Page, server: TestServer, errors: string[]): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    errors.length = 0;
    // A retry must load the document again: going to the same URL with its `#token=` fragment is a
    // same-document navigation that leaves the broken (blank) page as it was (fixtures/open.ts).
    if (attempt > 1) await page.goto('about:blank');
    const loaded = await page.goto(server.appUrl).then(
      () => '',
      (e: Error) => e.message,
    );
    const up = await Promise.all([
      page.getByRole('button', { name: 'Deploy panel' }).waitFor({ timeout: 15_000 }),
      page.locator('.monaco-editor').first().waitFor({ timeout: 15_000 }),
    ]).then(
      () => page.waitForTimeout(500).then(() => errors.length === 0),
      () => false,
    );
    if (up) return;
    if (attempt === 6) throw new Error(`the app did not load 6 times (last: ${loaded || errors.join('; ') || 'no error'})`);
  }
}

test.beforeAll(async ({ dockerSocket: socket }) => {
  dockerSocket = socket;
});

test.afterAll(async ({ apiServer }) => {
  await apiServer.post('deployments.destroy', { project: PROJECT });
  await new Promise((r) => setTimeout(r, 3000));
  await apiServer.stop();
  // Whatever is left of this test's project (never anything else) goes too.
  const left = await docker('ps', '-aq', '--filter', `label=com.docker.compose.project=${PROJECT}`).catch(() => '');
  if (left) await docker('rm', '-f', ...left.split('\n')).catch(() => undefined);
  await docker('network', 'prune', '-f', '--filter', `label=com.docker.compose.project=${PROJECT}`).catch(() => undefined);
});

test('scales from the node, runs and aborts a canary, shows a healing and the Monitor', async ({ page, deploy, apiServer }, testInfo) => {
  test.setTimeout(300_000);
  const { errors, dock } = deploy;
  const openBlueprint = (text: string) => deploy.openFile('busy.blueprint.yaml', text);
  await page.setViewportSize({ width: 1600, height: 1000 });
  await gotoApp(page, apiServer, errors);
  await openBlueprint(blueprint(1, 'one'));
  const node = page.getByRole('article', { name: 'Service web', exact: true });
  await expect(node).toBeVisible();

  await deploy.toggleDock();
  await deploy.deploy(PROJECT, 'done', 90_000);
  await deploy.toggleDock();

  // The node shows the entry point and the replica control once the orchestrator answers.
  const orch = node.getByRole('region', { name: 'Orchestration of web' });
  const count = orch.getByRole('status', { name: 'Replicas of web running' });
  await expect(count).toHaveText('1', { timeout: 30_000 });
  await expect(orch.locator('.orch-entry-name')).toHaveText('web');
  await expect(node.getByRole('status', { name: /^web:/ })).toContainText('healthy', { timeout: 30_000 });

  // 1 → 2 → 3, each a scaling run whose steps show on the node.
  for (const n of [2, 3]) {
    await orch.getByRole('button', { name: 'More replicas of web' }).click();
    await expect(orch.getByRole('status', { name: /^Rollout of web/ })).toBeVisible();
    await expect(count).toHaveText(String(n), { timeout: 60_000 });
  }
  await expect(orch.getByRole('status', { name: /^Rollout of web/ })).toContainText('#3 added');
  await expect(orch.locator('.orch-entry-count')).toContainText('3 addr');
  await expect(node.locator('.replicas')).toHaveText('×3'); // the blueprint says what runs now
  await expect(node.getByRole('status', { name: /^web:/ })).toContainText('3/3', { timeout: 30_000 });
  const ids = (await docker('ps', '-q', '--filter', `label=com.docker.compose.project=${PROJECT}`)).split('\n');
  expect(ids).toHaveLength(3);
  await node.screenshot({ path: testInfo.outputPath('node-scaled.png') });

  // A new version (an env change) as a canary on 1 of 3, then aborted: the old one runs again.
  await openBlueprint(blueprint(3, 'two'));
  await deploy.toggleDock();
  const canary = dock.getByRole('region', { name: 'Canary' });
  await expect(canary.getByRole('combobox', { name: 'Canary service' })).toHaveValue('web', { timeout: 30_000 });
  await canary.getByRole('spinbutton', { name: 'Canary replicas' }).fill('1');
  await canary.getByRole('button', { name: 'Start canary' }).click();
  const pending = canary.getByRole('group', { name: 'Canary of web' });
  await expect(pending).toContainText('#3 of 3', { timeout: 60_000 });
  await expect(orch.locator('.orch-canary-tag')).toHaveText('canary #3');
  await page.screenshot({ path: testInfo.outputPath('canary-pending.png') });
  await pending.getByRole('button', { name: 'Abort' }).click();
  await expect(pending).toHaveCount(0, { timeout: 60_000 });
  await expect(canary.getByRole('status', { name: 'Canary run', exact: true })).toContainText('canary abort of web: done', {
    timeout: 30_000,
  });
  const after = (await docker('ps', '-q', '--filter', `label=com.docker.compose.project=${PROJECT}`)).split('\n');
  expect(after.sort()).toEqual(ids.sort()); // abort restores the old containers themselves
  await deploy.toggleDock();

  // A replica removed behind Blaupause's back: the supervisor re-creates it, the node says so.
  const victim = await docker(
    'ps',
    '-q',
    '--filter',
    `label=com.docker.compose.project=${PROJECT}`,
    '--filter',
    'label=com.docker.compose.container-number=2',
  );
  expect(victim).not.toBe('');
  await docker('rm', '-f', victim);
  const badge = orch.getByRole('status', { name: 'Auto-heal of web' });
  await expect(badge).toContainText(/#2 (re-created|healed)/, { timeout: 20_000 });
  await expect(count).toHaveText('3', { timeout: 30_000 });
  await node.screenshot({ path: testInfo.outputPath('node-healed.png') });
  // The heal switch goes through the server (orchestration.heal) and shows what it confirmed.
  const healSwitch = orch.getByRole('switch', { name: 'Auto-heal web' });
  await expect(healSwitch).toBeChecked();
  await healSwitch.click();
  await expect(healSwitch).not.toBeChecked();
  await healSwitch.click();
  await expect(healSwitch).toBeChecked();

  // The Monitor: charts from the stats events, health history, the timeline of all of the above.
  await orch.getByRole('button', { name: 'Monitor web' }).click();
  const monitor = page.getByRole('dialog', { name: 'Monitor web' });
  await expect(monitor).toBeVisible();
  await expect(monitor.getByRole('figure', { name: 'CPU chart' }).locator('canvas')).toBeVisible();
  await expect(monitor.getByRole('figure', { name: 'Memory chart' }).locator('.monitor-chart-value')).toContainText('MiB', {
    timeout: 20_000,
  });
  const timeline = monitor.getByRole('list', { name: 'Timeline' });
  await expect(timeline).toContainText('web #3 added');
  await expect(timeline).toContainText('runs the canary');
  await expect(timeline).toContainText('canary aborted');
  await expect(timeline).toContainText('web #2 re-created', { timeout: 20_000 });
  await page.waitForTimeout(2500); // a few more samples on the charts for the screenshot
  await page.screenshot({ path: testInfo.outputPath('monitor.png') });
  await page.keyboard.press('Escape');
  await expect(monitor).toHaveCount(0);

  // Deploying the new version rolls the replicas one by one (start-first), shown on the node.
  await deploy.toggleDock();
  await dock.getByRole('button', { name: 'Deploy', exact: true }).click();
  const rollout = orch.getByRole('status', { name: /^Rollout of web/ });
  await expect(rollout).toContainText('deploy', { timeout: 30_000 });
  await deploy.outcome('done', 90_000);
  await expect(deploy.run).toContainText('web #3: committed');
  await expect(rollout).toContainText('#1 done');
  await expect(rollout).toContainText('#3 done');
  await expect(count).toHaveText('3');

  // A version that never turns healthy: the update rolls itself back and the node says why.
  await openBlueprint(blueprint(3, 'two', 'false'));
  await dock.getByRole('button', { name: 'Deploy', exact: true }).click();
  await deploy.outcome('failed', 90_000);
  await expect(rollout).toContainText(/^rolled back: /, { timeout: 10_000 });
  await expect(rollout).toContainText('failed');
  await deploy.toggleDock();
  await node.screenshot({ path: testInfo.outputPath('node-rolled-back.png') });
  await expect(node.getByRole('status', { name: /^web:/ })).toContainText('3/3', { timeout: 30_000 });
  await orch.getByRole('button', { name: 'Monitor web' }).click();
  await expect(timeline).toContainText('rolled to');
  await expect(timeline).toContainText('web rolled back:');
  await page.keyboard.press('Escape');

  await deploy.toggleDock();
  await deploy.tearDown(90_000);
  await expect(orch).toHaveCount(0, { timeout: 30_000 });
  expect(errors).toEqual([]);
});
