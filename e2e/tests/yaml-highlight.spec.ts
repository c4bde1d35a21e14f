import { expect, screenshot, test } from '../fixtures/app';

test('selecting a node highlights its YAML lines; clicking a YAML line selects its node', async ({
  page,
  canvas,
  inspector,
  yaml,
}, testInfo) => {
  await yaml.open('Compose');
  await expect.poll(() => yaml.keysAt('services')).toEqual(['weba', 'webb', 'haproxy']);
  await expect.poll(() => yaml.markedLines()).toEqual([]);

  await canvas.service('webb').click();
  await expect(inspector.name).toHaveValue('webb');
  await expect.poll(() => yaml.isMarked('  webb:')).toBe(true);
  await expect.poll(() => yaml.isMarked('    image: qaware/nginx', 'last')).toBe(true);
  expect(await yaml.isMarked('  weba:')).toBe(false);
  expect(await yaml.isMarked('  haproxy:')).toBe(false);
  // Monaco draws the marks and has scrolled them into view.
  await expect(yaml.markedDecorations.first()).toBeVisible();
  await expect(yaml.line('  webb:')).toBeVisible();
  // Every marked line belongs to webb's block (its key line and what is below it).
  const block = await yaml.blockAt('services', 'webb');
  const marked = await yaml.markedLines();
  expect(marked[0]).toBe('  webb:');
  expect(marked.slice(1).join('\n')).toBe(block);
  await screenshot(page, testInfo, 'webb-selected-compose-highlight');

  // Backwards: a line of haproxy's block selects haproxy.
  await (await yaml.reveal('    image: qaware/haproxy')).click();
  await expect(inspector.name).toHaveValue('haproxy');
  await expect(canvas.service('haproxy')).toHaveClass(/is-selected/);
  await expect(canvas.service('webb')).not.toHaveClass(/is-selected/);
  await expect.poll(() => yaml.isMarked('  haproxy:')).toBe(true);
  expect(await yaml.isMarked('  webb:')).toBe(false);

  // The same in the Kubernetes tab: weba's Deployment is marked when weba is selected.
  await canvas.service('weba').click();
  await yaml.open('Kubernetes');
  await expect.poll(async () => (await yaml.markedLines()).includes('  name: weba')).toBe(true);
  await expect(yaml.markedDecorations.first()).toBeVisible();
  await screenshot(page, testInfo, 'weba-selected-kubernetes-highlight');
});
