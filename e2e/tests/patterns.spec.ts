import { randomBytes } from 'node:crypto';
import { type DeployPage, expect, test } from '../fixtures/deploy';
import { ROOT } from '../fixtures/server';

/**
 * Issue 8: the seed's three pod patterns, runnable. Each template is chosen from the menu,
 * deployed from the canvas on the real engine with the local demo image, and does what the
 * lecture says: the sidecar keeps the served content in sync; the ambassador sends a write and a
 * read to different backends; the adapter turns the application's own metrics into the uniform
 * Prometheus format. Then each is torn down.
 */
test.use({
  apiServerOptions: {
    port: 4323,
    workspace: `${ROOT}e2e/test-results/workspace-patterns`,
    args: process.env.E2E_STATIC ? ['--static', process.env.E2E_STATIC] : [],
    demoImages: true,
  },
});
const SUFFIX = randomBytes(3).toString('hex');

test.afterAll(async ({ apiServer: server }) => {
  test.setTimeout(90_000);
  // Whatever a failed run left goes away through the same API; the server lives until the runs end.
  const ours = ['sidecar', 'ambassador', 'adapter'].map((p) => `e2e-${p}-${SUFFIX}`);
  for (const project of ours) await server.post('deployments.destroy', { project, volumes: ['content', 'stats'] });
  const left = async () => {
    const r = await server.query('deployments.list');
    const list =
      ((await r?.json().catch(() => undefined)) as { result?: { data?: { project: string }[] } } | undefined)?.result?.data ?? [];
    return list.filter((d) => ours.includes(d.project)).length;
  };
  for (let i = 0; i < 60 && (await left()) > 0; i++) await new Promise((r) => setTimeout(r, 500));
  await server.stop();
});

/** Chooses the template, deploys it under `project`, and waits for the run to finish. */
async function deployTemplate(deploy: DeployPage, label: string, project: string, blueprint: string) {
  const { page, dock, run } = deploy;
  await page.getByRole('combobox', { name: 'Start from a template' }).selectOption({ label });
  // The template is the document before anything is deployed (the inspector names it).
  await expect(page.getByText(blueprint, { exact: true }).first()).toBeVisible({
    timeout: 15_000,
  });
  if (!(await dock.getByRole('button', { name: 'Plan' }).isVisible())) await deploy.toggleDock();
  await deploy.deploy(project, 'done', 90_000);
  return { dock, run };
}

const text = (url: string, init?: RequestInit) => fetch(url, init).then((r) => r.text());

test('the runnable pattern templates deploy and behave as the lecture says', async ({ page, deploy }, testInfo) => {
  test.setTimeout(300_000);
  await deploy.open();
  await expect(page.getByRole('region', { name: 'Canvas' })).toBeVisible({ timeout: 30_000 });

  // Sidecar: the web server serves what its sidecar keeps writing into the shared volume.
  await deployTemplate(deploy, 'Runnable sidecar: content kept in sync (local demo image)', `e2e-sidecar-${SUFFIX}`, 'run-sidecar');
  const revision = async () => Number(/revision (\d+)/.exec(await text('http://127.0.0.1:8181/'))?.[1] ?? Number.NaN);
  await expect.poll(() => revision().catch(() => Number.NaN), { timeout: 20_000 }).toBeGreaterThan(0);
  const first = await revision();
  await expect.poll(revision, { timeout: 15_000 }).toBeGreaterThan(first);
  await page.screenshot({ path: testInfo.outputPath('sidecar.png') });
  await deploy.tearDown(60_000);

  // Ambassador: the application only talks to localhost; a write reaches the primary, a read the replica.
  await deployTemplate(
    deploy,
    'Runnable ambassador: writes to the primary, reads from the replica',
    `e2e-ambassador-${SUFFIX}`,
    'run-ambassador',
  );
  const appUrl = 'http://127.0.0.1:8182/cgi-bin/app';
  await expect.poll(() => text(appUrl).catch(() => ''), { timeout: 20_000 }).toContain('replica read');
  expect(await text(appUrl, { method: 'POST', body: 'from-the-test' })).toContain('primary stored: from-the-test');
  // The replica copies the primary asynchronously: the read shows the value a moment later.
  await expect.poll(() => text(appUrl), { timeout: 10_000 }).toMatch(/replica read: .*from-the-test/);
  await page.screenshot({ path: testInfo.outputPath('ambassador.png') });
  await deploy.tearDown(60_000);

  // Adapter: the application's own "requests=…;errors=…" becomes the uniform Prometheus format.
  await deployTemplate(deploy, 'Runnable adapter: own metrics → Prometheus format', `e2e-adapter-${SUFFIX}`, 'run-adapter');
  const metricsUrl = 'http://127.0.0.1:8183/cgi-bin/metrics';
  await expect.poll(() => text(metricsUrl).catch(() => ''), { timeout: 20_000 }).toMatch(/^app_requests_total \d+$/m);
  const metrics = await text(metricsUrl);
  expect(metrics).toContain('# TYPE app_requests_total counter');
  for (const line of metrics.trim().split('\n')) expect(line).toMatch(/^(# (HELP|TYPE) app_\w+ .+|app_[a-z_]+ \d+)$/);
  await page.screenshot({ path: testInfo.outputPath('adapter.png') });
  await deploy.tearDown(60_000);
  expect(deploy.errors).toEqual([]);
});
