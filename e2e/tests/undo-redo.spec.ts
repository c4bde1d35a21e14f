import { expect, test } from '../fixtures/app';

const SEED = ['weba', 'webb', 'haproxy'];

test('Ctrl+Z and Ctrl+Shift+Z move the canvas and the YAML back and forth', async ({ page, canvas, yaml }) => {
  await expect(canvas.services).toHaveCount(3);
  await expect.poll(() => yaml.keysAt('services')).toEqual(SEED);
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();

  // Step 1: a service from the palette (clicked). Step 2: a link from it to weba (dragged).
  await page.getByRole('button', { name: 'Add service' }).click();
  await expect(canvas.service('service')).toBeVisible();
  await canvas.drawLink('service', 'weba');
  await expect(canvas.link('service', 'weba')).toHaveCount(1);
  await expect.poll(() => yaml.keysAt('services', 'service', 'depends_on')).toEqual(['weba']);

  await canvas.service('service').click(); // focus on the canvas, not in a text field
  await canvas.undo();
  await expect(canvas.link('service', 'weba')).toHaveCount(0);
  await expect(canvas.service('service')).toBeVisible();
  await expect.poll(() => yaml.blockAt('services', 'service', 'depends_on')).toBeUndefined();
  await expect.poll(() => yaml.keysAt('services')).toEqual([...SEED, 'service']);

  await canvas.undo();
  await expect(canvas.service('service')).toHaveCount(0);
  await expect(canvas.services).toHaveCount(3);
  await expect.poll(() => yaml.keysAt('services')).toEqual(SEED);
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();

  await canvas.redo();
  await expect(canvas.service('service')).toBeVisible();
  await expect(canvas.link('service', 'weba')).toHaveCount(0);
  await expect.poll(() => yaml.keysAt('services')).toEqual([...SEED, 'service']);

  await canvas.redo();
  await expect(canvas.link('service', 'weba')).toHaveCount(1);
  await expect.poll(() => yaml.keysAt('services', 'service', 'depends_on')).toEqual(['weba']);
  await expect(page.getByRole('button', { name: 'Redo' })).toBeDisabled();
});
