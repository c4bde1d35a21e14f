import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { ensureDocker, ensureTestImages } from '../../scripts/docker-env.mjs';
import { ensurePodman, ensurePodmanImages } from '../../scripts/podman-env.mjs';
import { openApp } from '../fixtures/open';
import { buildServer, ROOT, TestServer } from '../fixtures/server';

/**
 * Issue 6 in the browser: the target picker lists every target with its engine state; the same
 * canvas deploys to Podman (the Kubernetes YAML played by `podman kube play`), shows the pod's
 * containers live on the node, answers on the published port, and tears down. The Kubernetes
 * cluster target, without a kubeconfig here, says so and offers nothing to deploy.
 */
// E2E_STATIC: a built app elsewhere (when another run rebuilds apps/web/dist meanwhile).
const server = new TestServer({
  port: 4321,
  workspace: `${ROOT}e2e/test-results/workspace-targets`,
  args: process.env.E2E_STATIC ? ['--static', process.env.E2E_STATIC] : [],
});
const PROJECT = `e2e-pod-${randomBytes(3).toString('hex')}`;
const PUBLISHED = 20000 + Math.floor(Math.random() * 20000);

const BLUEPRINT = `apiVersion: blaupause.dev/v1
kind: Blueprint
metadata:
  name: pod-web
services:
  web:
    ports:
      - port: 80
        publish: ${PUBLISHED}
        hostIp: 127.0.0.1
    containers:
      web:
        image: blaupause-test/busybox:1
        command: ["sh", "-c", "echo played-by-podman > /www/index.html && exec httpd -f -p 80 -h /www"]
      helper:
        role: sidecar
        image: blaupause-test/busybox:1
        command: ["sh", "-c", "while true; do wget -q -O /dev/null http://127.0.0.1:80/ && echo sidecar-reached-web; sleep 2; done"]
`;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const docker = await ensureDocker();
  await ensureTestImages(docker.socket);
  const podman = await ensurePodman();
  await ensurePodmanImages();
  buildServer();
  await server.start({ DOCKER_HOST: `unix://${docker.socket}`, PODMAN_SOCKET: podman.socket, KUBECONFIG: '' });
});

test.afterAll(async () => {
  await server.post('deployments.destroy', { project: PROJECT, target: 'podman-kube' });
  await new Promise((r) => setTimeout(r, 2000));
  await server.stop();
});

test('deploys the canvas to Podman through the target picker, live on the node, and tears it down', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openApp(page, server.appUrl);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open or import a file' }).click();
  await (await chooser).setFiles({ name: 'pod.blueprint.yaml', mimeType: 'application/yaml', buffer: Buffer.from(BLUEPRINT) });
  const node = page.getByRole('article', { name: 'Service web', exact: true });
  await expect(node).toBeVisible();

  await page.getByRole('button', { name: 'Deploy panel' }).click();
  const dock = page.getByRole('region', { name: 'Deploy' });
  const picker = dock.getByRole('combobox', { name: 'Target' });
  await expect(picker.locator('option')).toHaveText(
    ['Docker engine', 'Docker Swarm', 'Podman (Kubernetes YAML)', 'Kubernetes cluster — not reachable'],
    {
      timeout: 15_000,
    },
  );

  // No kubeconfig on this machine: the cluster target says what is missing and cannot deploy.
  await picker.selectOption('kubernetes');
  await expect(dock).toContainText('no kubeconfig');
  await expect(dock.getByRole('button', { name: 'Deploy', exact: true })).toBeDisabled();

  await picker.selectOption('podman-kube');
  await expect(dock).toContainText('podman 4.');
  await dock.getByRole('textbox').fill(PROJECT);
  await dock.getByRole('button', { name: 'Plan' }).click();
  const plan = dock.getByRole('region', { name: 'Plan' });
  await expect(plan).toContainText('create');
  // Podman's own notes (what kube play ignores) are shown before anything is deployed.
  await dock.getByText(/fidelity notes? for this target/).click();
  await expect(dock.locator('.deploy-notes')).toContainText('Podman');

  await dock.getByRole('button', { name: 'Deploy', exact: true }).click();
  const run = dock.getByRole('region', { name: 'Run' });
  await expect(run.locator('.run-outcome')).toHaveText('done', { timeout: 90_000 });
  // The node's live state (its replica control is a status too).
  const live = node.getByRole('status', { name: /^web: / });
  await expect(live).toContainText('running', { timeout: 30_000 });
  const answer = await fetch(`http://127.0.0.1:${PUBLISHED}/`).then((r) => r.text());
  expect(answer.trim()).toBe('played-by-podman');
  // The sidecar reaches the main container over the pod's shared localhost.
  await dock.getByRole('combobox', { name: 'Logs of' }).selectOption('web');
  await expect(dock.getByRole('region', { name: 'Logs' })).toContainText('sidecar-reached-web', { timeout: 20_000 });
  await page.screenshot({ path: testInfo.outputPath('podman-deployed.png') });

  await dock.getByRole('button', { name: 'Tear down' }).click();
  await expect(run).toContainText('Tear down');
  await expect(run.locator('.run-outcome')).toHaveText('done', { timeout: 60_000 });
  await expect(live).toHaveCount(0, { timeout: 30_000 });
  expect(errors).toEqual([]);
});
