import { expect, screenshot, test } from '../fixtures/app';
import { type Box, overlaps } from '../fixtures/geometry';
import { openApp } from '../fixtures/open';
import { zoomOutTo } from '../fixtures/zoom';

/**
 * Zoomed out below ~0.6 the canvas's small glyphs — a link's 16 px badge (▸ started, ♥ healthy,
 * ✓ completed) or its label, a service's problem and note badges — shrank with it to 5-6 px on
 * screen. Now, below 75 %, badges and labels with room keep the size they have at 75 % (up to a
 * bound); a link's label or badge never grows wider on screen than the gap between its cards, so a
 * label in a narrow gap grows only as far as that allows.
 */
const svc = (links: { to: string; condition: string }[]) => ({
  replicas: 1,
  links,
  containers: { main: { role: 'main', image: 'nginx:1.27' } },
});
// Service cards are 260 px wide: gaps a → b 40 px (a badge), c → d 20 px (none), e → f 70 px (words at zoom 1), g → h 440 px.
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
    g: svc([{ to: 'h', condition: 'started' }]),
    // An init container: Swarm has none (a fidelity note, a badge above the card).
    h: { ...svc([]), containers: { main: { role: 'main', image: 'nginx:1.27' }, setup: { role: 'init', image: 'busybox:1.36' } } },
  },
  layout: {
    nodes: {
      'service:a': { x: 0, y: 0 },
      'service:b': { x: 300, y: 0 },
      'service:c': { x: 0, y: 200 },
      'service:d': { x: 280, y: 200 },
      'service:e': { x: 0, y: 400 },
      'service:f': { x: 330, y: 400 },
      'service:g': { x: 0, y: 600 },
      'service:h': { x: 700, y: 600 },
    },
  },
};

test('zoomed out to half, link badges, labels and node badges keep a readable size and stay off the cards', async ({ page }, testInfo) => {
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
  await expect(page.locator('.react-flow__node[data-id="service:h"]')).toBeVisible({ timeout: 15_000 });
  // A node badge: h's init container.
  await expect(page.locator('.service-node .mark-badges').first()).toBeVisible({ timeout: 10_000 });
  const zoom = await zoomOutTo(page, 0.52);
  expect(zoom).toBeGreaterThan(0.4); // above the far view (0.35), where the raster takes over
  await page.waitForTimeout(300);
  await screenshot(page, testInfo, 'zoomed-out');
  const seen = await page.evaluate(() => {
    const box = (name: string, e: Element) => {
      const r = e.getBoundingClientRect();
      return { name, x: r.x, y: r.y, width: r.width, height: r.height };
    };
    // How large it is drawn against its own layout size: the zoom times its counter-scale.
    const drawn = (e: HTMLElement) => e.getBoundingClientRect().width / e.offsetWidth;
    const labels = [...document.querySelectorAll<HTMLElement>('.edge-label')].filter((e) => e.getBoundingClientRect().width > 0);
    return {
      cards: [...document.querySelectorAll('.react-flow__node')].map((e) => box(e.getAttribute('data-id') ?? '', e)),
      labels: labels.map((e) => ({
        ...box(e.title || e.textContent || '', e),
        drawn: drawn(e),
        badge: e.classList.contains('is-badge'),
        narrow: e.classList.contains('is-narrow'),
      })),
      marks: [...document.querySelectorAll<HTMLElement>('.service-node .mark-badges')].map((e) => ({
        text: e.textContent,
        drawn: drawn(e),
      })),
    };
  });
  expect(seen.labels.length, 'labels shown').toBeGreaterThanOrEqual(3);
  expect(seen.labels.filter((l) => !l.badge && !l.narrow).length, 'wide labels shown').toBeGreaterThanOrEqual(1);
  // Badges and a label with room keep their size at 75 %; a label in a gap too narrow for that
  // grows only as far as the room allows (at least its zoom).
  for (const l of seen.labels) expect(l.drawn, `"${l.name}" drawn at`).toBeGreaterThanOrEqual(l.badge || !l.narrow ? 0.74 : zoom - 0.01);
  expect(seen.marks.length).toBeGreaterThan(0);
  for (const m of seen.marks) expect(m.drawn, `"${m.text}" drawn at`).toBeGreaterThanOrEqual(0.74);
  expect(seen.labels.filter((l) => l.badge).length, 'badges shown').toBeGreaterThanOrEqual(1);
  const over = seen.labels.flatMap((l: Box) => seen.cards.filter((c) => overlaps(l, c)).map((c) => `"${l.name}" over ${c.name}`));
  expect(over, 'labels over the cards').toEqual([]);
});
