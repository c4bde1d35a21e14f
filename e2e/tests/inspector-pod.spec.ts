import type { Page } from '@playwright/test';
import { expect, screenshot, test } from '../fixtures/app';

/**
 * The inspector edits the pod container by container (image, role, name, environment, removing a
 * helper) and a volume (name, access, size): each edit one undo step, shown in the YAML preview,
 * every control reachable and named for the keyboard.
 */

async function openTemplate(page: Page, label: string, first: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Start from a template' }).selectOption({ label });
  await expect(page.locator(`.react-flow__node[data-id="${first}"]`)).toBeVisible({ timeout: 15_000 });
}

const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.tagName);

test('a helper container is re-imaged, given another role and variables, and removed — by keyboard, each one undo step', async ({
  page,
  canvas,
  inspector,
  yaml,
}, testInfo) => {
  await openTemplate(page, 'Sidecar: git sync feeding a web server', 'service:web');
  await canvas.service('web').click();
  await yaml.open('Compose');
  await expect.poll(() => yaml.keysAt('services')).toEqual(['web', 'web-git-sync']);

  const pod = inspector.root.getByRole('list', { name: 'Containers of web' });
  const gitSync = pod.getByRole('group', { name: 'Container git-sync' });
  const nginx = pod.getByRole('group', { name: 'Container nginx' });

  // The row opens from the keyboard (a disclosure: Enter on its summary).
  await gitSync.locator('summary').focus();
  await page.keyboard.press('Enter');
  const image = gitSync.getByLabel('Image', { exact: true });
  await expect(image).toBeVisible();

  // The image is validated as you type, like the main image; Enter commits.
  await image.fill('registry.k8s.io/Git-Sync:v4');
  await expect(image).toHaveAttribute('aria-invalid', 'true');
  await expect(gitSync.locator('.field-problem')).toBeVisible();
  await image.fill('registry.k8s.io/git-sync/git-sync:v4.4.0');
  await image.press('Enter');
  await expect.poll(() => yaml.blockAt('services', 'web-git-sync', 'image')).toBeDefined();
  await expect.poll(async () => (await yaml.text()).includes('image: registry.k8s.io/git-sync/git-sync:v4.4.0')).toBe(true);
  await gitSync.locator('summary').focus(); // out of the text field: Ctrl+Z is the app's undo there
  await canvas.undo();
  await expect.poll(async () => (await yaml.text()).includes('image: registry.k8s.io/git-sync/git-sync:v4.2.1')).toBe(true);
  await expect(image).toHaveValue('registry.k8s.io/git-sync/git-sync:v4.2.1');
  await canvas.redo();
  await expect(image).toHaveValue('registry.k8s.io/git-sync/git-sync:v4.4.0');

  // Another helper role; the main container has none to choose (one main per pod).
  const role = gitSync.getByLabel('Role', { exact: true });
  await role.focus();
  await role.selectOption('ambassador');
  await expect.poll(() => yaml.blockAt('services', 'web-git-sync', 'labels')).toContain('dev.blaupause.role: ambassador');
  await expect(role.locator('option[value="main"]')).toHaveCount(0);
  await nginx.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(nginx.getByText('Role: main')).toBeVisible();
  await expect(nginx.getByRole('combobox', { name: 'Role' })).toHaveCount(0);
  await expect(nginx.getByRole('button', { name: /^Remove container/ })).toHaveCount(0);

  // A variable: name checked as you type, added with Enter, then renamed in place.
  const add = gitSync.getByRole('form', { name: 'Add a variable to git-sync' });
  await add.getByLabel('New variable name').focus();
  await page.keyboard.type('GITSYNC PERIOD');
  await expect(add.getByLabel('New variable name')).toHaveAttribute('aria-invalid', 'true');
  await add.getByLabel('New variable name').fill('GITSYNC_PERIOD');
  await page.keyboard.press('Tab');
  await page.keyboard.type('30s');
  await page.keyboard.press('Enter');
  await expect.poll(() => yaml.blockAt('services', 'web-git-sync', 'environment')).toContain('GITSYNC_PERIOD: 30s');
  await expect(add.getByLabel('New variable name')).toBeFocused();
  const varName = gitSync.getByLabel('Name of variable GITSYNC_PERIOD');
  await varName.fill('GITSYNC_WAIT');
  await varName.press('Enter');
  await expect.poll(() => yaml.blockAt('services', 'web-git-sync', 'environment')).toContain('GITSYNC_WAIT: 30s');
  await expect(gitSync.getByLabel('Name of variable GITSYNC_WAIT')).toBeFocused();
  await screenshot(page, testInfo, 'pod-rows');

  // Removing the helper takes its mount with it and says so; the focus stays in the pod list.
  await gitSync.getByRole('button', { name: 'Remove container git-sync' }).focus();
  await page.keyboard.press('Enter');
  await expect(inspector.root.getByRole('status').filter({ hasText: 'Removed git-sync' })).toContainText('mount of content at /content');
  await expect(pod.getByRole('group')).toHaveCount(1);
  await expect.poll(() => yaml.keysAt('services')).toEqual(['web']);
  expect(await focused(page)).toBe('SUMMARY');
  await expect(nginx.locator('summary')).toBeFocused();
  await canvas.undo();
  await expect.poll(() => yaml.keysAt('services')).toEqual(['web', 'web-git-sync']);
  await expect(gitSync).toBeVisible();
  await expect(inspector.root.getByRole('status').filter({ hasText: 'Removed git-sync' })).toHaveCount(0);
  await expect.poll(() => yaml.blockAt('services', 'web-git-sync', 'environment')).toContain('GITSYNC_WAIT: 30s');
  await canvas.redo();
  await expect.poll(() => yaml.keysAt('services')).toEqual(['web']);
});

test('a helper just added opens with the focus in its name; open rows stay open when the service is renamed', async ({
  page,
  canvas,
  inspector,
  yaml,
}) => {
  await openTemplate(page, 'Sidecar: git sync feeding a web server', 'service:web');
  await canvas.service('web').click();
  const pod = inspector.root.getByRole('list', { name: 'Containers of web' });
  const gitSync = pod.getByRole('group', { name: 'Container git-sync' });
  await gitSync.locator('summary').click();
  await expect(gitSync.getByLabel('Image', { exact: true })).toBeVisible();

  // Added from the keyboard: the new row is open and its first field has the focus.
  const add = inspector.root.getByRole('form', { name: 'Add a helper container' });
  await add.getByLabel('Helper role').selectOption('adapter');
  await add.getByLabel('Helper image').fill('busybox:1.36');
  await add.getByLabel('Helper image').press('Enter');
  const adapter = pod.getByRole('group', { name: 'Container adapter' });
  await expect(adapter).toHaveAttribute('open', '');
  await expect(adapter.getByLabel('Container name')).toBeFocused();
  await expect(adapter.getByLabel('Image', { exact: true })).toHaveValue('busybox:1.36');
  await expect(add.getByLabel('Helper image')).toHaveValue('');

  // A rename of the service keeps the form: the rows stay open, the name field keeps the focus.
  await inspector.name.fill('site');
  await inspector.name.press('Enter');
  await expect(inspector.root.locator('.inspector-heading')).toContainText('site');
  await expect(inspector.name).toBeFocused();
  const renamedPod = inspector.root.getByRole('list', { name: 'Containers of site' });
  await expect(renamedPod.getByRole('group', { name: 'Container git-sync' })).toHaveAttribute('open', '');
  await expect(renamedPod.getByRole('group', { name: 'Container adapter' })).toHaveAttribute('open', '');
  await expect(renamedPod.getByRole('group', { name: 'Container nginx' })).not.toHaveAttribute('open', '');
  await yaml.open('Blueprint');
  await expect.poll(() => yaml.keysAt('services')).toEqual(['site']);
});

test('another service selected is another form: its rows start closed and no draft carries over', async ({ page, canvas, inspector }) => {
  await openTemplate(page, 'Three tiers: web, API, database', 'service:api');
  await canvas.service('api').click();
  const api = inspector.root.getByRole('group', { name: 'Container api' });
  await api.locator('summary').click();
  await expect(api).toHaveAttribute('open', '');
  const helperImage = inspector.root.getByRole('form', { name: 'Add a helper container' }).getByLabel('Helper image');
  await helperImage.fill('busybox:1.36');
  await canvas.service('web').click();
  await expect(inspector.root.locator('.inspector-heading')).toContainText('web');
  await expect(inspector.root.getByRole('group', { name: 'Container web' })).not.toHaveAttribute('open', '');
  await expect(helperImage).toHaveValue('');
  await canvas.service('api').click();
  await expect(inspector.root.locator('.inspector-heading')).toContainText('api');
  await expect(api).not.toHaveAttribute('open', '');
});

test('a container’s command, arguments and healthcheck are edited in its row, word by word and field by field, each one undo step', async ({
  page,
  canvas,
  inspector,
  yaml,
}, testInfo) => {
  await openTemplate(page, 'Sidecar: git sync feeding a web server', 'service:web');
  await canvas.service('web').click();
  await yaml.open('Compose');
  const gitSync = inspector.root.getByRole('group', { name: 'Container git-sync' });
  await gitSync.locator('summary').focus();
  await page.keyboard.press('Enter');

  // The command, word by word from the keyboard: each word one argv entry, spaces and quotes kept.
  const addWord = gitSync.getByRole('form', { name: 'Add a word to the command of git-sync' });
  await addWord.getByLabel('New command word').focus();
  await page.keyboard.type('/bin/sh');
  await page.keyboard.press('Enter');
  await expect(addWord.getByLabel('New command word')).toBeFocused();
  await page.keyboard.type('-c');
  await page.keyboard.press('Enter');
  await page.keyboard.type('exec git-sync --one-time && echo "done"');
  await page.keyboard.press('Enter');
  await expect
    .poll(() => yaml.blockAt('services', 'web-git-sync', 'entrypoint'))
    .toBe('    - /bin/sh\n    - "-c"\n    - "exec git-sync --one-time && echo \\"done\\""');
  const second = gitSync.getByLabel('Command word 2');
  await second.fill('-ec');
  await second.press('Enter');
  await expect.poll(() => yaml.blockAt('services', 'web-git-sync', 'entrypoint')).toContain('- "-ec"');
  await gitSync.locator('summary').focus();
  await canvas.undo();
  await expect.poll(() => yaml.blockAt('services', 'web-git-sync', 'entrypoint')).toContain('- "-c"');
  await expect(second).toHaveValue('-c');
  // Removing a word keeps the focus in the list.
  await gitSync.getByRole('button', { name: 'Remove word 3 of the command of git-sync' }).click();
  await expect(gitSync.getByLabel('Command word 2')).toBeFocused();
  await expect.poll(() => yaml.blockAt('services', 'web-git-sync', 'entrypoint')).toBe('    - /bin/sh\n    - "-c"');

  // The healthcheck: a kind, then its fields, checked as you type with errors that name the field.
  await gitSync.getByLabel('Check', { exact: true }).selectOption('tcp');
  const port = gitSync.getByLabel('Port', { exact: true });
  await port.fill('70000');
  await expect(port).toHaveAttribute('aria-invalid', 'true');
  await expect(gitSync.locator('.field-problem')).toContainText('Port:');
  await port.fill('8080');
  await port.press('Enter');
  await expect.poll(() => yaml.blockAt('services', 'web-git-sync', 'healthcheck')).toContain('nc -z 127.0.0.1 8080');
  const interval = gitSync.getByLabel('Interval', { exact: true });
  await interval.fill('10 s');
  await expect(interval).toHaveAttribute('aria-invalid', 'true');
  await expect(gitSync.locator('.field-problem')).toContainText('Interval: a duration such as 10s');
  await interval.fill('10s');
  await interval.press('Tab'); // leaving the field commits, as Enter does
  await gitSync.getByLabel('Retries', { exact: true }).fill('5');
  await gitSync.getByLabel('Retries', { exact: true }).press('Enter');
  await expect.poll(() => yaml.blockAt('services', 'web-git-sync', 'healthcheck')).toMatch(/interval: 10s\n\s+retries: 5/);
  await screenshot(page, testInfo, 'pod-command-health');
  await yaml.open('Kubernetes');
  await expect.poll(async () => (await yaml.text()).includes('tcpSocket:\n            port: 8080')).toBe(true);
  await gitSync.locator('summary').focus();
  await canvas.undo();
  await expect.poll(async () => (await yaml.text()).includes('failureThreshold: 5')).toBe(false);
  await expect(gitSync.getByLabel('Retries', { exact: true })).toHaveValue('');

  // "none" removes it.
  await gitSync.getByLabel('Check', { exact: true }).selectOption('none');
  await expect.poll(async () => (await yaml.text()).includes('tcpSocket')).toBe(false);
  await expect(gitSync.getByLabel('Interval', { exact: true })).toHaveCount(0);

  // An exec check is a program and its words; its one word cannot be removed ("none" removes the check).
  await gitSync.getByLabel('Check', { exact: true }).selectOption('exec');
  await yaml.open('Compose');
  await gitSync.getByLabel('New program word').fill('git');
  await gitSync.getByLabel('New program word').press('Enter');
  await expect.poll(() => yaml.blockAt('services', 'web-git-sync', 'healthcheck')).toContain('- CMD\n      - git');
  await expect(gitSync.getByRole('button', { name: 'Remove word 1 of the program of git-sync' })).toHaveCount(0);
  await gitSync.getByLabel('New program word').fill('--version');
  await gitSync.getByLabel('New program word').press('Enter');
  await expect.poll(() => yaml.blockAt('services', 'web-git-sync', 'healthcheck')).toContain('- git\n      - "--version"');
  await expect(gitSync.getByRole('button', { name: 'Remove word 1 of the program of git-sync' })).toHaveCount(1);
});

test('a volume’s access, size and name are edited in the inspector: Kubernetes claims follow, each one undo step', async ({
  page,
  inspector,
  yaml,
}, testInfo) => {
  await openTemplate(page, 'Three tiers: web, API, database', 'volume:pgdata');
  await page.locator('.react-flow__node[data-id="volume:pgdata"]').click();
  await expect(inspector.root.getByText('Volume', { exact: true })).toBeVisible();
  await yaml.open('Kubernetes');
  await expect.poll(async () => (await yaml.text()).includes('ReadWriteOnce')).toBe(true);

  const access = inspector.root.getByLabel('Access', { exact: true });
  await access.focus();
  await access.selectOption('shared');
  await expect.poll(async () => (await yaml.text()).includes('ReadWriteMany')).toBe(true);
  expect(await yaml.text()).not.toContain('ReadWriteOnce');

  const size = inspector.root.getByLabel('Size', { exact: true });
  await size.fill('20 GB');
  await expect(size).toHaveAttribute('aria-invalid', 'true');
  await expect(inspector.root.locator('.field-problem')).toContainText('512Mi');
  await size.fill('20Gi');
  await size.press('Enter');
  await expect.poll(async () => (await yaml.text()).includes('storage: 20Gi')).toBe(true);

  // Renamed with every mount of it; it stays selected and the field keeps the focus.
  await inspector.name.fill('db-data');
  await inspector.name.press('Enter');
  await expect(inspector.root.locator('.inspector-heading')).toContainText('db-data');
  await expect(inspector.name).toBeFocused();
  await expect(page.locator('.react-flow__node[data-id="volume:db-data"]')).toHaveClass(/selected/);
  await yaml.open('Blueprint');
  await expect.poll(() => yaml.keysAt('volumes')).toEqual(['db-data']);
  expect(await yaml.text()).not.toMatch(/source: pgdata/);
  await screenshot(page, testInfo, 'volume');

  await page.locator('.react-flow__node[data-id="volume:db-data"]').focus(); // Ctrl+Z is the app's undo outside text fields
  for (let i = 0; i < 3; i++) await page.keyboard.press('Control+z');
  await expect.poll(() => yaml.keysAt('volumes')).toEqual(['pgdata']);
  await yaml.open('Kubernetes');
  await expect.poll(async () => (await yaml.text()).includes('ReadWriteOnce')).toBe(true);
  expect(await yaml.text()).not.toContain('storage: 20Gi');
});

test('Escape on a focused node clears the selection and keeps the focus on the node', async ({ page, canvas, inspector }) => {
  const node = page.locator('.react-flow__node[data-id="service:weba"]');
  await canvas.service('weba').click();
  await expect(node).toHaveClass(/selected/);
  await node.focus();
  await page.keyboard.press('Escape');
  await expect(node).not.toHaveClass(/selected/);
  await expect(inspector.root.getByText('select a node to edit it')).toBeVisible();
  await page.waitForTimeout(100); // React Flow blurred it a frame later
  await expect(node).toBeFocused();
  // An unselected node is not selected by Escape either; Tab goes on from there.
  await page.keyboard.press('Escape');
  await page.waitForTimeout(100);
  await expect(node).not.toHaveClass(/selected/);
  await expect(node).toBeFocused();
});
