import { expect, test } from '../fixtures/app';

test('the compiled previews follow an edit as one edit of the changed lines, in their own language, with no undo steps', async ({
  canvas,
  inspector,
  yaml,
}) => {
  // The editable Blueprint is monaco-yaml's language; the previews are not (its worker would
  // validate, outline and fold every compiled text on every edit).
  await yaml.open('Blueprint');
  expect((await yaml.model()).language).toBe('yaml');
  await yaml.open('Compose');
  const before = await yaml.model();
  expect(before.language).toBe('yaml-output');
  const text = await yaml.text();
  expect(text).toContain('image: qaware/nginx');

  const changes = await yaml.recordChanges();
  await canvas.service('webb').click();
  await inspector.setImage('probe/image:1');
  await expect.poll(() => yaml.text()).toContain('image: probe/image:1');
  const after = await yaml.model();
  expect(after.language).toBe('yaml-output');
  // An edit of the changed characters, not the whole text replaced (a flush).
  expect(after.version).toBeGreaterThan(before.version);
  const seen = await changes();
  expect(seen.length).toBeGreaterThan(0);
  for (const c of seen) expect(c).toMatchObject({ isFlush: false, changed: expect.any(Number) });
  expect(Math.max(...seen.map((c) => c.changed))).toBeLessThan(40);
  const lines = (await yaml.text()).split('\n');
  const old = text.split('\n');
  expect(lines.length).toBe(old.length);
  expect(lines.filter((l, i) => l !== old[i])).toEqual(['    image: probe/image:1']);
  // Read-only previews keep no undo stack, however many edits arrive.
  await inspector.setImage('probe/image:2');
  await expect.poll(() => yaml.text()).toContain('image: probe/image:2');
  expect((await yaml.model()).canUndo).toBe(false);
  await expect(yaml.line('    image: probe/image:2')).toHaveCount(1);

  // An edit that adds lines: the highlight follows the source map of the new text (webb's block).
  await inspector.addPort(9090);
  await expect.poll(() => yaml.text()).toContain('9090');
  await expect.poll(async () => (await yaml.markedLines())[0]).toBe('  webb:');
  expect((await yaml.markedLines()).slice(1).join('\n')).toBe(await yaml.blockAt('services', 'webb'));
  expect((await yaml.markedLines()).join('\n')).toContain('9090');
});
