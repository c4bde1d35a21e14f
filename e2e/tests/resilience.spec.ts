import { expect, test } from '@playwright/test';
import { openApp } from '../fixtures/open';

/**
 * A Docker engine creating a network makes Chromium fail requests in flight
 * (net::ERR_NETWORK_CHANGED). A lazily loaded part of the app that fails to load once is loaded
 * again; one that keeps failing shows a notice with Retry, and the designer stays usable.
 */
test('a chunk that fails to load once is fetched again: the YAML editor still opens', async ({ page }) => {
  let aborted = 0;
  await page.route(/\/assets\/YamlEditor-[^/?]*\.js(\?.*)?$/, (route) => {
    if (aborted++ === 0) return route.abort('internetdisconnected');
    return route.continue();
  });
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Canvas' })).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.monaco-editor').first()).toBeVisible({ timeout: 30_000 });
  expect(aborted).toBeGreaterThanOrEqual(2);
});

test('a part that cannot be loaded says so with Retry; the designer goes on', async ({ page }) => {
  let blocked = true;
  await page.route(/\/assets\/DeployDock-[^/?]*\.js(\?.*)?$/, (route) =>
    blocked ? route.abort('internetdisconnected') : route.continue(),
  );
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Canvas' })).toBeVisible({ timeout: 30_000 });
  const notice = page.getByRole('alert').filter({ hasText: 'Could not load the deploy panel' });
  await expect(notice).toBeVisible({ timeout: 30_000 });
  // The designer still works meanwhile: the toolbar and the YAML preview answer.
  await expect(page.getByRole('button', { name: 'Auto layout' })).toBeEnabled();
  blocked = false;
  await notice.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('button', { name: 'Deploy panel' })).toBeVisible({ timeout: 30_000 });
  expect(errors).toEqual([]);
});

test('a first load that the network broke is loaded again, also at a URL with a #fragment', async ({ page }) => {
  // As when Docker creates a network during the load: every script of the first load fails.
  let documents = 0;
  await page.route(
    (url) => url.pathname === '/',
    (route) => {
      documents++;
      return route.continue();
    },
  );
  await page.route(/\/assets\/[^/?]*\.js(\?.*)?$/, (route) => (documents <= 1 ? route.abort('internetdisconnected') : route.continue()));
  await openApp(page, '/#fragment=1');
  await expect(page.getByRole('region', { name: 'Canvas' })).toBeVisible();
  expect(documents).toBe(2);
});

test('a part that keeps failing on the page is fetched by a new page: it reloads once, the work is kept', async ({ page }) => {
  // As when a chunk the deploy panel imports failed: the browser keeps that failure for the page's
  // life, so no retry on that page can load the panel (here: every fetch of its chunk fails there).
  let documents = 0;
  await page.route(
    (url) => url.pathname === '/',
    (route) => {
      documents++;
      return route.continue();
    },
  );
  await page.route(/\/assets\/DeployDock-[^/?]*\.js(\?.*)?$/, (route) =>
    documents <= 1 ? route.abort('internetdisconnected') : route.continue(),
  );
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Canvas' })).toBeVisible({ timeout: 30_000 });
  // Work done while the panel is being retried on the first page.
  await page.getByRole('button', { name: 'Add service' }).click();
  const services = page.locator('.react-flow__node-service');
  const count = await services.count();
  expect(count).toBeGreaterThan(0);
  await expect(page.getByRole('button', { name: 'Deploy panel' })).toBeVisible({ timeout: 45_000 });
  expect(documents).toBe(2);
  await expect(services).toHaveCount(count);
  await expect(page.getByRole('alert').filter({ hasText: 'Could not load' })).toHaveCount(0);
  expect(errors).toEqual([]);
});
