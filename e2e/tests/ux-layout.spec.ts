import { expect, test } from '../fixtures/app';

/** Layout defects found by the usability pass. */

test('the Export menu: every label and hint is on one line, and the menu stays in the window', async ({ page }) => {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
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

test('fidelity and problem badges never cover a node’s name (patterns template: volumes with notes)', async ({ page, canvas }) => {
  await page.getByRole('combobox', { name: 'Start from a template' }).selectOption({ label: 'Sidecar, ambassador and adapter in one pod' });
  const nodes = canvas.root.getByRole('article', { name: /^(Service|Volume) / });
  await expect(nodes).toHaveCount(5);
  await expect(canvas.root.locator('.mark-note').first()).toBeVisible();
  const covered = await nodes.evaluateAll((articles) =>
    articles.flatMap((a) => {
      const title = a.querySelector<HTMLElement>('.node-title');
      if (!title) return [];
      const r = title.getBoundingClientRect();
      // The start and the middle of the name: what is drawn there must be the name itself.
      return [r.x + 3, r.x + r.width / 2].flatMap((x) => {
        const hit = document.elementFromPoint(x, r.y + r.height / 2);
        return hit && (hit === title || title.contains(hit)) ? [] : [`${a.getAttribute('aria-label')} under ${hit?.className}`];
      });
    }),
  );
  expect(covered).toEqual([]);
});
