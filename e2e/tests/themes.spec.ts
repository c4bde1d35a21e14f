import type { Page } from '@playwright/test';
import { expect, screenshot, test } from '../fixtures/app';
import { reloadApp } from '../fixtures/open';

/** The colour a CSS custom property has on <html> right now. */
const token = (page: Page, name: string) =>
  page.evaluate((n) => getComputedStyle(document.documentElement).getPropertyValue(n).trim(), name);

test('light and dark themes: follows the system, the toggle overrides it and is kept across reloads', async ({
  page,
  canvas,
  yaml,
}, testInfo) => {
  const html = page.locator('html');
  const flow = canvas.root.locator('.react-flow');
  const toggle = page.getByRole('button', { name: /^Theme: / });

  // The system says light (Playwright's default): the app is light.
  await expect(html).toHaveAttribute('data-theme', 'light');
  await expect(toggle).toHaveAccessibleName('Theme: System (light). Switch to light');
  expect(await token(page, '--surface')).toBe('#ffffff');
  await yaml.open('Compose');
  await expect(yaml.editor.locator('.monaco-editor.vs')).toBeVisible();
  await expect(flow).toHaveClass(/\blight\b/);
  await canvas.service('haproxy').click();
  await screenshot(page, testInfo, 'theme-light');

  // The system turns dark: so does the app, Monaco and React Flow with it.
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(html).toHaveAttribute('data-theme', 'dark');
  expect(await token(page, '--surface')).toBe('#171c26');
  await expect(yaml.editor.locator('.monaco-editor.vs-dark')).toBeVisible();
  await expect(flow).toHaveClass(/\bdark\b/);
  // Text on a node is light on dark.
  const title = canvas.service('haproxy').locator('.node-title');
  expect(await title.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(228, 233, 242)');
  await screenshot(page, testInfo, 'theme-dark');

  // The toggle: system → light (even though the system is dark) → dark → system.
  await toggle.click();
  await expect(html).toHaveAttribute('data-theme', 'light');
  await expect(toggle).toHaveAccessibleName('Theme: Light. Switch to dark');
  await reloadApp(page);
  await expect(canvas.services).toHaveCount(3);
  await expect(html).toHaveAttribute('data-theme', 'light');
  await toggle.click();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await toggle.click();
  await expect(html).toHaveAttribute('data-theme', 'light');
  await expect(toggle).toHaveAccessibleName('Theme: System (light). Switch to light');
});
