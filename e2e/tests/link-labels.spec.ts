import { expect, screenshot, test } from '../fixtures/app';
import { openApp } from '../fixtures/open';

/**
 * Link labels in a narrow gap wrap ("healthy" over the notes badge) and are taller than half the
 * distance of two services stacked close together: the labels of their links into one service (or
 * out of one into two) sat at the links' middles and covered each other. They keep apart now.
 */
const svc = (links: { to: string; condition: string }[]) => ({
  replicas: 1,
  ports: [{ port: 80, protocol: 'tcp' }],
  links,
  containers: { main: { role: 'main', image: 'nginx:1.27' } },
});
const close = {
  apiVersion: 'blaupause.dev/v1',
  kind: 'Blueprint',
  metadata: { name: 'close' },
  services: {
    a: svc([{ to: 'c', condition: 'healthy' }]),
    b: svc([{ to: 'c', condition: 'started' }]),
    c: svc([]),
    d: svc([
      { to: 'e', condition: 'completed' },
      { to: 'f', condition: 'healthy' },
    ]),
    e: svc([]),
    f: svc([]),
  },
  layout: {
    nodes: {
      'service:a': { x: 0, y: 0 },
      'service:b': { x: 0, y: 95 },
      'service:c': { x: 330, y: 48 },
      'service:d': { x: 0, y: 330 },
      'service:e': { x: 300, y: 290 },
      'service:f': { x: 300, y: 380 },
    },
  },
};

test('the labels of links between services close together do not cover each other', async ({ page }, testInfo) => {
  const library = { current: 'close', entries: [{ id: 'close', title: 'close', followsName: true, createdAt: 0, updatedAt: 0 }] };
  await page.evaluate(
    ({ lib, doc }) => {
      localStorage.clear();
      localStorage.setItem('blaupause:library:v1', lib);
      localStorage.setItem('blaupause:blueprint:v1:close', doc);
    },
    { lib: JSON.stringify(library), doc: JSON.stringify(close) },
  );
  await openApp(page, '/');
  await expect(page.locator('.react-flow__node[data-id="service:f"]')).toBeVisible({ timeout: 15_000 });
  const labels = page.locator('.edge-label');
  await expect(labels).toHaveCount(4);
  await expect(labels.first()).toContainText('note'); // the notes badge: the label wraps in the narrow gap
  const boxes = await labels.evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { text: e.textContent ?? '', top: r.top, bottom: r.bottom, left: r.left, right: r.right };
    }),
  );
  for (const [i, a] of boxes.entries())
    for (const b of boxes.slice(i + 1)) {
      const overlap = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      expect(overlap, `"${a.text}" and "${b.text}" overlap`).toBe(false);
    }
  await screenshot(page, testInfo, 'close-link-labels');
});
