import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { expect, screenshot, test } from '../fixtures/app';

const FILE = fileURLToPath(new URL('../fixtures/files/metamodel.blueprint.yaml', import.meta.url));

async function openFixture(page: Page): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open or import a file' }).click();
  await (await chooser).setFiles(FILE);
}

/** Drags from the centre of one handle to the centre of another, in steps, as a person would. */
async function dragBetween(page: Page, from: Locator, to: Locator): Promise<void> {
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  if (!a || !b) throw new Error('handle not visible');
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 5 });
  await page.mouse.up();
}

test('networks, exposure and fidelity notes are visible and editable on the canvas', async ({
  page,
  canvas,
  inspector,
  yaml,
}, testInfo) => {
  await openFixture(page);
  await expect(canvas.services).toHaveCount(4);

  // The network segment, with its three members (api, migrate, db); web stays on the implicit default.
  const backend = canvas.root.getByRole('article', { name: 'Network backend', exact: true });
  await expect(backend).toContainText('internal');
  await expect(backend).toContainText('3 services');
  await expect(canvas.root.getByRole('group', { name: /^Edge from service:\w+ to network:backend$/ })).toHaveCount(3);
  await expect(canvas.service('api')).toContainText('on default');

  // Exposure: web's port 80 is published on 8080 and routed by an ingress.
  const exposure = canvas.root.getByRole('button', { name: /^Exposure of web port 80: / });
  await expect(exposure).toContainText(':8080 → 80');
  await expect(exposure).toContainText('shop.example.test/ → 80');
  // Compose has no ingress: the note is on the exposure node, for Compose.
  // Compose and Swarm have no ingress, Kubernetes publishes 8080 by a LoadBalancer: the notes are on the
  // exposure node, grouped by target.
  await expect(exposure.locator('xpath=..').getByRole('note')).toHaveAccessibleName(
    /^3 fidelity notes\. Compose: • lost: Compose has no ingress.* Swarm: • lost: Swarm has no ingress.* Kubernetes: • approximated: /,
  );
  await expect(exposure.locator('xpath=..').getByRole('note')).toContainText('Compose, Swarm, K8s');

  // A `completed` link is something Kubernetes cannot express: a note badge on the link, naming the target.
  const completedNote = page.getByRole('note', { name: /Kubernetes has no "completed" dependency/ });
  await expect(completedNote).toBeVisible();
  await expect(completedNote).toContainText('K8s');
  await screenshot(page, testInfo, 'metamodel-canvas');

  // The Kubernetes tab lists its notes; clicking one selects its element (the link) and highlights its lines.
  await yaml.open('Kubernetes');
  const notes = yaml.root.getByRole('list', { name: 'Fidelity notes: Kubernetes' });
  const linkNote = notes.getByRole('button', { name: /api → migrate.*no "completed" dependency/ });
  await linkNote.click();
  await expect(inspector.root).toContainText('Link');
  await expect(inspector.root).toContainText('api → migrate');
  // Keyboard: arrows move between the notes.
  const items = notes.getByRole('button');
  await expect.poll(() => items.count()).toBeGreaterThan(1);
  await items.first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(items.nth(1)).toBeFocused();
  await page.keyboard.press('End');
  await expect(items.last()).toBeFocused();

  // Joining a network by mouse: web's top handle to the segment (all in view first). One undo step.
  await canvas.root.getByRole('button', { name: /fit view/i }).click();
  await dragBetween(
    page,
    canvas.root.getByLabel('Join web to a network', { exact: true }),
    canvas.root.getByLabel('Members of network backend'),
  );
  await expect(backend).toContainText('4 services');
  await yaml.open('Compose');
  await expect.poll(() => yaml.blockAt('services', 'web', 'networks')).toBe('    - backend');
  await canvas.undo();
  await expect(backend).toContainText('3 services');

  // The network's inspector: make it a normal (not internal) network.
  await backend.click();
  await inspector.root.getByLabel(/^Internal/).uncheck();
  await expect(backend).not.toContainText('internal');

  // Exposure is edited in the service's ports form: clicking the exposure node selects web.
  await exposure.click();
  await expect(inspector.name).toHaveValue('web');
  await inspector.root.getByRole('button', { name: 'Edit exposure of port 80' }).click();
  const form = inspector.root.getByRole('form', { name: 'Exposure of port 80' });
  await form.getByLabel('Host port').fill('9090');
  await form.getByRole('button', { name: 'Apply exposure of port 80' }).click();
  await expect(exposure).toContainText(':9090 → 80');
  await screenshot(page, testInfo, 'metamodel-edited');
});

test('the Problems panel lists the Blueprint YAML draft errors; clicking one shows its line', async ({ page, canvas, yaml }, testInfo) => {
  const problems = page.getByRole('region', { name: 'Problems' });
  await yaml.open('Blueprint');
  await (await yaml.reveal('    - to: webb')).click();
  await page.keyboard.press('End');
  await page.keyboard.type('x');
  const draft = problems.getByRole('list', { name: 'YAML draft problems' });
  await expect(draft.getByRole('button')).toHaveCount(1);
  await expect(draft.getByRole('button')).toContainText(/line \d+/);
  await expect(draft.getByRole('button')).toContainText('webbx');
  await expect(problems.getByRole('heading', { level: 2 })).toContainText('1 YAML draft problem');
  // The canvas keeps the last valid version.
  await expect(canvas.link('haproxy', 'webb')).toBeVisible();
  await screenshot(page, testInfo, 'problems-yaml-draft');

  // Elsewhere now; the problem brings back the Blueprint tab with the cursor on its line.
  await yaml.open('Compose');
  await draft.getByRole('button').click();
  await expect(yaml.editor).toHaveAttribute('data-model', 'blueprint');
  await expect(yaml.line('    - to: webbx')).toBeVisible();
  // Typing goes to that line: the fix applies, the draft problem goes.
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await expect(draft).toHaveCount(0);
  await expect(problems.getByRole('heading', { level: 2 })).not.toContainText('draft');
  await expect(canvas.link('haproxy', 'webb')).toBeVisible();
});
