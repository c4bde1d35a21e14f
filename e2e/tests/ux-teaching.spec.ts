import { expect, screenshot, test } from '../fixtures/app';

/** The teaching view's side panel, found by the teacher's pass (session 14). */

for (const size of [
  { width: 1280, height: 800 },
  { width: 1024, height: 700 },
]) {
  test(`the capability matrix: column heads apart, duty names inside their cells (${size.width}×${size.height})`, async ({
    page,
  }, testInfo) => {
    await page.setViewportSize(size);
    await page.getByRole('button', { name: 'Teach' }).click();
    const teach = page.getByRole('dialog', { name: 'Teaching view' });
    const slot = teach.getByRole('region', { name: 'What each target automates' });
    const table = slot.getByRole('table');
    await expect(table).toBeVisible({ timeout: 15_000 }); // a chunk of its own, loaded on first use
    await slot.scrollIntoViewIfNeeded();
    await screenshot(page, testInfo, `matrix-${size.width}`);
    // Each head's name: the box of its text (a Range: the span is a block as wide as the column).
    const heads = await table.locator('thead th .cap-col-name').evaluateAll((names) =>
      names.map((n) => {
        const range = document.createRange();
        range.selectNodeContents(n);
        const text = range.getBoundingClientRect();
        const th = (n.closest('th') as HTMLElement).getBoundingClientRect();
        return { name: n.textContent ?? '', left: text.left, right: text.right, thLeft: th.left, thRight: th.right };
      }),
    );
    expect(heads.map((h) => h.name)).toEqual(['Docker', 'Compose', 'Swarm', 'K8s']);
    for (const h of heads) {
      expect(h.left, `${h.name} starts in its column`).toBeGreaterThanOrEqual(h.thLeft - 0.5);
      expect(h.right, `${h.name} ends in its column`).toBeLessThanOrEqual(h.thRight + 0.5);
    }
    for (const [i, h] of heads.slice(1).entries()) {
      const before = heads[i];
      if (before) expect(h.left - before.right, `${before.name} and ${h.name} apart`).toBeGreaterThanOrEqual(2);
    }
    // Duty names: nothing runs under the next cell; "(Auto-)scaling" keeps its name.
    const overflow = await table
      .locator('tbody th')
      .evaluateAll((ths) => ths.filter((th) => th.scrollWidth > th.clientWidth + 0.5).map((th) => th.textContent));
    expect(overflow).toEqual([]);
    await expect(table.getByRole('rowheader', { name: '(Auto-)scaling', exact: true })).toBeVisible();
    await expect(table.getByRole('button', { name: /^\(Auto-\)scaling · Compose: / })).toBeVisible();
  });
}
