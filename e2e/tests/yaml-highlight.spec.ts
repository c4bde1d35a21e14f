import { expect, screenshot, test } from '../fixtures/app';

test('selecting a node highlights its YAML lines; clicking a YAML line selects its node', async ({
  page,
  canvas,
  inspector,
  yaml,
}, testInfo) => {
  await yaml.open('Compose');
  await expect(yaml.markedLines).toHaveCount(0);

  await canvas.service('webb').click();
  await expect(inspector.name).toHaveValue('webb');
  await expect(yaml.line('  webb:')).toHaveClass(/is-marked/);
  await expect(yaml.line('    image: qaware/nginx').last()).toHaveClass(/is-marked/);
  await expect(yaml.line('  weba:')).not.toHaveClass(/is-marked/);
  await expect(yaml.line('  haproxy:')).not.toHaveClass(/is-marked/);
  // Every marked line belongs to webb's block (its key line and what is below it).
  const block = await yaml.blockAt('services', 'webb');
  const marked = await yaml.markedLines.allTextContents();
  expect(marked[0]).toBe('  webb:');
  expect(marked.slice(1).join('\n')).toBe(block);
  await screenshot(page, testInfo, 'webb-selected-compose-highlight');

  // Backwards: a line of haproxy's block selects haproxy.
  await yaml.line('    image: qaware/haproxy').click();
  await expect(inspector.name).toHaveValue('haproxy');
  await expect(canvas.service('haproxy')).toHaveClass(/is-selected/);
  await expect(canvas.service('webb')).not.toHaveClass(/is-selected/);
  await expect(yaml.line('  haproxy:')).toHaveClass(/is-marked/);
  await expect(yaml.line('  webb:')).not.toHaveClass(/is-marked/);

  // The same in the Kubernetes tab: weba's Deployment is marked when weba is selected.
  await canvas.service('weba').click();
  await yaml.open('Kubernetes');
  await expect(yaml.markedLines.filter({ hasText: /^ {2}name: weba$/ }).first()).toBeVisible();
  await screenshot(page, testInfo, 'weba-selected-kubernetes-highlight');
});
