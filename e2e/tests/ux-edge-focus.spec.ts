import { expect, test } from '../fixtures/app';

/**
 * A link that has the keyboard focus shows it. React Flow only turned its path the selected-edge
 * grey (#555, next to the edges' own grey), so Tab onto an edge showed nothing to see; its label (a
 * portal in React Flow's label layer, outside the edge) took no ring either.
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

    // Its label (a portal outside the edge) takes the focus ring too, and no other label does.
    const rings = () =>
      page.evaluate(() => {
        const probe = document.createElement('span');
        probe.style.color = 'var(--focus)';
        document.body.append(probe);
        const focus = getComputedStyle(probe).color;
        probe.remove();
        return [...document.querySelectorAll('.edge-label')]
          .map((label) => getComputedStyle(label))
          .filter((style) => style.outlineStyle === 'solid' && style.outlineColor === focus && Number.parseFloat(style.outlineWidth) >= 2)
          .length;
      });
    await expect.poll(rings).toBe(1);
    // Back onto a node: the label's ring goes with the edge's focus.
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.matches('.react-flow__edge'))).toBe(false);
    await expect.poll(rings).toBe(0);
  });
}

test('a link clicked with the mouse shows no focus ring on its label', async ({ page, canvas }) => {
  await expect(canvas.services.first()).toBeVisible({ timeout: 15_000 });
  await expect(canvas.links).not.toHaveCount(0);
  // A point a third along the first link's path, in the page.
  const at = await page.evaluate(() => {
    const path = document.querySelector('.react-flow__edge-link .react-flow__edge-path') as SVGPathElement;
    const p = path.getPointAtLength(path.getTotalLength() / 3).matrixTransform(path.getScreenCTM() ?? undefined);
    return { x: p.x, y: p.y };
  });
  await page.mouse.click(at.x, at.y);
  await expect(page.locator('.react-flow__edge-link.selected')).toHaveCount(1);
  // The edge has the focus, from the mouse: no focus-visible, so no ring.
  expect(await page.evaluate(() => !!document.activeElement?.matches('.react-flow__edge-link'))).toBe(true);
  await expect(page.locator('.edge-label.is-focused')).toHaveCount(0);
});
