import { expect, screenshot, test } from '../fixtures/app';

test('editing the Blueprint YAML changes the canvas; an invalid edit shows a marker and changes nothing', async ({
  page,
  canvas,
  yaml,
}, testInfo) => {
  await yaml.open('Blueprint');
  await expect(canvas.services).toHaveCount(3);
  await expect(canvas.service('weba')).toContainText('qaware/nginx');

  // A valid edit: weba's image, typed into Monaco. It becomes the document (one undo step).
  await (await yaml.reveal('        image: qaware/nginx')).click();
  await page.keyboard.press('End');
  for (const _ of 'qaware/nginx') await page.keyboard.press('Backspace');
  await page.keyboard.type('nginx:1.27');
  await expect(canvas.service('weba')).toContainText('nginx:1.27');
  await expect(canvas.service('webb')).toContainText('qaware/nginx');
  await expect.poll(() => yaml.blockAt('services', 'weba', 'containers', 'nginx')).toBe('        image: nginx:1.27');
  await yaml.open('Compose');
  await expect.poll(() => yaml.blockAt('services', 'weba')).toMatch(/^ +image: nginx:1\.27$/m);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(canvas.service('weba')).toContainText('qaware/nginx');
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(canvas.service('weba')).toContainText('nginx:1.27');

  // An invalid edit: a link to a service that does not exist (the schema allows it, loadBlueprint's
  // semantic check does not). A marker shows, the canvas stays as it was, and the user's text stays in
  // the editor — also while they go on typing.
  await yaml.open('Blueprint');
  await (await yaml.reveal('    - to: webb')).click();
  await page.keyboard.press('End');
  await page.keyboard.type('x');
  await expect(yaml.errorMarkers.first()).toBeVisible();
  await (await yaml.reveal('        image: nginx:1.27')).click();
  await page.keyboard.press('End');
  await page.keyboard.type('-alpine');
  await expect.poll(() => yaml.text()).toContain('- to: webbx');
  await expect.poll(() => yaml.text()).toContain('image: nginx:1.27-alpine');
  await expect(yaml.errorMarkers.first()).toBeVisible();
  await page.waitForTimeout(600);
  await expect(canvas.services).toHaveCount(3);
  await expect(canvas.link('haproxy', 'webb')).toBeVisible();
  await expect(canvas.service('weba')).toContainText('nginx:1.27');
  await expect(canvas.service('weba')).not.toContainText('alpine');
  await screenshot(page, testInfo, 'blueprint-invalid-edit-marker');

  // Fixing it applies the pending edit.
  await (await yaml.reveal('    - to: webbx')).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await expect(canvas.service('weba')).toContainText('nginx:1.27-alpine');
  await expect(yaml.errorMarkers).toHaveCount(0);
});
