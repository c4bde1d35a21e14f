import { expect, test } from '../fixtures/app';

/**
 * A link that has the keyboard focus shows it. React Flow only turned its path the selected-edge
 * grey (#555, next to the edges' own grey), so Tab onto an edge showed nothing to see.
 */
for (const scheme of ['light', 'dark'] as const) {
  test(`a link focused with Tab shows the focus colour (${scheme})`, async ({ page, canvas }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await expect(canvas.services.first()).toBeVisible({ timeout: 15_000 });
    await expect(canvas.links).not.toHaveCount(0);
    // Tab from the first node on until an edge has the focus.
    await canvas.services.first().locator('xpath=..').focus();
    let found = false;
    for (let i = 0; i < 30 && !found; i++) {
      await page.keyboard.press('Tab');
      found = await page.evaluate(() => !!document.activeElement?.matches('.react-flow__edge'));
    }
    expect(found, 'an edge takes the focus').toBe(true);
    const seen = await page.evaluate(() => {
      const edge = document.activeElement as Element;
      const path = edge.querySelector('.react-flow__edge-path') as SVGPathElement;
      const probe = document.createElement('span');
      probe.style.color = 'var(--focus)';
      document.body.append(probe);
      const focus = getComputedStyle(probe).color;
      probe.remove();
      return { stroke: getComputedStyle(path).stroke, width: Number.parseFloat(getComputedStyle(path).strokeWidth), focus };
    });
    expect(seen.stroke).toBe(seen.focus);
    expect(seen.width).toBeGreaterThanOrEqual(2.5);
  });
}
