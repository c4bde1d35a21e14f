import type { Page } from '@playwright/test';
import { expect, screenshot, test } from '../fixtures/app';
import { reloadApp } from '../fixtures/open';
import { clearStorage, seedLibrary, storedDocument } from '../fixtures/storage';

/** The toolbar button naming the open blueprint; it opens the library dialog. */
const libraryButton = (page: Page) => page.getByRole('button', { name: /^Blueprints \(open: / });
const dialog = (page: Page) => page.getByRole('dialog', { name: 'Blueprints' });

async function openLibrary(page: Page) {
  await libraryButton(page).click();
  await expect(dialog(page)).toBeVisible();
}

test('several named blueprints: create, rename, switch, reload keeps both, delete one', async ({ page, canvas, inspector }, testInfo) => {
  // The first visit's document is the library's first blueprint.
  await expect(libraryButton(page)).toHaveAccessibleName('Blueprints (open: seed-haproxy)');

  // A second one, from the sidecar/ambassador/adapter template.
  await openLibrary(page);
  await dialog(page)
    .getByRole('combobox', { name: 'Template for the new blueprint' })
    .selectOption({ label: 'Sidecar, ambassador and adapter in one pod' });
  await dialog(page).getByRole('textbox', { name: 'Name of the new blueprint' }).fill('Patterns demo');
  await dialog(page).getByRole('button', { name: 'New blueprint' }).click();
  await expect(dialog(page)).toBeHidden();
  await expect(libraryButton(page)).toHaveAccessibleName('Blueprints (open: Patterns demo)');
  await expect(canvas.service('weba')).toHaveCount(0);
  await expect(canvas.service('web')).toBeVisible();
  // Its own history: nothing to undo in a freshly opened blueprint.
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();

  // An edit in it, then rename the first one and switch back to it.
  await page.getByRole('button', { name: 'Add service' }).click();
  await inspector.rename('only-here');
  await expect(canvas.service('only-here')).toBeVisible();
  await openLibrary(page);
  const list = dialog(page).getByRole('list', { name: 'Saved blueprints' });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await dialog(page).getByRole('button', { name: 'Rename seed-haproxy' }).click();
  await dialog(page).getByRole('textbox', { name: 'New name for seed-haproxy' }).fill('Web tier');
  await dialog(page).getByRole('button', { name: 'Save name' }).click();
  await expect(dialog(page).getByRole('button', { name: 'Open Web tier' })).toBeVisible();
  await screenshot(page, testInfo, 'library-dialog');
  await dialog(page).getByRole('button', { name: 'Open Web tier' }).click();
  await expect(dialog(page)).toBeHidden();
  await expect(libraryButton(page)).toHaveAccessibleName('Blueprints (open: Web tier)');
  await expect(canvas.services).toHaveCount(3);
  await expect(canvas.service('haproxy')).toBeVisible();
  await expect(canvas.service('only-here')).toHaveCount(0);

  // A reload keeps both and reopens the one that was open.
  await reloadApp(page);
  await expect(libraryButton(page)).toHaveAccessibleName('Blueprints (open: Web tier)');
  await expect(canvas.service('haproxy')).toBeVisible();
  await openLibrary(page);
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await dialog(page).getByRole('button', { name: 'Open Patterns demo' }).click();
  await expect(canvas.service('only-here')).toBeVisible();

  // Delete the one that is open: it asks first; then the other one opens.
  await openLibrary(page);
  await dialog(page).getByRole('button', { name: 'Delete Patterns demo' }).click();
  const confirm = dialog(page).getByRole('group', { name: 'Delete Patterns demo?' });
  await confirm.getByRole('button', { name: 'Keep' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await dialog(page).getByRole('button', { name: 'Delete Patterns demo' }).click();
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(libraryButton(page)).toHaveAccessibleName('Blueprints (open: Web tier)');
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();
  await expect(canvas.service('haproxy')).toBeVisible();
  await reloadApp(page);
  await openLibrary(page);
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(dialog(page).getByRole('button', { name: 'Open Web tier' })).toBeVisible();
});

test('the single autosave of earlier versions becomes a library entry; a damaged blueprint is reported, the others open', async ({
  page,
  canvas,
}) => {
  // Start from what an earlier version left: one autosaved document, no library.
  const doc = JSON.parse(await storedDocument(page));
  doc.metadata.name = 'from-before';
  await clearStorage(page);
  await page.evaluate((text) => localStorage.setItem('blaupause:autosave:v1', text), JSON.stringify(doc));
  const earlier = doc.metadata.name as string;
  await reloadApp(page);
  await expect(libraryButton(page)).toHaveAccessibleName(`Blueprints (open: ${earlier})`);
  await expect(canvas.services).toHaveCount(3);
  expect(await page.evaluate(() => localStorage.getItem('blaupause:autosave:v1'))).toBeNull();

  // Damage it: the page reports it, keeps it in the list, and opens a fresh blueprint. (A copy in
  // localStorage is the newest one, as a save at pagehide leaves it: the app reads it first.)
  await page.evaluate(() => {
    const index = JSON.parse(localStorage.getItem('blaupause:library:v1') ?? '{}') as { current: string };
    localStorage.setItem(`blaupause:blueprint:v1:${index.current}`, '{"apiVersion":"blaupause.dev/v1","kind":"Bluep');
  });
  await reloadApp(page);
  await expect(page.getByRole('banner').getByRole('alert')).toContainText('“from-before” could not be opened');
  await openLibrary(page);
  await expect(dialog(page).getByRole('listitem')).toHaveCount(2);
  await dialog(page).getByRole('button', { name: 'Open from-before' }).click();
  await expect(dialog(page).getByRole('alert')).toContainText('“from-before” is damaged');
  await expect(dialog(page)).toBeVisible();
});

test('blueprints an earlier version kept in localStorage move into IndexedDB; the old keys go once copied, nothing is lost', async ({
  page,
  canvas,
}) => {
  // What the version before IndexedDB left: the index and two documents, all in localStorage.
  const first = JSON.parse(await storedDocument(page));
  // (The second: the same services but weba, under another name.)
  const { weba: _, ...rest } = first.services;
  const second = { ...first, metadata: { ...first.metadata, name: 'second' }, services: rest };
  const index = {
    current: 'first',
    entries: [
      { id: 'first', title: 'First', createdAt: 1, updatedAt: 2 },
      { id: 'second', title: 'Second', createdAt: 1, updatedAt: 1 },
    ],
  };
  await seedLibrary(page, index, { first: JSON.stringify(first), second: JSON.stringify(second) });
  await reloadApp(page);
  await expect(libraryButton(page)).toHaveAccessibleName('Blueprints (open: First)');
  await expect(canvas.services).toHaveCount(3);
  const localDocs = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('blaupause:blueprint:')));
  await expect.poll(localDocs, { timeout: 15_000 }).toEqual([]);
  expect(JSON.parse(await storedDocument(page)).services).toEqual(first.services);

  // Read back from IndexedDB: after a reload, and the other one opened from the library.
  await reloadApp(page);
  await expect(libraryButton(page)).toHaveAccessibleName('Blueprints (open: First)');
  await expect(canvas.services).toHaveCount(3);
  await openLibrary(page);
  await expect(dialog(page).getByRole('listitem')).toHaveCount(2);
  await dialog(page).getByRole('button', { name: 'Open Second' }).click();
  await expect(libraryButton(page)).toHaveAccessibleName('Blueprints (open: Second)');
  await expect(canvas.services).toHaveCount(2);
  await expect(canvas.service('weba')).toHaveCount(0);
});

test('a full storage is reported at once and the work stays on the canvas; the next save after space is freed clears it', async ({
  page,
  canvas,
  inspector,
}) => {
  // The browser's quota, simulated: documents cannot be written any more.
  await page.evaluate(() => {
    const original = Storage.prototype.setItem;
    (window as unknown as { restoreStorage: () => void }).restoreStorage = () => {
      Storage.prototype.setItem = original;
    };
    Storage.prototype.setItem = function (key: string, value: string) {
      if (key.startsWith('blaupause:blueprint:')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      original.call(this, key, value);
    };
  });
  // IndexedDB, where the analysis worker writes the documents, is full too (else the page would
  // not fall back to localStorage at all): its puts fail in the workers.
  for (const worker of page.workers())
    await worker.evaluate(() => {
      const original = IDBObjectStore.prototype.put;
      (globalThis as unknown as { restorePut: () => void }).restorePut = () => {
        IDBObjectStore.prototype.put = original;
      };
      IDBObjectStore.prototype.put = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
  await page.getByRole('button', { name: 'Add service' }).click();
  await inspector.rename('api');
  // (Monaco has alert regions of its own: the library's is in the toolbar.)
  const alert = page.getByRole('banner').getByRole('alert');
  await expect(alert).toContainText('storage for this site is full: “seed-haproxy” was not saved');
  await expect(canvas.service('api')).toBeVisible();

  await page.evaluate(() => (window as unknown as { restoreStorage: () => void }).restoreStorage());
  for (const worker of page.workers()) await worker.evaluate(() => (globalThis as unknown as { restorePut?: () => void }).restorePut?.());
  await inspector.setImage('example/api:1');
  await expect(alert).toHaveCount(0);
  await reloadApp(page);
  await expect(canvas.service('api')).toContainText('example/api:1');
});

test('a template picked in the toolbar opens as a new blueprint: the work on the canvas is kept, after a reload too', async ({
  page,
  canvas,
  inspector,
}) => {
  await canvas.services.first().click();
  await page.getByRole('button', { name: 'Add service' }).click();
  await inspector.rename('mine');
  await expect(canvas.service('mine')).toBeVisible();
  await page.getByRole('combobox', { name: 'Start from a template' }).selectOption({ label: 'Sidecar, ambassador and adapter in one pod' });
  await expect(canvas.service('mine')).toHaveCount(0);
  await expect(canvas.service('web')).toBeVisible();
  await reloadApp(page);
  await expect(canvas.service('web')).toBeVisible();
  await openLibrary(page);
  await expect(dialog(page).getByRole('list', { name: 'Saved blueprints' }).getByRole('listitem')).toHaveCount(2);
  await dialog(page).getByRole('button', { name: 'Open seed-haproxy' }).click();
  await expect(canvas.service('mine')).toBeVisible();
  await expect(canvas.service('haproxy')).toBeVisible();
});
