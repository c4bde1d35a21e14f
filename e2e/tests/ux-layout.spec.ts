import { expect, test } from '../fixtures/app';

/** Layout defects found by the usability pass. */

test('the Export menu: every label and hint is on one line, and the menu stays in the window', async ({ page }) => {
  await page.getByRole('button', { name: 'Export ▾' }).click();
  const menu = page.getByRole('menu', { name: 'Export' });
  await expect(menu).toBeVisible();
  const lines = await menu.getByRole('menuitem').evaluateAll((items) =>
    items.flatMap((item) =>
      [...item.querySelectorAll('span')].map((span) => {
        // One client rect per line box of the text.
        const range = document.createRange();
        range.selectNodeContents(span);
        const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        return { text: span.textContent, lines: tops.size };
      }),
    ),
  );
  expect(lines.length).toBe(12);
  for (const l of lines) expect(l, `"${l.text}" wraps`).toEqual({ text: l.text, lines: 1 });
  const box = await menu.boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(width);
});
