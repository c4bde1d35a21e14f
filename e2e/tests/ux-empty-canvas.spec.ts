import { fileURLToPath } from 'node:url';
import { expect, screenshot, test } from '../fixtures/app';
import { type Box, overlaps } from '../fixtures/geometry';

const FILE = fileURLToPath(new URL('../fixtures/files/nginx-flask-mariadb.compose.yaml', import.meta.url));

/**
 * A new, empty blueprint showed a blank grid. Now the middle of the canvas says how to begin — drag
 * from the palette, add a service, start from a template, import or paste a Compose or Kubernetes
 * file — with the actions one Tab away, and is gone as soon as there is an element.
 */
for (const [width, height] of [
  [1024, 700],
  [1280, 800],
] as const) {
  test(`an empty blueprint says how to begin, in the middle of the canvas, at ${width}x${height}`, async ({ page, canvas }, testInfo) => {
    await page.setViewportSize({ width, height });
    await canvas.startEmpty();
    const hint = canvas.root.getByRole('region', { name: 'An empty blueprint' });
    await expect(hint).toBeVisible();
    await expect(hint).toContainText(/palette/);
    await expect(hint).toContainText(/Compose or Kubernetes/);
    await screenshot(page, testInfo, `empty-${width}`);
    // In the middle of the canvas, inside it, clear of the zoom controls and the minimap.
    const boxes = await page.evaluate(() => {
      const box = (name: string, sel: string) => {
        const e = document.querySelector(sel);
        if (!e) return undefined;
        const r = e.getBoundingClientRect();
        return { name, x: r.x, y: r.y, width: r.width, height: r.height };
      };
      return {
        canvas: box('canvas', '.react-flow'),
        card: box('hint', '.empty-hint-card'),
        floating: [box('controls', '.react-flow__controls'), box('minimap', '.flow-minimap')].filter((b): b is Box => !!b),
      };
    });
    const { canvas: pane, card } = boxes;
    if (!pane || !card) throw new Error('no canvas or hint');
    expect(card.x).toBeGreaterThanOrEqual(pane.x);
    expect(card.x + card.width).toBeLessThanOrEqual(pane.x + pane.width);
    expect(Math.abs(card.x + card.width / 2 - (pane.x + pane.width / 2))).toBeLessThan(pane.width * 0.1);
    expect(Math.abs(card.y + card.height / 2 - (pane.y + pane.height / 2))).toBeLessThan(pane.height * 0.15);
    expect(boxes.floating.filter((b) => overlaps(b, card)).map((b) => b.name)).toEqual([]);
  });
}

test('the empty canvas’s actions work from the keyboard and the hint goes with the first element', async ({ page, canvas }) => {
  await canvas.startEmpty();
  const hint = canvas.root.getByRole('region', { name: 'An empty blueprint' });
  const add = hint.getByRole('button', { name: 'Add a service' });
  // Reachable with Tab (from the toolbar's template menu onward).
  await page.getByRole('combobox', { name: 'Start from a template' }).focus();
  for (let i = 0; i < 40 && !(await add.evaluate((e) => e === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(add).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(canvas.services).toHaveCount(1);
  await expect(hint).toHaveCount(0);
  // Focus goes on with the new service (not lost with the hint).
  await expect(page.locator('.react-flow__node:focus')).toHaveCount(1);

  // Undo: empty again, the hint is back.
  await canvas.undo();
  await expect(canvas.services).toHaveCount(0);
  await expect(hint).toBeVisible();

  // "Start from a template…" takes the focus to the toolbar's templates menu.
  await hint.getByRole('button', { name: 'Start from a template…' }).click();
  await expect(page.getByRole('combobox', { name: 'Start from a template' })).toBeFocused();

  // "Import a file…": the file picker, a Compose file opens, the hint goes.
  const chooser = page.waitForEvent('filechooser');
  await hint.getByRole('button', { name: 'Import a file…' }).click();
  await (await chooser).setFiles(FILE);
  await expect(canvas.service('backend')).toBeVisible({ timeout: 15_000 });
  await expect(hint).toHaveCount(0);
});

test('a palette item dropped on the empty hint lands on the canvas', async ({ page, canvas }) => {
  await canvas.startEmpty();
  const card = page.locator('.empty-hint-card');
  const box = await card.boundingBox();
  const pane = await canvas.root.boundingBox();
  if (!box || !pane) throw new Error('no boxes');
  await canvas.dropService({ x: box.x - pane.x + box.width / 2, y: box.y - pane.y + box.height / 2 });
  await expect(canvas.services).toHaveCount(1);
  await expect(page.locator('.empty-hint')).toHaveCount(0);
});

test('an empty blueprint shows no minimap; the first element brings it', async ({ page, canvas }, testInfo) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await canvas.startEmpty();
  await expect(canvas.root.getByRole('region', { name: 'An empty blueprint' })).toBeVisible();
  await expect(page.locator('.flow-minimap')).toHaveCount(0);
  await expect(page.getByRole('img', { name: 'Minimap' })).toHaveCount(0);
  await screenshot(page, testInfo, 'empty-no-minimap');
  await canvas.root.getByRole('button', { name: 'Add a service' }).click();
  await expect(canvas.services).toHaveCount(1);
  await expect(page.locator('.flow-minimap canvas')).toBeVisible();
  // Undo: empty again, the minimap gone again.
  await canvas.undo();
  await expect(canvas.services).toHaveCount(0);
  await expect(page.locator('.flow-minimap')).toHaveCount(0);
});
