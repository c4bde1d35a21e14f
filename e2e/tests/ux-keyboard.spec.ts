import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/app';

/** Keyboard-only use found by the usability pass: where the focus goes, and that it shows. */

/** Where the focus is, as the accessible name of the element (or its tag). */
const focused = (page: Page) =>
  page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    return a?.getAttribute('aria-label') ?? a?.textContent?.trim() ?? a?.tagName ?? '';
  });

test('the teaching view keeps the keyboard inside: Tab never reaches the designer underneath, Escape returns to Teach', async ({
  page,
  canvas,
}) => {
  const services = await canvas.services.count();
  const teachButton = page.getByRole('button', { name: 'Teach' });
  await teachButton.focus();
  await page.keyboard.press('Enter');
  const teach = page.getByRole('dialog', { name: 'Teaching view' });
  await expect(teach).toBeVisible();
  // The focus moves into the view…
  await expect.poll(() => teach.evaluate((t) => t.contains(document.activeElement))).toBe(true);
  // …and stays there: the hidden palette, canvas and panels are not in the tab order.
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    const inside = await teach.evaluate((t) => t.contains(document.activeElement));
    expect(inside, `Tab ${i + 1} left the teaching view for "${await focused(page)}"`).toBe(true);
  }
  await page.keyboard.press('Shift+Tab');
  expect(await teach.evaluate((t) => t.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(teach).toHaveCount(0);
  await expect(teachButton).toBeFocused();
  // The designer is usable again and nothing was added behind the view.
  await expect(canvas.services).toHaveCount(services);
  await page.getByRole('button', { name: 'Add service' }).focus();
  await page.keyboard.press('Enter');
  await expect(canvas.services).toHaveCount(services + 1);
});

test('a node that has the keyboard focus shows a focus ring (React Flow removes the outline of custom nodes)', async ({ page, canvas }) => {
  // Tab from the palette's last item reaches the canvas: edges first, then the nodes.
  await page.getByRole('button', { name: 'Add network' }).focus();
  const ring = (name: string) =>
    canvas.service(name).evaluate((box) => {
      const s = getComputedStyle(box);
      return { focused: box.parentElement === document.activeElement, outline: `${s.outlineStyle} ${s.outlineWidth}` };
    });
  let seen = false;
  for (let i = 0; i < 12 && !seen; i++) {
    await page.keyboard.press('Tab');
    seen = (await ring('weba')).focused;
  }
  expect(seen, 'Tab reaches the node weba').toBe(true);
  expect((await ring('weba')).outline).toBe('solid 2px');
  // Only the focused node has it.
  expect((await ring('webb')).outline).not.toBe('solid 2px');
  await page.keyboard.press('Tab');
  expect(await ring('webb')).toEqual({ focused: true, outline: 'solid 2px' });
  expect((await ring('weba')).outline).not.toBe('solid 2px');
  // A click focuses the node too, but shows no ring (focus-visible is for the keyboard).
  await canvas.service('haproxy').click();
  expect(await canvas.service('haproxy').evaluate((box) => getComputedStyle(box).outlineStyle)).not.toBe('solid');
});

test('the library dialog by keyboard: the focus is never dropped — after a rename, a kept or done delete, and when it closes', async ({
  page,
}) => {
  const libraryButton = page.getByRole('button', { name: /^Blueprints \(open: / });
  const dialog = page.getByRole('dialog', { name: 'Blueprints' });
  const openLibrary = async () => {
    await libraryButton.focus();
    await page.keyboard.press('Enter');
    // The dialog is a lazy chunk: the first opening loads it (slow on a loaded machine).
    await expect(dialog).toBeVisible({ timeout: 15_000 });
  };
  // A second blueprint; creating it closes the dialog: the focus is back on the library button.
  await openLibrary();
  await dialog.getByRole('textbox', { name: 'Name of the new blueprint' }).fill('Second');
  await dialog.getByRole('textbox', { name: 'Name of the new blueprint' }).press('Enter');
  await expect(dialog).toBeHidden();
  await expect(libraryButton).toHaveAccessibleName('Blueprints (open: Second)');
  await expect(libraryButton).toBeFocused();

  await openLibrary();
  // Rename: Enter saves, the focus goes to the renamed blueprint (not to the page).
  await dialog.getByRole('button', { name: 'Rename seed-haproxy' }).focus();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('textbox', { name: 'New name for seed-haproxy' })).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Web tier');
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('button', { name: 'Open Web tier' })).toBeFocused();
  // Cancel a rename: back on its Rename button.
  await dialog.getByRole('button', { name: 'Rename Web tier' }).focus();
  await page.keyboard.press('Enter');
  await dialog.getByRole('button', { name: 'Cancel' }).focus();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('button', { name: 'Rename Web tier' })).toBeFocused();
  // Delete, then Keep: back on its Delete button.
  await dialog.getByRole('button', { name: 'Delete Web tier' }).focus();
  await page.keyboard.press('Enter');
  const confirm = dialog.getByRole('group', { name: 'Delete Web tier?' });
  await expect(confirm.getByRole('button', { name: 'Keep' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('button', { name: 'Delete Web tier' })).toBeFocused();
  // Delete for real: the focus goes to the blueprint left in the list.
  await page.keyboard.press('Enter');
  await confirm.getByRole('button', { name: 'Delete' }).focus();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('list', { name: 'Saved blueprints' }).getByRole('listitem')).toHaveCount(1);
  await expect(dialog.getByRole('button', { name: 'Open Second' })).toBeFocused();
  // Escape closes the dialog: the focus is back on the library button.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(libraryButton).toBeFocused();
});

test('inspector lists by keyboard: removing a row or closing the exposure form keeps the focus in the list', async ({
  page,
  canvas,
  inspector,
}) => {
  await canvas.service('haproxy').click();
  // Uses weba and webb: removing the first moves the focus to the next row's remove…
  await inspector.root.getByRole('button', { name: 'Stop using weba' }).focus();
  await page.keyboard.press('Enter');
  await expect(inspector.root.getByRole('button', { name: 'Stop using weba' })).toHaveCount(0);
  await expect(inspector.root.getByRole('button', { name: 'Stop using webb' })).toBeFocused();
  // …and removing the last one to the form that adds one.
  await page.keyboard.press('Enter');
  await expect(inspector.root.getByRole('button', { name: 'Stop using webb' })).toHaveCount(0);
  await expect(inspector.root.getByRole('form', { name: 'Add a link' }).getByRole('combobox')).toBeFocused();
  // The exposure form: Apply (Enter in a field) and cancel give the focus back to the port's expose button.
  const expose = inspector.root.getByRole('button', { name: 'Edit exposure of port 80' });
  await expose.focus();
  await page.keyboard.press('Enter');
  const form = inspector.root.getByRole('form', { name: 'Exposure of port 80' });
  await form.getByLabel('Host port').fill('8081');
  await form.getByLabel('Host port').press('Enter');
  await expect(form).toHaveCount(0);
  await expect(canvas.root.getByRole('button', { name: /^Exposure of haproxy port 80: published on host :8081/ })).toBeVisible();
  await expect(expose).toBeFocused();
  await page.keyboard.press('Enter');
  await form.getByRole('button', { name: 'cancel' }).focus();
  await page.keyboard.press('Enter');
  await expect(form).toHaveCount(0);
  await expect(expose).toBeFocused();
  // Removing the only port: the focus goes to the form that adds one.
  await inspector.root.getByRole('button', { name: 'Remove port 80' }).focus();
  await page.keyboard.press('Enter');
  await expect(inspector.root.getByRole('form', { name: 'Add a port' }).getByLabel('Container port')).toBeFocused();
});

test('inspector actions by keyboard: a new network takes the focus; deleting the selected element leaves it on the canvas', async ({
  page,
  canvas,
  inspector,
}) => {
  await canvas.service('weba').click();
  await inspector.root.getByRole('button', { name: 'Join weba to a new network' }).focus();
  await page.keyboard.press('Enter');
  await expect(inspector.root.getByText('Network network')).toBeVisible();
  await expect(page.locator('.react-flow__node[data-id="network:network"]')).toBeFocused();
  // Delete from the inspector: the form goes, the focus stays on the canvas (Tab reaches the nodes from there).
  await canvas.service('webb').click();
  await inspector.root.getByRole('button', { name: 'Delete service webb' }).focus();
  await page.keyboard.press('Enter');
  await expect(canvas.service('webb')).toHaveCount(0);
  await expect(canvas.root).toBeFocused();
});
