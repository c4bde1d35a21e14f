import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/app';
import { overlaps } from '../fixtures/geometry';

/** Canvas and toolbar defects found by the usability pass (session 11). */

/** Picks a template and waits until the canvas shows it (laid out by ELK: slow on a loaded machine). */
async function pickTemplate(page: Page, label: string, shows: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Start from a template' }).selectOption({ label });
  await expect(page.getByRole('button', { name: /^Blueprints \(open: / })).toHaveAccessibleName(`Blueprints (open: ${shows})`, {
    timeout: 20_000,
  });
}

test('a node’s badges never sit under one of its handles (three tiers: services and a volume with notes)', async ({ page, canvas }) => {
  await pickTemplate(page, 'Three tiers: web, API, database', 'three-tier');
  await expect(canvas.service('api').locator('.mark-note')).toBeVisible();
  const hits = await canvas.root.locator('.react-flow__node').evaluateAll((nodes) =>
    nodes.flatMap((node) => {
      const badges = [...node.querySelectorAll('.mark')].map((b) => b.getBoundingClientRect());
      const handles = [...node.querySelectorAll('.react-flow__handle')].map((h) => h.getBoundingClientRect());
      return badges.flatMap((b) =>
        handles
          .filter((h) => b.left < h.right && h.left < b.right && b.top < h.bottom && h.top < b.bottom)
          .map(() => node.querySelector('article')?.getAttribute('aria-label') ?? node.getAttribute('data-id')),
      );
    }),
  );
  expect(hits).toEqual([]);
  // There were badges to check: api's notes, the volume's.
  expect(await canvas.root.locator('.react-flow__node .mark').count()).toBeGreaterThanOrEqual(3);
});

for (const [template, name] of [
  ['Two web servers behind haproxy', 'seed-haproxy'],
  ['Three tiers: web, API, database', 'three-tier'],
] as const) {
  test(`link labels stay clear of the services and of each other (${template})`, async ({ page, canvas }) => {
    await pickTemplate(page, template, name);
    await expect(canvas.root.locator('.edge-label').first()).toBeVisible();
    // Let the fit-view animation end.
    await page.waitForTimeout(400);
    const boxes = await page.evaluate(() => {
      const box = (name: string, e: Element) => {
        const r = e.getBoundingClientRect();
        return { name, x: r.x, y: r.y, width: r.width, height: r.height };
      };
      return {
        labels: [...document.querySelectorAll('.edge-label:not(.edge-label-mount)')].map((e) => box(e.textContent ?? '', e)),
        nodes: [...document.querySelectorAll('.react-flow__node')].map((e) => box(e.getAttribute('data-id') ?? '', e)),
      };
    });
    expect(boxes.labels.length).toBeGreaterThanOrEqual(2);
    const hits: string[] = [];
    for (const [i, l] of boxes.labels.entries()) {
      for (const n of boxes.nodes) if (overlaps(l, n)) hits.push(`label "${l.name}" over ${n.name}`);
      for (const m of boxes.labels.slice(i + 1)) if (overlaps(l, m)) hits.push(`label "${l.name}" over label "${m.name}"`);
    }
    expect(hits).toEqual([]);
  });
}

test('the Export button is named "Export": its arrow is not read out', async ({ page }) => {
  const button = page.getByRole('button', { name: 'Export', exact: true });
  await expect(button).toBeVisible();
  await expect(button).toHaveAccessibleName('Export');
  await expect(page.getByRole('button', { name: /▾/ }).filter({ hasText: 'Export' })).toHaveCount(0);
});

test('a file dragged over the window shows where to drop it; gone on leave and on drop, and the drop opens it', async ({
  page,
  canvas,
}) => {
  const hint = page.getByText('Drop a Compose, Kubernetes or blueprint file to open it');
  const compose = 'services:\n  front:\n    image: nginx\n    depends_on: [back]\n  back:\n    image: redis\n';
  const files = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'dropped.compose.yaml', { type: 'application/yaml' }));
    return dt;
  }, compose);
  await expect(hint).toHaveCount(0);
  await canvas.root.dispatchEvent('dragenter', { dataTransfer: files });
  await expect(hint).toBeVisible();
  await page.locator('.file-drop').dispatchEvent('dragleave', { dataTransfer: files });
  await expect(hint).toHaveCount(0);

  await canvas.root.dispatchEvent('dragenter', { dataTransfer: files });
  await expect(hint).toBeVisible();
  await page.locator('.file-drop').dispatchEvent('dragover', { dataTransfer: files });
  await page.locator('.file-drop').dispatchEvent('drop', { dataTransfer: files });
  await expect(hint).toHaveCount(0);
  await expect(canvas.service('front')).toBeVisible({ timeout: 20_000 });
  await expect(canvas.service('back')).toBeVisible();
});

test('a drag from the palette shows no file hint and still adds its element', async ({ page, canvas }) => {
  const hint = page.getByText('Drop a Compose, Kubernetes or blueprint file to open it');
  const before = await canvas.services.count();
  // Records whether the hint ever showed during the drag.
  await page.evaluate(() => {
    const seen = { hint: false };
    (window as unknown as { seenHint: typeof seen }).seenHint = seen;
    new MutationObserver(() => {
      if (document.querySelector('.file-drop')) seen.hint = true;
    }).observe(document.body, { childList: true, subtree: true });
  });
  await canvas.dropService({ x: 120, y: 420 });
  await expect(canvas.services).toHaveCount(before + 1);
  await expect(hint).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { seenHint: { hint: boolean } }).seenHint.hint)).toBe(false);
});

test('picking a template says it is opening until the canvas shows it', async ({ page, canvas }) => {
  // ELK's graph builder arrives late: opening the template takes a while.
  await page.route('**/assets/elk-graph-*.js', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  const picker = page.getByRole('combobox', { name: 'Start from a template' });
  await picker.focus();
  await picker.selectOption({ label: 'Three tiers: web, API, database' });
  await expect(picker).toHaveAttribute('aria-busy', 'true');
  await expect(page.getByRole('status').filter({ hasText: 'Opening Three tiers: web, API, database…' })).toBeVisible();
  await expect(picker).toHaveAccessibleDescription('Opening Three tiers: web, API, database…');
  await expect(canvas.service('api')).toBeVisible({ timeout: 20_000 });
  await expect(picker).not.toHaveAttribute('aria-busy', 'true');
  await expect(page.getByText(/^Opening /)).toHaveCount(0);
  await expect(picker).toBeFocused();
});
