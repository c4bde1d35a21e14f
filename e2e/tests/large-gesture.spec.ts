import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/app';
import { openLarge as openShared } from '../fixtures/large';

/** Service nodes in the DOM without their contents (mounted during a gesture: the light version). */
const lightNodes = (page: Page) => page.locator('.react-flow__node article.service-node:not(:has(.node-header))');

/** The large blueprint opened (fixtures/large.ts) and its first node box in the page. */
async function openLarge(page: Page, n: number): Promise<void> {
  await openShared(page, n);
  // Fitted, a large blueprint is in the far view, where React Flow mounts a node only when selected
  // or near the pointer (canvas/far-live.ts): the raster draws them.
  await expect(page.locator('.canvas')).toHaveClass(/is-sparse/, { timeout: 30_000 });
  await expect
    .poll(async () => Number(await page.getByTestId('flow-raster').getAttribute('data-nodes')), { timeout: 30_000 })
    .toBeGreaterThan(0);
}

/** A point of the pane with nothing over it, nearest its centre. */
async function emptySpot(page: Page): Promise<{ x: number; y: number }> {
  const p = await page.evaluate(() => {
    const r = document.querySelector('.react-flow')?.getBoundingClientRect();
    if (!r) return undefined;
    for (let d = 0; d < 0.4; d += 0.02)
      for (const [fx, fy] of [
        [d, d],
        [-d, d],
        [d, -d],
        [-d, -d],
      ] as const) {
        const x = r.x + r.width * (0.5 + fx);
        const y = r.y + r.height * (0.5 + fy);
        if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
      }
    return undefined;
  });
  if (!p) throw new Error('no empty spot on the pane');
  return p;
}

/**
 * A pan of a large blueprint (≥ 300 nodes, useRasterMode): the raster shows while the DOM keeps
 * only what it had (no edges mounted mid-gesture, nodes scrolled into view rendered light); once
 * it settles, the DOM view is back with every node whole and the edges in view.
 */
test('a pan of a large blueprint shows the raster, mounts nothing heavy mid-gesture and brings every node back whole', async ({ page }) => {
  test.setTimeout(90_000);
  await openLarge(page, 400);
  const canvas = page.locator('.canvas');
  const raster = page.getByTestId('flow-raster');
  const edges = page.locator('.react-flow__edge');
  // Fitted, 400 services are in the far view: zoom in to where the DOM nodes show.
  const zoomIn = page.getByRole('button', { name: 'zoom in' });
  for (let i = 0; i < 12 && (await canvas.evaluate((el) => el.classList.contains('is-far'))); i++) await zoomIn.click();
  await zoomIn.click();
  await expect(canvas).not.toHaveClass(/is-far/);
  await expect(canvas).not.toHaveClass(/is-moving/);
  await expect.poll(() => edges.count()).toBeGreaterThan(0);
  const before = new Set(await edges.evaluateAll((els) => els.map((e) => e.getAttribute('data-id'))));

  const from = await emptySpot(page);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 20; i++) await page.mouse.move(from.x - i * 20, from.y - i * 12);
  await expect(canvas).toHaveClass(/is-moving/);
  await expect(raster).toBeVisible();
  // Mid-gesture: no edge mounted that was not there before; the nodes that came into view are light.
  const during = await edges.evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
  expect(during.filter((id) => !before.has(id))).toEqual([]);
  expect(await lightNodes(page).count()).toBeGreaterThan(0);
  await page.mouse.up();

  // Then the DOM view returns whole.
  await expect(canvas).not.toHaveClass(/is-moving/);
  await expect(canvas).not.toHaveClass(/is-raster/);
  await expect(lightNodes(page)).toHaveCount(0);
  // Every node in the DOM is whole again, and the edges of the new view are mounted.
  const nodes = await page.locator('.react-flow__node-service').count();
  await expect(page.locator('.react-flow__node-service .node-title')).toHaveCount(nodes);
  await expect.poll(() => edges.count()).toBeGreaterThan(0);
  // Every node's contents render again (none left skipped by content-visibility).
  const skipped = await page
    .locator('.react-flow__node')
    .evaluateAll((els) => els.filter((e) => getComputedStyle(e).contentVisibility === 'hidden').length);
  expect(skipped).toBe(0);
});
