import type { Page } from '@playwright/test';
import { expect, screenshot, test } from '../fixtures/app';

/**
 * Resizable panes at small and ordinary windows (issue 3): the sidebar had a fixed width and the
 * inspector/YAML split a fixed share, so at 1024 px graphs were width-limited and the editor short.
 * Three WAI-ARIA window splitters (layout/PaneSeparator.tsx): canvas | sidebar, inspector / YAML and
 * canvas / problems (the problems list kept 26 % of the workspace even when it said "No problems").
 * Also: Monaco's sticky scroll keeps to two lines, and the fidelity notes take one line each.
 */

async function box(page: Page, selector: string) {
  const b = await page.locator(selector).first().boundingBox();
  if (!b) throw new Error(`${selector} has no box`);
  return b;
}

const sidebarSeparator = (page: Page) => page.getByRole('separator', { name: 'Resize the sidebar' });
const inspectorSeparator = (page: Page) => page.getByRole('separator', { name: 'Resize the inspector and the YAML panel' });
const problemsSeparator = (page: Page) => page.getByRole('separator', { name: 'Resize the problems list' });

async function openPatterns(page: Page) {
  await page.getByRole('combobox', { name: 'Start from a template' }).selectOption({ label: 'Sidecar, ambassador and adapter in one pod' });
  await expect(page.locator('.react-flow').getByRole('article', { name: 'Service web', exact: true })).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('.yaml-editor')).toBeVisible({ timeout: 20_000 });
}

test('the canvas | sidebar separator: keyboard, limits, collapse, reset, and React Flow follows (1024×700)', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  const sep = sidebarSeparator(page);
  await expect(sep).toBeVisible();
  await expect(sep).toHaveAttribute('aria-controls', 'sidebar');
  await expect(sep).toHaveAttribute('aria-orientation', 'vertical');
  // Default as before the panes: max(360 px, 32 % of the window).
  await expect(sep).toHaveAttribute('aria-valuenow', '360');
  await expect(sep).toHaveAttribute('aria-valuemin', '280');
  expect(Math.round((await box(page, '.sidebar')).width)).toBe(360);
  const flow0 = await box(page, '.react-flow');

  await sep.focus();
  await page.keyboard.press('ArrowRight');
  await expect(sep).toHaveAttribute('aria-valuenow', '336');
  await expect.poll(async () => Math.round((await box(page, '.sidebar')).width)).toBe(336);
  // React Flow saw the resize: its pane and the minimap are inside the wider canvas.
  await expect.poll(async () => Math.round((await box(page, '.react-flow')).width)).toBe(Math.round(flow0.width) + 24);
  await page.keyboard.press('Home');
  await expect(sep).toHaveAttribute('aria-valuenow', '280');
  await page.keyboard.press('End');
  const max = Number(await sep.getAttribute('aria-valuemax'));
  await expect(sep).toHaveAttribute('aria-valuenow', String(max));
  // The canvas keeps its least width at the sidebar's largest.
  await expect.poll(async () => Math.round((await box(page, '.react-flow')).width)).toBeGreaterThanOrEqual(400);
  const flow = await box(page, '.react-flow');
  const minimap = await box(page, '.flow-minimap canvas');
  expect(minimap.x + minimap.width).toBeLessThanOrEqual(flow.x + flow.width);
  await screenshot(page, testInfo, 'sidebar-end');

  // Enter collapses the sidebar (out of view and of the accessibility tree) and restores it.
  await page.keyboard.press('Enter');
  await expect(page.locator('#sidebar')).toBeHidden();
  await expect(page.getByRole('region', { name: 'Inspector' })).toHaveCount(0);
  await expect(sep).toHaveAttribute('aria-valuenow', '0');
  await expect.poll(async () => Math.round((await box(page, '.react-flow')).width)).toBeGreaterThan(800);
  await screenshot(page, testInfo, 'sidebar-collapsed');
  await page.keyboard.press('Enter');
  await expect(page.locator('#sidebar')).toBeVisible();
  await expect(sep).toHaveAttribute('aria-valuenow', String(max));

  // A double-click puts the default back.
  await sep.dblclick();
  await expect(sep).toHaveAttribute('aria-valuenow', '360');
  await expect.poll(async () => Math.round((await box(page, '.sidebar')).width)).toBe(360);
});

test('dragging the separators resizes the panes, and the sizes come back after a reload (1280×800)', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openPatterns(page);
  const side0 = await box(page, '.sidebar');
  const flow0 = await box(page, '.react-flow');
  const editor0 = await box(page, '.yaml-editor');
  // The YAML panel keeps 58 % of the sidebar by default.
  const yaml0 = await box(page, '.yaml-panel');
  expect(yaml0.height / side0.height).toBeGreaterThanOrEqual(0.57);

  // Sidebar 150 px wider.
  const sep = await sidebarSeparator(page).boundingBox();
  if (!sep) throw new Error('no separator');
  await page.mouse.move(sep.x + sep.width / 2, sep.y + 300);
  await page.mouse.down();
  await page.mouse.move(sep.x + sep.width / 2 - 150, sep.y + 300, { steps: 6 });
  await page.mouse.up();
  await expect.poll(async () => Math.round((await box(page, '.sidebar')).width - side0.width)).toBeGreaterThanOrEqual(148);
  await expect.poll(async () => Math.round(flow0.width - (await box(page, '.react-flow')).width)).toBeGreaterThanOrEqual(148);
  // Monaco follows the wider panel.
  await expect.poll(async () => Math.round((await box(page, '.yaml-editor')).width - editor0.width)).toBeGreaterThanOrEqual(140);

  // Inspector 120 px shorter: the editor 120 px taller.
  const hsep = await inspectorSeparator(page).boundingBox();
  if (!hsep) throw new Error('no separator');
  await page.mouse.move(hsep.x + 120, hsep.y + hsep.height / 2);
  await page.mouse.down();
  await page.mouse.move(hsep.x + 120, hsep.y + hsep.height / 2 - 120, { steps: 6 });
  await page.mouse.up();
  await expect.poll(async () => Math.round((await box(page, '.yaml-panel')).height - yaml0.height)).toBeGreaterThanOrEqual(115);
  // The editor gets most of it (the notes strip is a fifth of the panel).
  expect(Math.round((await box(page, '.yaml-editor')).height - editor0.height)).toBeGreaterThanOrEqual(90);
  await screenshot(page, testInfo, 'dragged');
  const side1 = await box(page, '.sidebar');
  const editor1 = await box(page, '.yaml-editor');

  await page.reload();
  await expect(page.locator('.yaml-editor')).toBeVisible({ timeout: 20_000 });
  await expect.poll(async () => Math.round((await box(page, '.sidebar')).width)).toBe(Math.round(side1.width));
  await expect
    .poll(async () => Math.round((await box(page, '.yaml-editor')).height))
    .toBeGreaterThanOrEqual(Math.round(editor1.height) - 2);
});

test('the inspector / YAML separator: keyboard, the YAML panel’s least height, collapse (1024×700)', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  const sep = inspectorSeparator(page);
  await expect(sep).toHaveAttribute('aria-controls', 'inspector');
  await expect(sep).toHaveAttribute('aria-orientation', 'horizontal');
  await expect(sep).toHaveAttribute('aria-valuenow', '42');
  const yaml0 = await box(page, '.yaml-panel');
  await sep.focus();
  await page.keyboard.press('ArrowUp');
  await expect(sep).toHaveAttribute('aria-valuenow', '37');
  await expect.poll(async () => Math.round((await box(page, '.yaml-panel')).height - yaml0.height)).toBeGreaterThanOrEqual(25);
  await page.keyboard.press('End');
  // The YAML panel keeps 160 px.
  await expect.poll(async () => Math.round((await box(page, '.yaml-panel')).height)).toBe(160);
  await page.keyboard.press('Home');
  await expect.poll(async () => Math.round((await box(page, '.inspector')).height)).toBe(96);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Inspector' })).toHaveCount(0);
  const side = await box(page, '.sidebar');
  await expect.poll(async () => Math.round((await box(page, '.yaml-panel')).height)).toBe(Math.round(side.height));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Inspector' })).toBeVisible();
});

test('a short YAML editor shows at most two sticky header lines (1024×700)', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await openPatterns(page);
  // Selecting web reveals its lines: the editor scrolls into the services' nesting.
  await page.locator('.react-flow').getByRole('article', { name: 'Service web', exact: true }).click();
  await expect(page.locator('.yaml-editor .sticky-widget .sticky-line-content').first()).toBeVisible({ timeout: 10_000 });
  await page.waitForTimeout(600);
  await screenshot(page, testInfo, 'sticky');
  const lines = await page.locator('.yaml-editor .sticky-widget .sticky-line-content').count();
  expect(lines).toBeGreaterThanOrEqual(1);
  expect(lines).toBeLessThanOrEqual(2);
});

test('fidelity notes take one line each at 1024×700, their whole text kept', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await openPatterns(page);
  const notes = page.getByRole('list', { name: /^Fidelity notes: / });
  await expect(notes).toBeVisible();
  const first = notes.getByRole('button').first();
  const message = (await first.locator('.note-message').textContent()) ?? '';
  expect(message.length).toBeGreaterThan(60);
  await screenshot(page, testInfo, 'notes');
  const rows = await notes
    .locator('.note')
    .evaluateAll((buttons) =>
      buttons.map((b) => ({ height: b.getBoundingClientRect().height, line: Number.parseFloat(getComputedStyle(b).lineHeight) || 20 })),
    );
  for (const r of rows) expect(r.height, 'a note on one line').toBeLessThanOrEqual(r.line * 1.6);
  // The whole message is still the button's name, and its tooltip.
  await expect(first).toHaveAccessibleName(new RegExp(message.slice(-30).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  expect(await first.getAttribute('title')).toContain(message);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the canvas / problems separator: keyboard, limits, collapse, reset (1024×700, ${scheme})`, async ({ page }, testInfo) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 1024, height: 700 });
    const sep = problemsSeparator(page);
    await expect(sep).toBeVisible();
    await expect(sep).toHaveAttribute('aria-controls', 'problems');
    await expect(sep).toHaveAttribute('aria-orientation', 'horizontal');
    // Default as before the separator: 26 % of the workspace (652 px high at 1024×700), at least 96 px.
    await expect(sep).toHaveAttribute('aria-valuenow', '170');
    await expect(sep).toHaveAttribute('aria-valuemin', '64');
    await expect(sep).toHaveAttribute('aria-valuemax', '452');
    const workspace = await box(page, '.workspace');
    await expect(page.locator('.problems:not([aria-busy])')).toBeVisible();
    expect(Math.round((await box(page, '.problems')).height)).toBe(170);
    await screenshot(page, testInfo, `problems-default-${scheme}`);

    await sep.focus();
    await page.keyboard.press('ArrowDown');
    await expect(sep).toHaveAttribute('aria-valuenow', '146');
    await expect.poll(async () => Math.round((await box(page, '.problems')).height)).toBe(146);
    // React Flow follows: its pane fills the taller canvas.
    await expect.poll(async () => Math.round((await box(page, '.react-flow')).height)).toBe(Math.round(workspace.height) - 146);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect.poll(async () => Math.round((await box(page, '.problems')).height)).toBe(194);
    // Home: the header only (title and counts); End: the canvas keeps 200 px.
    await page.keyboard.press('Home');
    await expect.poll(async () => Math.round((await box(page, '.problems')).height)).toBe(64);
    await expect(page.locator('.problems .panel-title')).toBeVisible();
    await screenshot(page, testInfo, `problems-home-${scheme}`);
    await page.keyboard.press('End');
    await expect.poll(async () => Math.round((await box(page, '.react-flow')).height)).toBe(200);
    const minimap = await box(page, '.flow-minimap canvas');
    const flow = await box(page, '.react-flow');
    expect(minimap.y + minimap.height).toBeLessThanOrEqual(flow.y + flow.height);

    // Enter collapses the list (out of view and of the accessibility tree) and restores it.
    await page.keyboard.press('Enter');
    await expect(page.getByRole('region', { name: 'Problems' })).toHaveCount(0);
    await expect(sep).toHaveAttribute('aria-valuenow', '0');
    await expect.poll(async () => Math.round((await box(page, '.react-flow')).height)).toBe(Math.round(workspace.height));
    await expect(sep).toBeVisible();
    await screenshot(page, testInfo, `problems-collapsed-${scheme}`);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('region', { name: 'Problems' })).toBeVisible();
    await expect(sep).toHaveAttribute('aria-valuenow', '452');

    // A double-click puts the default back.
    await sep.dblclick();
    await expect(sep).toHaveAttribute('aria-valuenow', '170');
    await expect.poll(async () => Math.round((await box(page, '.problems')).height)).toBe(170);
  });
}

test('dragging the problems separator resizes the list, not its content; the height comes back after a reload', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await expect(page.locator('.react-flow__node').first()).toBeVisible({ timeout: 15_000 });
  // The list's own code is a chunk of its own: wait for it, not its frame.
  await expect(page.locator('.problems:not([aria-busy])')).toBeVisible();
  const problems0 = await box(page, '.problems');
  const flow0 = await box(page, '.react-flow');
  const sep = await problemsSeparator(page).boundingBox();
  if (!sep) throw new Error('no separator');
  // 90 px down: the list 90 px shorter, the canvas 90 px taller.
  await page.mouse.move(sep.x + 200, sep.y + sep.height / 2);
  await page.mouse.down();
  await page.mouse.move(sep.x + 200, sep.y + sep.height / 2 + 90, { steps: 6 });
  await page.mouse.up();
  await expect.poll(async () => Math.round(problems0.height - (await box(page, '.problems')).height)).toBeGreaterThanOrEqual(88);
  await expect.poll(async () => Math.round((await box(page, '.react-flow')).height - flow0.height)).toBeGreaterThanOrEqual(88);
  // Not below its header, however far it is dragged.
  await page.mouse.move(sep.x + 200, sep.y + 95);
  await page.mouse.down();
  await page.mouse.move(sep.x + 200, 699, { steps: 4 });
  await page.mouse.up();
  await expect.poll(async () => Math.round((await box(page, '.problems')).height)).toBe(64);
  await page.mouse.move(sep.x + 200, 700 - 64 - 1);
  await page.mouse.down();
  await page.mouse.move(sep.x + 200, 700 - 120, { steps: 4 });
  await page.mouse.up();
  await expect.poll(async () => Math.round((await box(page, '.problems')).height)).toBe(120);
  await screenshot(page, testInfo, 'problems-dragged');

  await page.reload();
  await expect(page.locator('.react-flow__node').first()).toBeVisible({ timeout: 15_000 });
  // The list is a chunk of its own (see above); a poll's callback that throws is not retried.
  await expect(page.locator('.problems:not([aria-busy])')).toBeVisible();
  await expect.poll(async () => Math.round((await page.locator('.problems').first().boundingBox())?.height ?? -1)).toBe(120);
  await expect(problemsSeparator(page)).toHaveAttribute('aria-valuenow', '120');
});
