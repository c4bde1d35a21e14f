import type { Locator } from '@playwright/test';
import { expect, test } from '../fixtures/app';

/** Pixels the raster canvas has painted (alpha > 0). */
const paintedPixels = (raster: Locator) =>
  raster.evaluate((c: HTMLCanvasElement) => {
    const ctx = c.getContext('2d');
    if (!ctx || c.width === 0) return 0;
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i] !== 0) n++;
    return n;
  });

/**
 * Zoomed far out, the canvas draws the graph on one <canvas> (boxes, headers, edges): the DOM
 * nodes paint nothing, software raster would pay for every one on every pan frame. Their boxes
 * stay, so a click still selects. Zooming back in brings the DOM nodes with all their detail.
 */
test('zoomed far out the canvas draws one raster and still selects on click; zoomed in again, the DOM nodes', async ({ page }) => {
  const canvas = page.locator('.canvas');
  const raster = page.getByTestId('flow-raster');
  const zoomOut = page.getByRole('button', { name: 'zoom out' });
  const zoomIn = page.getByRole('button', { name: 'zoom in' });
  await expect(canvas).not.toHaveClass(/is-far/);
  await expect(raster).toBeHidden();
  const row = page.getByRole('article', { name: 'Service weba', exact: true }).getByText('qaware/nginx');
  await expect(row).toBeVisible();
  for (let i = 0; i < 12 && !(await canvas.evaluate((el) => el.classList.contains('is-far'))); i++) await zoomOut.click();
  await expect(canvas).toHaveClass(/is-far/);
  await expect(canvas).toHaveClass(/is-raster/);
  await expect(row).toBeHidden();
  await expect(raster).toBeVisible();
  // Every node of the seed blueprint is drawn, and the bitmap is not empty.
  const nodes = await page.locator('.react-flow__node').count();
  await expect(raster).toHaveAttribute('data-nodes', String(nodes));
  expect(await paintedPixels(raster)).toBeGreaterThan(2000);

  // The node's box is still there (invisible): a click on it selects the service.
  const box = await page.locator('.react-flow__node[data-id="service:weba"]').boundingBox();
  if (!box) throw new Error('no box for service weba');
  await page.mouse.click(box.x + box.width / 2, box.y + 6);
  await expect(page.getByRole('region', { name: 'Inspector' }).getByLabel('Name', { exact: true })).toHaveValue('weba');

  for (let i = 0; i < 12 && (await canvas.evaluate((el) => el.classList.contains('is-far'))); i++) await zoomIn.click();
  await expect(canvas).not.toHaveClass(/is-far/);
  await expect(canvas).not.toHaveClass(/is-raster/);
  await expect(raster).toBeHidden();
  await expect(row).toBeVisible();
});

test('the minimap (one canvas) pans the view where it is clicked and zooms with the wheel', async ({ page }) => {
  const minimap = page.getByRole('img', { name: 'Minimap' });
  await expect(minimap).toBeVisible();
  const viewport = page.locator('.react-flow__viewport');
  const before = await viewport.getAttribute('style');
  const box = await minimap.boundingBox();
  if (!box) throw new Error('no minimap');
  await page.mouse.click(box.x + 8, box.y + 8);
  await expect.poll(() => viewport.getAttribute('style')).not.toBe(before);
  const panned = await viewport.getAttribute('style');
  const scale = (s: string | null) => Number(s?.match(/scale\(([\d.]+)\)/)?.[1]);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, 200);
  await expect.poll(async () => scale(await viewport.getAttribute('style'))).toBeLessThan(scale(panned));
});
