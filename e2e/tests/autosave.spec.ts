import { expect, screenshot, test } from '../fixtures/app';
import { reloadApp } from '../fixtures/open';
import { storedDocument } from '../fixtures/storage';

test('a reload keeps the work (autosave to IndexedDB)', async ({ page, canvas, inspector, yaml }, testInfo) => {
  await page.getByRole('button', { name: 'Add service' }).click();
  await inspector.rename('api');
  await inspector.setImage('example/api:2.1');
  await inspector.addPort(8080, 8080);
  await canvas.drawLink('haproxy', 'api');
  await expect(canvas.link('haproxy', 'api')).toHaveCount(1);

  // The document is saved shortly after the last change; wait for that save, not for a fixed time.
  // (The library keeps each blueprint under its own key; the index says which one is open. The
  // worker writes the document into IndexedDB: nothing of it in localStorage.)
  const saved = () => storedDocument(page);
  // (On a loaded machine the worker answers late: its save waits for its analyses.)
  await expect.poll(saved, { timeout: 15_000 }).toContain('example/api:2.1');
  await expect.poll(saved, { timeout: 15_000 }).toContain('"to":"api"');
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('blaupause:blueprint:')))).toEqual([]);

  await reloadApp(page);
  await expect(canvas.services).toHaveCount(4);
  await expect(canvas.service('api')).toContainText('example/api:2.1');
  await expect(canvas.service('api')).toContainText('8080 → host:8080');
  await expect(canvas.link('haproxy', 'api')).toHaveCount(1);
  await expect.poll(() => yaml.keysAt('services', 'haproxy', 'depends_on')).toEqual(['weba', 'webb', 'api']);
  await expect.poll(() => yaml.blockAt('services', 'api', 'ports')).toMatch(/- target: 8080\n\s+published: 8080\n/);
  // What the reload restored is a fresh start: nothing to undo.
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();

  await yaml.open('Kubernetes');
  await expect(yaml.output).toContainText('kind: Deployment');
  await screenshot(page, testInfo, 'after-reload-kubernetes-tab');
});
