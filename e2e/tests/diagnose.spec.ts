import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '../fixtures/deploy';
import { ROOT } from '../fixtures/server';

/**
 * Issue 10 end to end: a deployed container from the inside — the Inspect panel (environment with
 * the secret value masked) and a terminal (xterm.js over the exec stream) that runs a command typed
 * into it. Own server on its own port serving the web build (apps/web/dist, which `npm test` builds
 * before the e2e run; E2E_STATIC names another build folder), the real engine.
 */
const WEB_DIST = process.env.E2E_STATIC ?? join(ROOT, 'apps', 'web', 'dist');
// The server's workspace (blueprints, build contexts) outside e2e/test-results: another Playwright run clears that folder.
const WORKSPACE = join(tmpdir(), 'blaupause-e2e-diagnose');
// The server starts with the first test, after beforeAll has put the build context into its workspace.
test.use({ apiServerOptions: { port: 4327, workspace: WORKSPACE, args: ['--static', WEB_DIST] } });
const PROJECT = `bpimg-e2e-${randomBytes(3).toString('hex')}`;

const BLUEPRINT = `apiVersion: blaupause.dev/v1
kind: Blueprint
metadata:
  name: inside
services:
  web:
    autoHeal: false
    containers:
      web:
        image: blaupause-test/busybox:1
        args: ["sh", "-c", "sleep 3600"]
        env:
          DB_PASSWORD: hunter2-secret-value
          COLOR: blue
`;

const FAILING_PROJECT = `${PROJECT}-f`;
const FAILING = `apiVersion: blaupause.dev/v1
kind: Blueprint
metadata:
  name: failing
services:
  job:
    autoHeal: false
    containers:
      job:
        image: blaupause-test/busybox:1
        args: ["sh", "-c", "echo cannot read the config >&2; exit 3"]
`;

/** Issue 10's pull / build from the inventory and build progress on the node (h10img: that helper's names). */
const BUILD_PROJECT = `${PROJECT}-b`;
const CONTEXT = `h10img-ctx-${randomBytes(3).toString('hex')}`;
const BUILT = `apiVersion: blaupause.dev/v1
kind: Blueprint
metadata:
  name: builds
services:
  app:
    autoHeal: false
    containers:
      app:
        build: { context: ${CONTEXT} }
        args: ["sh", "-c", "cat /v.txt; sleep 3600"]
`;
test.beforeAll(async () => {
  test.setTimeout(180_000);
  // A build context inside the server's workspace folder (where its builds resolve); slow enough to watch.
  rmSync(WORKSPACE, { recursive: true, force: true });
  mkdirSync(`${WORKSPACE}/${CONTEXT}`, { recursive: true });
  writeFileSync(`${WORKSPACE}/${CONTEXT}/Dockerfile`, 'FROM blaupause-test/busybox:1\nCOPY v.txt /v.txt\nRUN sleep 2\n');
  writeFileSync(`${WORKSPACE}/${CONTEXT}/v.txt`, `${CONTEXT} one\n`);
  if (!existsSync(`${WEB_DIST}/index.html`)) throw new Error(`no web build in ${WEB_DIST} (vite build --outDir ${WEB_DIST})`);
});

test.afterAll(async ({ apiServer, dockerSocket }) => {
  for (const project of [PROJECT, FAILING_PROJECT, BUILD_PROJECT]) await apiServer.post('deployments.destroy', { project });
  // The tear-down runs on the server: wait until the project is gone before stopping it.
  for (let i = 0; i < 60; i++) {
    const listed = await apiServer
      .post('deployments.list', {})
      .then((r) => r?.text() ?? '')
      .catch(() => '');
    if (!listed.includes(PROJECT)) break; // FAILING_PROJECT starts with PROJECT
    await new Promise((r) => setTimeout(r, 500));
  }
  // The images built for BUILD_PROJECT (labelled with it), through the docker CLI (no shell).
  const docker = (args: string[]) =>
    spawnSync('docker', args, { env: { ...process.env, DOCKER_HOST: `unix://${dockerSocket}` }, encoding: 'utf8' }).stdout ?? '';
  const ids = docker(['image', 'ls', '-q', '--filter', `label=com.docker.compose.project=${BUILD_PROJECT}`])
    .split('\n')
    .filter(Boolean);
  if (ids.length > 0) docker(['image', 'rm', '-f', ...new Set(ids)]);
  await apiServer.stop();
  rmSync(WORKSPACE, { recursive: true, force: true });
});

test('inspects a deployed container with its secret masked and runs a command in its terminal', async ({ page, deploy }, testInfo) => {
  test.setTimeout(150_000);
  await deploy.open();
  await expect(page.getByRole('region', { name: 'Canvas' })).toBeVisible();
  await deploy.openFile('inside.blueprint.yaml', BLUEPRINT);
  await expect(page.getByRole('article', { name: 'Service web', exact: true })).toBeVisible();

  await deploy.toggleDock();
  const { dock } = deploy;
  await expect(dock).toContainText('docker');
  await deploy.deploy(PROJECT, 'done', 60_000);

  await dock.getByRole('region', { name: 'Inspect containers' }).getByRole('button', { name: 'Inspect web' }).click();
  const panel = page.getByRole('complementary', { name: 'Inspect web' });
  const env = panel.getByRole('table', { name: 'Environment' });
  await expect(env.getByRole('row', { name: /DB_PASSWORD/ })).toContainText('••••••', { timeout: 15_000 });
  await expect(env.getByRole('row', { name: /COLOR/ })).toContainText('blue');
  await expect(panel).not.toContainText('hunter2-secret-value');
  await expect(panel.getByRole('list', { name: 'Networks' })).toContainText(/\d+\.\d+\.\d+\.\d+/);
  await page.screenshot({ path: testInfo.outputPath('inspect.png') });

  await panel.getByRole('tab', { name: 'Terminal' }).click();
  const terminal = panel.getByRole('region', { name: /Terminal of/ });
  await expect(panel).toContainText('Shell in', { timeout: 15_000 });
  await terminal.click();
  await page.keyboard.type('echo "inside-$((40+2))"\n');
  await expect(terminal.locator('.xterm-rows')).toContainText('inside-42', { timeout: 15_000 });
  await page.screenshot({ path: testInfo.outputPath('terminal.png') });

  await panel.getByRole('button', { name: 'Close inspect' }).click();
  await expect(panel).toHaveCount(0);
  expect(deploy.errors).toEqual([]);
});

test('diagnoses a failed deploy and lists the blueprint’s images', async ({ page, deploy }, testInfo) => {
  test.setTimeout(120_000);
  await deploy.open();
  await deploy.openFile('failing.blueprint.yaml', FAILING);
  await expect(page.getByRole('article', { name: 'Service job', exact: true })).toBeVisible();
  await deploy.toggleDock();
  const { dock } = deploy;
  await expect(dock).toContainText('docker');
  await deploy.deploy(FAILING_PROJECT, 'failed', 60_000);

  await dock.getByRole('button', { name: 'Why did it fail?' }).click();
  const diagnosis = dock.getByRole('region', { name: 'Diagnosis' });
  await expect(diagnosis).toContainText('CONTAINER_EXITED');
  await expect(diagnosis).toContainText('Exit code3');
  await expect(diagnosis).toContainText('cannot read the config');
  await expect(diagnosis.getByRole('list', { name: 'What to try' })).toContainText('exited with code 3');

  await dock.getByText('Images', { exact: true }).click();
  await expect(dock.getByRole('list', { name: 'Images' })).toContainText('present blaupause-test/busybox:1');
  await dock.getByRole('region', { name: 'Diagnosis' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('diagnosis.png') });
});

test('builds a missing image from the images view, and a deploy shows the build on the node', async ({ page, deploy }, testInfo) => {
  test.setTimeout(180_000);
  await deploy.open();
  await deploy.openFile('builds.blueprint.yaml', BUILT);
  const node = page.getByRole('article', { name: 'Service app', exact: true });
  await expect(node).toBeVisible();
  await deploy.toggleDock();
  const { dock } = deploy;
  await expect(dock).toContainText('docker');
  await dock.getByRole('textbox').fill(BUILD_PROJECT);

  // The images view: the context image is missing; its Build button builds it, with progress per image.
  await dock.getByText('Images', { exact: true }).click();
  const images = dock.getByRole('list', { name: 'Images' });
  const tag = new RegExp(`${BUILD_PROJECT}-app:bp-[0-9a-f]{12}`);
  await expect(images).toContainText(new RegExp(`to build ${tag.source}`));
  await expect(dock.getByRole('button', { name: 'Pull & build missing' })).toBeEnabled();
  await images.getByRole('button', { name: /^Build / }).click();
  const progress = images.getByRole('status', { name: /^Progress of / });
  await expect(progress).toContainText(/building · Step \d+\/\d+/, { timeout: 30_000 });
  await expect(node.getByRole('status', { name: /^app image: building · Step \d+\/\d+$/ })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('images-building.png') });
  await expect(progress).toHaveText('built', { timeout: 60_000 });
  // The list is read again when the run ends.
  await expect(images).toContainText(new RegExp(`built ${tag.source}`), { timeout: 30_000 });
  await expect(images.getByRole('button', { name: /^Rebuild / })).toBeVisible();
  await expect(dock.getByRole('button', { name: 'Pull & build missing' })).toHaveCount(0);
  await expect(node.getByRole('status', { name: 'app image: built' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('images-built.png') });

  // A changed context: the deploy builds the new image, and the node shows the build while it runs.
  writeFileSync(`${WORKSPACE}/${CONTEXT}/v.txt`, `${CONTEXT} two\n`);
  await dock.getByRole('button', { name: 'Deploy', exact: true }).click();
  await expect(node.getByRole('status', { name: /^app image: building · Step \d+\/\d+$/ })).toBeVisible({ timeout: 30_000 });
  await expect(node.getByRole('status', { name: /^app image: building/ })).toHaveAttribute('title', /^app: /);
  await page.screenshot({ path: testInfo.outputPath('node-building.png') });
  await deploy.outcome('done', 90_000);
  await expect(node.getByRole('status', { name: 'app image: built' })).toBeVisible();
  await node.screenshot({ path: testInfo.outputPath('node-built.png') });
  expect(deploy.errors).toEqual([]);
});
