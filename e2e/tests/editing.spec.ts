import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { expect, screenshot, test } from '../fixtures/app';
import { reloadApp } from '../fixtures/open';

const COMPOSE = fileURLToPath(new URL('../fixtures/files/nginx-flask-mariadb.compose.yaml', import.meta.url));

// Copy and paste go through the system clipboard; reading it back in the test needs the permission.
test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

/** React Flow's wrapper of a node: what takes focus and carries the position. */
const nodeOf = (page: Page, id: string): Locator => page.locator(`.react-flow__node[data-id="${id}"]`);

/** A node's position in flow coordinates (React Flow's transform): unlike screen boxes, steady while the view animates. */
async function flowXY(page: Page, id: string): Promise<{ x: number; y: number }> {
  const transform = await nodeOf(page, id).evaluate((el) => (el as HTMLElement).style.transform);
  const m = /translate\((-?[\d.]+)px, ?(-?[\d.]+)px\)/.exec(transform);
  if (!m) throw new Error(`no position in "${transform}"`);
  return { x: Number(m[1]), y: Number(m[2]) };
}

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error(`${locator} is not visible`);
  return b;
}

test('Ctrl+C / Ctrl+V: the copy is blueprint YAML on the clipboard; the paste is renamed, linked, selected and one undo step', async ({
  page,
  canvas,
  yaml,
}, testInfo) => {
  await expect(canvas.services).toHaveCount(3);
  await canvas.service('haproxy').click();
  await page.keyboard.press('Control+c');

  const text = await page.evaluate(() => navigator.clipboard.readText());
  expect(text).toMatch(/^apiVersion: blaupause\.dev\/v1/m);
  expect(text).toMatch(/^ {2}haproxy:$/m);
  expect(text).not.toMatch(/^ {2}weba:$/m); // only what was selected

  await page.keyboard.press('Control+v');
  await expect(canvas.service('haproxy-2')).toBeVisible();
  // links to services still there are kept; the copy does not publish host port 80 a second time
  await expect(canvas.link('haproxy-2', 'weba')).toHaveCount(1);
  await expect(canvas.link('haproxy-2', 'webb')).toHaveCount(1);
  await expect(nodeOf(page, 'service:haproxy-2')).toHaveClass(/selected/);
  await expect(nodeOf(page, 'service:haproxy')).not.toHaveClass(/selected/);
  await yaml.open('Compose');
  await expect.poll(() => yaml.keysAt('services')).toContain('haproxy-2');
  await expect.poll(() => yaml.keysAt('services', 'haproxy-2', 'depends_on')).toEqual(['weba', 'webb']);
  await expect.poll(() => yaml.blockAt('services', 'haproxy-2', 'ports')).toBeUndefined();

  // The paste lands next to the original, not on it; a second paste one step further.
  const original = await box(nodeOf(page, 'service:haproxy'));
  const pasted = await box(nodeOf(page, 'service:haproxy-2'));
  expect(pasted.x).toBeGreaterThan(original.x);
  expect(pasted.y).toBeGreaterThan(original.y);
  await nodeOf(page, 'service:haproxy-2').focus();
  await page.keyboard.press('Control+v');
  await expect(canvas.service('haproxy-3')).toBeVisible();
  expect((await box(nodeOf(page, 'service:haproxy-3'))).x).toBeGreaterThan(pasted.x);
  await screenshot(page, testInfo, 'pasted');

  await canvas.undo();
  await expect(canvas.service('haproxy-3')).toHaveCount(0);
  await canvas.undo();
  await expect(canvas.service('haproxy-2')).toHaveCount(0);
  await expect(canvas.services).toHaveCount(3);

  // Cut removes what it copied (one step); pasting brings it back under its own name.
  await canvas.service('webb').click();
  await page.keyboard.press('Control+x');
  await expect(canvas.service('webb')).toHaveCount(0);
  await canvas.root.click({ position: { x: 30, y: 30 } });
  await page.keyboard.press('Control+v');
  await expect(canvas.service('webb')).toBeVisible();
  await expect(canvas.service('webb-2')).toHaveCount(0);
});

test('pasting Compose YAML onto the canvas imports its services beside the blueprint', async ({ page, canvas, yaml }) => {
  await expect(canvas.services).toHaveCount(3);
  await page.evaluate(() =>
    navigator.clipboard.writeText('services:\n  api:\n    image: node:22\n    depends_on: [cache]\n  cache:\n    image: redis:7\n'),
  );
  await canvas.root.click({ position: { x: 30, y: 30 } });
  await page.keyboard.press('Control+v');
  await expect(canvas.service('api')).toBeVisible();
  await expect(canvas.service('cache')).toBeVisible();
  await expect(canvas.link('api', 'cache')).toHaveCount(1);
  // (Counted in the YAML: the canvas draws only the nodes in view, and the view moved to the paste.)
  await yaml.open('Compose');
  await expect.poll(async () => (await yaml.keysAt('services')).sort()).toEqual(['api', 'cache', 'haproxy', 'weba', 'webb']);
  // laid out by dependency: the user left of what it uses
  expect((await box(canvas.service('api'))).x).toBeLessThan((await box(canvas.service('cache'))).x);

  // A file copied in a file manager pastes like its text.
  const text = await readFile(COMPOSE, 'utf8');
  await page.evaluate((content) => {
    const data = new DataTransfer();
    data.items.add(new File([content], 'compose.yaml', { type: 'application/yaml' }));
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  }, text);
  for (const name of ['proxy', 'backend', 'db']) await expect(canvas.service(name)).toBeVisible();
  await expect.poll(async () => (await yaml.keysAt('services')).length).toBe(8);
});

test('auto layout puts services left of what they use, as one undo step; imports are laid out too', async ({ page, canvas }, testInfo) => {
  await expect(canvas.services).toHaveCount(3);
  // Drag weba far to the left of haproxy, which uses it.
  const weba = await box(canvas.service('weba'));
  const haproxy = await box(canvas.service('haproxy'));
  await page.mouse.move(weba.x + 40, weba.y + 12);
  await page.mouse.down();
  await page.mouse.move(haproxy.x - 320, weba.y + 40, { steps: 8 });
  await page.mouse.up();
  await expect.poll(async () => (await flowXY(page, 'service:weba')).x < (await flowXY(page, 'service:haproxy')).x).toBe(true);

  await page.getByRole('button', { name: 'Auto layout' }).click();
  const x = async (id: string) => (await flowXY(page, id)).x;
  await expect.poll(async () => (await x('service:weba')) - (await x('service:haproxy'))).toBeGreaterThan(100);
  const a = await flowXY(page, 'service:weba');
  const b = await flowXY(page, 'service:webb');
  expect(a.x).toBe(b.x); // both used by haproxy: one layer
  expect(Math.abs(a.y - b.y)).toBeGreaterThan((await box(canvas.service('weba'))).height / 2); // stacked, not overlapping
  expect(Math.abs(a.x) % 20).toBe(0); // on the grid
  await screenshot(page, testInfo, 'auto-layout');

  // One undo step brings the dragged position back (the shortcut runs it again).
  await canvas.service('haproxy').click();
  await canvas.undo();
  await expect.poll(async () => (await x('service:weba')) < (await x('service:haproxy'))).toBe(true);
  await page.keyboard.press('Control+Shift+L');
  await expect.poll(async () => (await x('service:weba')) - (await x('service:haproxy'))).toBeGreaterThan(100);

  // An imported Compose file has no layout: it is laid out left to right by dependency.
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open or import a file' }).click();
  await (await chooser).setFiles(COMPOSE);
  await expect(canvas.service('proxy')).toBeVisible();
  await expect
    .poll(async () => (await x('service:proxy')) < (await x('service:backend')) && (await x('service:backend')) < (await x('service:db')))
    .toBe(true);
  // db-data, mounted by db only, sits right below db
  expect(await flowXY(page, 'volume:db-data')).toMatchObject({ x: await x('service:db') });
  expect((await flowXY(page, 'volume:db-data')).y).toBeGreaterThan((await flowXY(page, 'service:db')).y);
  await screenshot(page, testInfo, 'imported-auto-layout');
});

test('context menus: right click and Shift+F10 open them, arrows move, Escape closes, items act', async ({ page, canvas }, testInfo) => {
  await expect(canvas.services).toHaveCount(3);

  // Right click on a node: its menu, focused on the first item.
  await canvas.service('weba').click({ button: 'right' });
  const menu = page.getByRole('menu', { name: 'Service weba' });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: /^Copy/ })).toBeFocused();
  await screenshot(page, testInfo, 'node-menu');
  await menu.getByRole('menuitem', { name: /^Duplicate/ }).click();
  await expect(menu).toHaveCount(0);
  await expect(canvas.service('weba-2')).toBeVisible();

  // "Add helper container…" takes focus to the inspector's helper form of that service.
  await canvas.service('weba').click({ button: 'right', position: { x: 20, y: 12 } }); // weba-2 covers the rest of it
  await page
    .getByRole('menu', { name: 'Service weba' })
    .getByRole('menuitem', { name: /^Add helper container/ })
    .click();
  await expect(page.getByRole('region', { name: 'Inspector' }).getByLabel('Helper role')).toBeFocused();

  // Keyboard: Shift+F10 on the focused node, arrows, Escape gives focus back to the node.
  await nodeOf(page, 'service:webb').focus();
  await page.keyboard.press('Shift+F10');
  const webbMenu = page.getByRole('menu', { name: 'Service webb' });
  await expect(webbMenu).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(webbMenu.getByRole('menuitem', { name: /^Cut/ })).toBeFocused();
  await page.keyboard.press('End');
  await expect(webbMenu.getByRole('menuitem', { name: /^Delete/ })).toBeFocused();
  await page.keyboard.press('ArrowDown'); // wraps around
  await expect(webbMenu.getByRole('menuitem', { name: /^Copy/ })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(webbMenu).toHaveCount(0);
  await expect(nodeOf(page, 'service:webb')).toBeFocused();

  // …and Enter runs an item: Delete.
  await page.keyboard.press('Shift+F10');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await expect(canvas.service('webb')).toHaveCount(0);

  // A link's menu sets its start condition.
  await canvas.link('haproxy', 'weba').click({ button: 'right', force: true });
  const linkMenu = page.getByRole('menu', { name: /^Link haproxy->weba/ });
  await expect(linkMenu.getByRole('menuitemradio', { name: 'Start when weba has started' })).toHaveAttribute('aria-checked', 'true');
  await linkMenu.getByRole('menuitemradio', { name: 'Start when weba has completed' }).click();
  await canvas.link('haproxy', 'weba').click({ button: 'right', force: true });
  await expect(linkMenu.getByRole('menuitemradio', { name: 'Start when weba has completed' })).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('Escape');

  // The pane's menu adds a service where it was opened.
  const pane = await box(canvas.root);
  await page.mouse.click(pane.x + 80, pane.y + pane.height - 120, { button: 'right' });
  await page.getByRole('menu', { name: 'Canvas' }).getByRole('menuitem', { name: 'Add service here' }).click();
  await expect(canvas.service('service')).toBeVisible();
  const added = await box(canvas.service('service'));
  expect(Math.abs(added.x + added.width / 2 - (pane.x + 80))).toBeLessThan(added.width);
});

test('keyboard: palette with Enter, arrows move the new node, Ctrl+A, snap toggle kept, shortcuts help on ?', async ({ page, canvas }) => {
  await expect(canvas.services).toHaveCount(3);
  await page.getByRole('button', { name: 'Add volume' }).focus();
  await page.keyboard.press('Enter');
  const volume = nodeOf(page, 'volume:volume');
  await expect(volume).toBeFocused();
  const before = await box(volume);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowDown');
  await expect.poll(async () => (await box(volume)).x).toBeGreaterThan(before.x);
  expect((await box(volume)).y).toBeGreaterThan(before.y);
  // The arrow presses in a row are one undo step.
  await canvas.undo();
  await expect.poll(async () => (await box(volume)).x).toBeCloseTo(before.x, 0);
  expect((await box(volume)).y).toBeCloseTo(before.y, 0);
  await expect(volume).toBeVisible();

  // Delete the focused node: focus stays on the canvas, and Tab goes on to its edges and nodes.
  await nodeOf(page, 'service:weba').focus();
  await page.keyboard.press('Enter'); // select it
  await page.keyboard.press('Delete');
  await expect(canvas.service('weba')).toHaveCount(0);
  await expect(canvas.root).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.locator('.react-flow__node:focus, .react-flow__edge:focus')).toHaveCount(1);
  await canvas.undo();
  await expect(canvas.service('weba')).toBeVisible();

  await page.keyboard.press('Control+a');
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(4);

  const snap = page.getByRole('button', { name: 'Snap to grid' });
  await expect(snap).toHaveAttribute('aria-pressed', 'true');
  await snap.click();
  await expect(snap).toHaveAttribute('aria-pressed', 'false');
  await reloadApp(page);
  await expect(page.getByRole('button', { name: 'Snap to grid' })).toHaveAttribute('aria-pressed', 'false');

  await canvas.root.click({ position: { x: 30, y: 30 } });
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('Auto layout');
  await expect(help).toContainText('Shift+F10');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
});
