import { expect, screenshot, test } from '../fixtures/app';

/** Badges on the canvas stay on one line wherever they are drawn. */

test('a link’s notes badge stays on one line in the narrowest gap between two services', async ({ page, canvas }, testInfo) => {
  await page.getByRole('combobox', { name: 'Start from a template' }).selectOption({ label: 'Three tiers: web, API, database' });
  const web = canvas.service('web');
  const api = canvas.service('api');
  await expect(api).toBeVisible({ timeout: 20_000 });
  await expect(canvas.root.locator('.edge-label .mark-note').first()).toBeVisible();
  await page.waitForTimeout(400); // the fit's animation
  // Drag api to the left until the gap web → api is ~80 px (flow units; 64-98 px keep the least
  // label): the label is as narrow as it gets (a narrower gap shows a badge, ux-link-badge.spec).
  const from = await web.boundingBox();
  const to = await api.boundingBox();
  if (!from || !to) throw new Error('no boxes');
  const zoom = await canvas.root.locator('.react-flow__viewport').evaluate((e) => new DOMMatrix(getComputedStyle(e).transform).a);
  const shift = to.x - (from.x + from.width) - 80 * zoom;
  const grab = { x: to.x + to.width / 2, y: to.y + 8 };
  await page.mouse.move(grab.x, grab.y);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(grab.x - (shift * i) / 8, grab.y);
  await page.mouse.up();
  // The label of web → api, at its narrowest (LinkEdge's LABEL_MIN_WIDTH).
  const label = canvas.root.locator('.edge-label.is-narrow:has(.mark-note)[style*="max-width: 56px"]');
  await expect(label).toHaveCount(1);
  // Zoom in so the label is drawn large enough to see (zoom does not change its layout).
  await page.getByRole('button', { name: 'Zoom In' }).click();
  await page.getByRole('button', { name: 'Zoom In' }).click();
  await screenshot(page, testInfo, 'narrow-link-label');
  const parts = await label.evaluate((e) =>
    [...e.querySelectorAll('.mark-note, .edge-label-text')].map((part) => {
      // One client rect top per line box of the text.
      const range = document.createRange();
      range.selectNodeContents(part);
      const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
      return { text: part.textContent, lines: tops.size };
    }),
  );
  expect(parts.length).toBe(2);
  for (const p of parts) expect(p, `"${p.text}" wraps`).toEqual({ text: p.text, lines: 1 });
  // "1 note" fits whole: no ellipsis in the narrowest label.
  const note = label.locator('.mark-note');
  expect(await note.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
  await expect(note).toHaveAccessibleName(/^1 fidelity note\./);
});
