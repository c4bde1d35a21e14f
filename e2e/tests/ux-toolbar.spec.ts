import { expect, screenshot, test } from '../fixtures/app';

/**
 * The toolbar fits the window down to 1024 px: at 1024×700 "Auto layout", "Undo" and the template
 * picker wrapped onto two lines (the buttons grew to the bar's height) and the theme button was cut
 * off at the right edge. Narrow windows show the glyph-only buttons by their glyph; their
 * accessible names stay whole.
 */
for (const [width, height] of [
  [1024, 700],
  [1280, 800],
] as const) {
  test(`every toolbar control is whole and on one line at ${width}×${height}`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width, height });
    const toolbar = page.locator('header.toolbar');
    await expect(toolbar.getByRole('button', { name: 'Auto layout' })).toBeVisible();
    for (const name of ['Undo', 'Redo', 'Auto layout', 'Export', /^Theme:/])
      await expect(toolbar.getByRole('button', { name })).toBeVisible();
    await screenshot(page, testInfo, `toolbar-${width}`);
    const bad = await toolbar.evaluate((bar) => {
      const box = bar.getBoundingClientRect();
      return [...bar.querySelectorAll('button, select')]
        .filter((el) => {
          const r = el.getBoundingClientRect();
          // One line of a 13 px font with its padding is ~28 px; two lines are over 40.
          return r.width > 0 && (r.right > Math.min(box.right, window.innerWidth) + 0.5 || r.left < box.left - 0.5 || r.height > 34);
        })
        .map(
          (el) =>
            `${el.getAttribute('aria-label') ?? el.textContent} ${Math.round(el.getBoundingClientRect().right)}×${Math.round(el.getBoundingClientRect().height)}`,
        );
    });
    expect(bad).toEqual([]);
  });
}
