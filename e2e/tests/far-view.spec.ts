import { expect, test } from '../fixtures/app';

/**
 * Zoomed far out, the canvas draws node headers only (no pod rows, edge labels, shadows or dot
 * grid): unreadable detail costs software raster on every pan frame. Zooming back in brings it all.
 */
test('zoomed far out the canvas draws headers only; zoomed in again, everything', async ({ page }) => {
  const canvas = page.locator('.canvas');
  const zoomOut = page.getByRole('button', { name: 'zoom out' });
  const zoomIn = page.getByRole('button', { name: 'zoom in' });
  await expect(canvas).not.toHaveClass(/is-far/);
  const row = page.getByRole('article', { name: 'Service weba', exact: true }).getByText('qaware/nginx');
  await expect(row).toBeVisible();
  for (let i = 0; i < 12 && !(await canvas.evaluate((el) => el.classList.contains('is-far'))); i++) await zoomOut.click();
  await expect(canvas).toHaveClass(/is-far/);
  await expect(row).toBeHidden();
  // The node keeps its size, so edges stay attached where they were.
  await expect(page.getByRole('article', { name: 'Service weba', exact: true })).toBeVisible();
  for (let i = 0; i < 12 && (await canvas.evaluate((el) => el.classList.contains('is-far'))); i++) await zoomIn.click();
  await expect(canvas).not.toHaveClass(/is-far/);
  await expect(row).toBeVisible();
});
