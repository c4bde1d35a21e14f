import { expect, screenshot, test } from '../fixtures/app';
import { type Box, overlaps } from '../fixtures/geometry';
import { openApp } from '../fixtures/open';

/**
 * A link's label stays readable and off the cards when the gap between two services all but
 * closes. It was at least 56 px wide, so in a gap under ~60 px it lay over both cards' edges (their
 * names, images, handles). Now such a link shows a 16 px badge with the condition's glyph and the
 * words as its tooltip; in a gap too narrow even for that, no label (the edge's inspector has it).
 */
const svc = (links: { to: string; condition: string }[]) => ({
  replicas: 1,
  links,
  containers: { main: { role: 'main', image: 'nginx:1.27' } },
});
// Service cards are 260 px wide: a → b leaves a 40 px gap, c → d 12 px, e → f 70 px.
const tight = {
  apiVersion: 'blaupause.dev/v1',
  kind: 'Blueprint',
  metadata: { name: 'tight' },
  services: {
    a: svc([{ to: 'b', condition: 'healthy' }]),
    b: svc([]),
    c: svc([{ to: 'd', condition: 'completed' }]),
    d: svc([]),
    e: svc([{ to: 'f', condition: 'started' }]),
    f: svc([]),
  },
  layout: {
    nodes: {
      'service:a': { x: 0, y: 0 },
      'service:b': { x: 300, y: 0 },
      'service:c': { x: 0, y: 200 },
      'service:d': { x: 272, y: 200 },
      'service:e': { x: 0, y: 400 },
      'service:f': { x: 330, y: 400 },
    },
  },
};

test('a link label in a nearly closed gap becomes a badge off the cards, its words in the tooltip', async ({ page }, testInfo) => {
  const library = { current: 'tight', entries: [{ id: 'tight', title: 'tight', followsName: true, createdAt: 0, updatedAt: 0 }] };
  await page.evaluate(
    ({ lib, doc }) => {
      localStorage.clear();
      localStorage.setItem('blaupause:library:v1', lib);
      localStorage.setItem('blaupause:blueprint:v1:tight', doc);
    },
    { lib: JSON.stringify(library), doc: JSON.stringify(tight) },
  );
  await openApp(page, '/');
  await expect(page.locator('.react-flow__node[data-id="service:f"]')).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('.edge-label')).toHaveCount(3);
  await screenshot(page, testInfo, 'tight-gaps');
  const { cards, labels } = await page.evaluate(() => {
    const box = (name: string, e: Element) => {
      const r = e.getBoundingClientRect();
      return { name, x: r.x, y: r.y, width: r.width, height: r.height };
    };
    return {
      cards: [...document.querySelectorAll('.react-flow__node')].map((e) => box(e.getAttribute('data-id') ?? '', e)),
      labels: [...document.querySelectorAll<HTMLElement>('.edge-label')]
        .filter((e) => e.getBoundingClientRect().width > 0)
        .map((e) => ({ ...box(e.textContent ?? '', e), title: e.title, glyph: e.querySelector('.edge-label-glyph')?.textContent ?? '' })),
    };
  });
  const over = labels.flatMap((l: Box) => cards.filter((c) => overlaps(l, c)).map((c) => `"${l.name}" over ${c.name}`));
  expect(over, 'labels over the cards').toEqual([]);
  // The 70 px gap keeps the words; the 40 px one a badge with the words as tooltip; the 12 px one none.
  const byCondition = (word: string) => labels.find((l) => l.name.includes(word));
  expect(byCondition('started')?.glyph).toBe('');
  expect(byCondition('healthy')).toMatchObject({ title: expect.stringMatching(/^uses · healthy( · \d+ fidelity notes?)?$/), glyph: '♥' });
  expect(byCondition('healthy')?.width).toBeLessThanOrEqual(16);
  expect(byCondition('completed')).toBeUndefined();
});
