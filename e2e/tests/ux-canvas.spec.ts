import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/app';

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

test('the Export button is named "Export": its arrow is not read out', async ({ page }) => {
  const button = page.getByRole('button', { name: 'Export', exact: true });
  await expect(button).toBeVisible();
  await expect(button).toHaveAccessibleName('Export');
  await expect(page.getByRole('button', { name: /▾/ }).filter({ hasText: 'Export' })).toHaveCount(0);
});
