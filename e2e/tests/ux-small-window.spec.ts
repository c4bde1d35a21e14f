import type { Page } from '@playwright/test';
import { expect, screenshot, test } from '../fixtures/app';

/**
 * Small windows (a laptop's 1024×700 split screen): the minimap and the YAML preview keep to a
 * readable share of the window. A fixed 200×150 px minimap took 42 % of the canvas's width at
 * 1024×700 and limited every fit; with a service selected the YAML editor was left ~190 px.
 */

const SIZES = [
  { width: 1024, height: 700 },
  { width: 1280, height: 800 },
] as const;

async function box(page: Page, selector: string) {
  const b = await page.locator(selector).first().boundingBox();
  if (!b) throw new Error(`${selector} has no box`);
  return b;
}

for (const size of SIZES) {
  test(`the minimap takes at most a quarter of the canvas, drawn at its size (${size.width}×${size.height})`, async ({
    page,
  }, testInfo) => {
    await page.setViewportSize(size);
    await expect(page.locator('.flow-minimap canvas')).toBeVisible();
    await expect
      .poll(async () => {
        const canvas = await box(page, '.react-flow');
        const minimap = await box(page, '.flow-minimap canvas');
        return minimap.width <= canvas.width * 0.26 && minimap.height <= canvas.height * 0.26;
      })
      .toBe(true);
    const minimap = await box(page, '.flow-minimap canvas');
    expect(minimap.width).toBeGreaterThanOrEqual(120);
    expect(minimap.height / minimap.width).toBeCloseTo(0.75, 1);
    // Its bitmap is the box's size (not a 200×150 drawing squeezed).
    const bitmap = await page.locator('.flow-minimap canvas').evaluate((c: HTMLCanvasElement) => c.width / window.devicePixelRatio);
    expect(Math.abs(bitmap - minimap.width)).toBeLessThanOrEqual(1);
    await screenshot(page, testInfo, `minimap-${size.width}`);
  });

  test(`with a service selected the YAML editor keeps ≥ 38 % of the sidebar, the inspector its first fields (${size.width}×${size.height})`, async ({
    page,
    canvas,
  }, testInfo) => {
    await page.setViewportSize(size);
    await page
      .getByRole('combobox', { name: 'Start from a template' })
      .selectOption({ label: 'Sidecar, ambassador and adapter in one pod' });
    await expect(canvas.service('web')).toBeVisible({ timeout: 15_000 });
    await canvas.service('web').click();
    const inspector = page.getByRole('region', { name: 'Inspector' });
    await expect(inspector.getByRole('textbox', { name: 'Image (nginx)' })).toBeVisible();
    // The patterns template has fidelity notes for Compose (the tab open at start).
    const notes = page.getByRole('list', { name: /^Fidelity notes: / });
    await expect(notes).toBeVisible();
    await expect(page.locator('.yaml-editor')).toBeVisible({ timeout: 20_000 });
    await page.waitForTimeout(300);
    const sidebar = await box(page, '.sidebar');
    const editor = await box(page, '.yaml-editor');
    const inspectorBox = await box(page, '.inspector');
    await screenshot(page, testInfo, `selected-${size.width}`);
    expect(editor.height, `editor ${editor.height} of ${sidebar.height} px`).toBeGreaterThanOrEqual(sidebar.height * 0.38);
    // The inspector still shows the name, the image and the replicas without scrolling.
    for (const name of ['Name', 'Image (nginx)', 'Replicas']) {
      const field = await inspector.getByRole(name === 'Replicas' ? 'spinbutton' : 'textbox', { name }).boundingBox();
      expect(field, name).not.toBeNull();
      if (field) expect(field.y + field.height, `${name} is cut off`).toBeLessThanOrEqual(inspectorBox.y + inspectorBox.height);
    }
    // The notes scroll within their strip: every note can still be reached.
    const strip = await notes.evaluate((e) => ({
      client: e.clientHeight,
      scroll: e.scrollHeight,
      overflow: getComputedStyle(e).overflowY,
    }));
    expect(strip.overflow).toBe('auto');
    expect(strip.client).toBeGreaterThanOrEqual(40);
  });
}

test('the minimap keeps 200×150 px on a large canvas', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await expect(page.locator('.flow-minimap canvas')).toBeVisible();
  await expect.poll(async () => (await box(page, '.flow-minimap canvas')).width).toBe(200);
  expect((await box(page, '.flow-minimap canvas')).height).toBe(150);
});
