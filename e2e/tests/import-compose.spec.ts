import { fileURLToPath } from 'node:url';
import { expect, screenshot, test } from '../fixtures/app';
import { reloadApp } from '../fixtures/open';

const FILE = fileURLToPath(new URL('../fixtures/files/nginx-flask-mariadb.compose.yaml', import.meta.url));

test('imports a Compose file through the file picker: one node per service', async ({ page, canvas, yaml }, testInfo) => {
  await expect(canvas.services).toHaveCount(3); // the seed

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open or import a file' }).click();
  await (await chooser).setFiles(FILE);

  await expect(canvas.services).toHaveCount(3);
  for (const name of ['proxy', 'backend', 'db']) await expect(canvas.service(name)).toBeVisible();
  await expect(canvas.service('weba')).toHaveCount(0);
  await expect(canvas.service('db')).toContainText('mariadb:11.4');
  await expect(canvas.service('proxy')).toContainText('80 → host:8080');
  await expect(canvas.root.getByRole('article', { name: 'Volume db-data', exact: true })).toBeVisible();
  await expect(canvas.link('proxy', 'backend')).toHaveCount(1);
  await expect(canvas.link('backend', 'db')).toHaveCount(1);

  // (The importer orders services by their dependencies; the order is not what this test is about.)
  await expect.poll(async () => (await yaml.keysAt('services')).sort()).toEqual(['backend', 'db', 'proxy']);
  await expect.poll(() => yaml.keysAt('services', 'backend', 'depends_on')).toEqual(['db']);
  await screenshot(page, testInfo, 'imported-compose');

  // The blueprint that was open is kept: the file opened as a new blueprint beside it, and the
  // earlier one comes back from the library as it was, after a reload too.
  const library = page.getByRole('button', { name: /^Blueprints \(open: / });
  await expect(library).not.toHaveAccessibleName('Blueprints (open: seed-haproxy)');
  await reloadApp(page);
  await expect(canvas.service('proxy')).toBeVisible();
  await library.click();
  const dialog = page.getByRole('dialog', { name: 'Blueprints' });
  await expect(dialog.getByRole('list', { name: 'Saved blueprints' }).getByRole('listitem')).toHaveCount(2);
  await dialog.getByRole('button', { name: 'Open seed-haproxy' }).click();
  await expect(canvas.service('haproxy')).toBeVisible();
  await expect(canvas.service('proxy')).toHaveCount(0);
});

test('on a blank canvas an import replaces it, one undoable step', async ({ page, canvas }) => {
  await canvas.startEmpty();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open or import a file' }).click();
  await (await chooser).setFiles(FILE);
  await expect(canvas.service('proxy')).toBeVisible();
  await canvas.undo();
  await expect(canvas.services).toHaveCount(0);
  // The seed (kept when "Empty blueprint" opened beside it) and the blank one: the import made none.
  await page.getByRole('button', { name: /^Blueprints \(open: / }).click();
  const dialog = page.getByRole('dialog', { name: 'Blueprints' });
  await expect(dialog.getByRole('list', { name: 'Saved blueprints' }).getByRole('listitem')).toHaveCount(2);
});
