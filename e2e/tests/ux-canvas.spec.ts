import { expect, test } from '../fixtures/app';

/** Canvas and toolbar defects found by the usability pass (session 11). */

test('the Export button is named "Export": its arrow is not read out', async ({ page }) => {
  const button = page.getByRole('button', { name: 'Export', exact: true });
  await expect(button).toBeVisible();
  await expect(button).toHaveAccessibleName('Export');
  await expect(page.getByRole('button', { name: /▾/ }).filter({ hasText: 'Export' })).toHaveCount(0);
});
