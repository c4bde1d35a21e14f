import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/app';
import { openLarge } from '../fixtures/large';

type Layout = Record<string, { x: number; y: number }>;
type Blueprint = Awaited<ReturnType<typeof openLarge>>;

const layoutOf = (bp: Blueprint): Layout => (bp.layout?.nodes ?? {}) as Layout;

/** Node wrappers that take part in rendering (mounted and laid out: not display: none). */
const renderedWrappers = (page: Page) =>
  page.locator('.react-flow__node').evaluateAll((els) => els.filter((e) => getComputedStyle(e).display !== 'none').length);

/** The pane's place on screen and the view's transform (flow → pane px). */
async function viewOf(
  page: Page,
): Promise<{ left: number; top: number; width: number; height: number; tx: number; ty: number; zoom: number }> {
  return page.evaluate(() => {
    const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
    if (!pane || !viewport) throw new Error('no pane');
    const m = new DOMMatrix(getComputedStyle(viewport).transform);
    return { left: pane.left, top: pane.top, width: pane.width, height: pane.height, tx: m.e, ty: m.f, zoom: m.a };
  });
}

type View = Awaited<ReturnType<typeof viewOf>>;
const toScreen = (v: View, p: { x: number; y: number }) => ({ x: v.left + v.tx + p.x * v.zoom, y: v.top + v.ty + p.y * v.zoom });

/**
 * Where a service node's header is on screen, from its place in the layout and the view — its node
 * is not mounted in the far view (canvas/far-live.ts) unless selected or near the pointer.
 */
async function headerOf(page: Page, layout: Layout, id: string): Promise<{ x: number; y: number }> {
  const at = layout[id];
  if (!at) throw new Error(`no node ${id}`);
  return toScreen(await viewOf(page), { x: at.x + 130, y: at.y + 12 });
}

/** Service nodes in view, nearest the pane's centre first. */
async function servicesInView(page: Page, layout: Layout): Promise<string[]> {
  const v = await viewOf(page);
  return Object.entries(layout)
    .filter(([id]) => id.startsWith('service:'))
    .map(([id, at]) => ({ id, p: toScreen(v, { x: at.x + 130, y: at.y + 12 }) }))
    .filter(({ p }) => p.x > v.left + 20 && p.x < v.left + v.width - 20 && p.y > v.top + 20 && p.y < v.top + v.height - 20)
    .sort(
      (a, b) =>
        Math.hypot(a.p.x - v.left - v.width / 2, a.p.y - v.top - v.height / 2) -
        Math.hypot(b.p.x - v.left - v.width / 2, b.p.y - v.top - v.height / 2),
    )
    .map((n) => n.id);
}

/**
 * A link edge in view, mounted by hovering near its middle (the layout's grid: its ends' places,
 * boxes at most 200 high), and the screen point halfway along its path, away from every node box.
 */
async function linkMidpoint(page: Page, bp: Blueprint): Promise<{ id: string; x: number; y: number }> {
  const layout = layoutOf(bp);
  const v = await viewOf(page);
  const boxes = Object.values(layout);
  for (const [name, s] of Object.entries(bp.services ?? {})) {
    for (const to of new Set((s.links ?? []).map((l) => l.to))) {
      const a = layout[`service:${name}`];
      const b = layout[`service:${to}`];
      if (!a || !b || b.x - a.x < 400) continue;
      const mid = { x: (a.x + 260 + b.x) / 2, y: (a.y + b.y) / 2 + 50 };
      if (!boxes.every((r) => mid.x < r.x - 40 || mid.x > r.x + 300 || mid.y < r.y - 40 || mid.y > r.y + 240)) continue;
      const guess = toScreen(v, mid);
      if (guess.x < v.left + 40 || guess.x > v.left + v.width - 240 || guess.y < v.top + 40 || guess.y > v.top + v.height - 200) continue;
      const id = `link:${name}->${to}`;
      await page.mouse.move(guess.x, guess.y);
      // Edges near the pointer are mounted once it rests (far-hover.ts EDGE_REST_MS).
      await page.waitForTimeout(400);
      const edge = page.locator(`.react-flow__edge[data-id="${id}"] .react-flow__edge-path`);
      if ((await edge.count()) === 0) continue;
      const p = await edge.evaluate((path: SVGPathElement) => {
        const q = path.getPointAtLength(path.getTotalLength() / 2);
        const m = path.getScreenCTM();
        return m ? new DOMPoint(q.x, q.y).matrixTransform(m) : undefined;
      });
      if (p) return { id, x: p.x, y: p.y };
    }
  }
  throw new Error('no link edge in view with a clear midpoint');
}

/**
 * The far view of a large graph (≥ 300 nodes; canvas/far-live.ts, far-hover.ts): the raster draws
 * every node and edge, and React Flow mounts only the nodes and edges selected, focused or near the
 * pointer. A hover mounts a node's box (the cursor and the click land on it), a click selects, a
 * drag moves on the grid as one undo step, a right click opens the node's menu; the selected node
 * keeps its labelled box in the accessibility tree and can take the focus. Zooming in shows every
 * node whole again.
 */
test('far view of a large blueprint: only the hovered and selected nodes are mounted; hover, click, drag, undo, menu and edge click work', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const bp = await openLarge(page, 400);
  const layout = layoutOf(bp);
  const canvas = page.locator('.canvas');
  await expect(canvas).toHaveClass(/is-far/);
  await expect(canvas).toHaveClass(/is-sparse/);
  const raster = page.getByTestId('flow-raster');
  await expect(raster).toBeVisible();
  // At rest, nothing selected: no node wrapper and no edge mounted; the raster draws them all.
  await expect(page.locator('.react-flow__node')).toHaveCount(0, { timeout: 15_000 });
  await expect(page.locator('.react-flow__edge')).toHaveCount(0);
  expect(Number(await raster.getAttribute('data-nodes'))).toBeGreaterThanOrEqual(400);
  expect(Number(await raster.getAttribute('data-edges'))).toBeGreaterThan(400);

  const [first, second] = await servicesInView(page, layout);
  if (!first || !second) throw new Error('no services in view');
  const name = (id: string) => id.replace(/^service:/, '');
  const wrapper = (id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);

  // Hover: the node is mounted under the pointer and is what the pointer is over.
  const a = await headerOf(page, layout, first);
  await page.mouse.move(a.x, a.y);
  await expect(wrapper(first)).toBeVisible();
  expect(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('.react-flow__node')?.getAttribute('data-id'), a)).toBe(
    first,
  );
  expect(await renderedWrappers(page)).toBeLessThanOrEqual(2);

  // A click selects it; selected, it stays mounted and in the accessibility tree after the pointer leaves.
  await page.mouse.click(a.x, a.y);
  await expect(page.getByRole('region', { name: 'Inspector' }).getByLabel('Name', { exact: true })).toHaveValue(name(first));
  const empty = await page.evaluate(() => {
    const r = document.querySelector('.react-flow')?.getBoundingClientRect();
    return r ? { x: r.left + 4, y: r.bottom - 4 } : { x: 0, y: 0 };
  });
  await page.mouse.move(empty.x, empty.y);
  await expect(page.getByRole('article', { name: `Service ${name(first)}`, exact: true })).toBeVisible();
  await expect(page.getByRole('article', { name: `Service ${name(second)}`, exact: true })).toHaveCount(0);
  await expect(page.locator('.react-flow__node')).toHaveCount(1);
  // The selected node can take the keyboard focus.
  await wrapper(first).focus();
  await expect(wrapper(first)).toBeFocused();

  // A drag moves a node that was not mounted a moment before, on the grid, as one undo step.
  const b = await headerOf(page, layout, second);
  await page.mouse.move(b.x, b.y);
  await expect(wrapper(second)).toBeVisible();
  const before = await wrapper(second).getAttribute('style');
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(b.x + i * 6, b.y + i * 4);
  await page.mouse.up();
  await expect(page.getByRole('region', { name: 'Inspector' }).getByLabel('Name', { exact: true })).toHaveValue(name(second));
  const moved = await wrapper(second).getAttribute('style');
  expect(moved).not.toBe(before);
  const translate = (s: string | null) => (s?.match(/translate\(([-\d.]+)px, ([-\d.]+)px\)/) ?? []).slice(1).map(Number);
  for (const v of translate(moved)) expect(v % 20).toBe(0);
  await page.mouse.move(empty.x, empty.y);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => translate(await wrapper(second).getAttribute('style'))).toEqual(translate(before));

  // A right click on a node opens its menu.
  const c = await headerOf(page, layout, first);
  await page.mouse.click(c.x, c.y, { button: 'right' });
  await expect(page.getByRole('menu', { name: `Service ${name(first)}` })).toBeVisible();
  await page.keyboard.press('Escape');

  // An edge is mounted only near the pointer: a click on its curve selects it.
  await page.mouse.move(empty.x, empty.y);
  await expect(page.locator('.react-flow__edge')).toHaveCount(0);
  const edge = await linkMidpoint(page, bp);
  await page.mouse.move(edge.x, edge.y);
  await expect(page.locator(`.react-flow__edge[data-id="${edge.id}"]`)).toHaveCount(1);
  // (The grid layout's rows have edges lying over one another: the topmost one there is selected.)
  await page.mouse.click(edge.x, edge.y);
  const selectedEdge = page.locator('.react-flow__edge.selected');
  await expect(selectedEdge).toHaveCount(1);
  expect(await selectedEdge.getAttribute('data-id')).toMatch(/^link:/);
  await page.mouse.move(empty.x, empty.y);
  // Selected, it stays mounted and rendered (the only edge there).
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  expect(await selectedEdge.evaluate((g) => getComputedStyle(g.parentElement as Element).display)).not.toBe('none');

  // Zoomed in, every node in view is mounted and renders whole.
  const zoomIn = page.getByRole('button', { name: 'zoom in' });
  for (let i = 0; i < 12 && (await canvas.evaluate((el) => el.classList.contains('is-far'))); i++) await zoomIn.click();
  await expect(canvas).not.toHaveClass(/is-sparse/);
  await expect.poll(() => page.locator('.react-flow__node').count()).toBeGreaterThan(5);
  const nodes = await page.locator('.react-flow__node').count();
  await expect.poll(() => renderedWrappers(page)).toBe(nodes);
  await expect(page.locator('.react-flow__node-service .node-title').first()).toBeVisible();
});

/**
 * What sees the whole graph although the far view mounts almost nothing: select-all, the SVG
 * export, fit view, and a selection rectangle.
 */
test('far view of a large blueprint: Ctrl+A selects every node, the SVG export has every node, fit view fits the whole graph, a selection rectangle selects', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const bp = await openLarge(page, 400);
  const layout = layoutOf(bp);
  const canvas = page.locator('.canvas');
  await expect(canvas).toHaveClass(/is-sparse/);
  await expect(page.locator('.react-flow__node')).toHaveCount(0, { timeout: 15_000 });
  const services = Object.keys(bp.services ?? {});
  const volumes = Object.keys(bp.volumes ?? {});

  // The SVG export from the far view draws every node.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('menu', { name: 'Export' }).getByRole('menuitem', { name: 'Diagram as SVG' }).click();
  const svg = await (await download).path().then((p) => import('node:fs/promises').then((fs) => fs.readFile(p, 'utf8')));
  const titles = await page.evaluate(
    (text) => [...new DOMParser().parseFromString(text, 'image/svg+xml').querySelectorAll('g.node > title')].map((t) => t.textContent),
    svg,
  );
  for (const s of services) expect(titles).toContain(`Service ${s}`);
  for (const v of volumes) expect(titles).toContain(`Volume ${v}`);

  // Fit view after zooming in: back to the whole graph, every node's place inside the pane.
  const fitted = await viewOf(page);
  const zoomIn = page.getByRole('button', { name: 'zoom in' });
  for (let i = 0; i < 12 && (await canvas.evaluate((el) => el.classList.contains('is-far'))); i++) await zoomIn.click();
  await expect(canvas).not.toHaveClass(/is-far/);
  await page.getByRole('button', { name: 'fit view' }).click();
  await expect(canvas).toHaveClass(/is-sparse/);
  await expect.poll(async () => (await viewOf(page)).zoom).toBeCloseTo(fitted.zoom, 3);
  const v = await viewOf(page);
  // (400 services do not fit at the least zoom, 0.1: the fit centres the graph.)
  expect(Math.abs(v.tx - fitted.tx)).toBeLessThan(1);
  expect(Math.abs(v.ty - fitted.ty)).toBeLessThan(1);
  const xs = Object.values(layout).map((p) => p.x);
  const ys = Object.values(layout).map((p) => p.y);
  const centre = toScreen(v, { x: (Math.min(...xs) + Math.max(...xs) + 260) / 2, y: (Math.min(...ys) + Math.max(...ys) + 150) / 2 });
  expect(Math.abs(centre.x - (v.left + v.width / 2))).toBeLessThan(40);
  // The fit keeps a taller strip clear at the bottom (minimap, zoom controls) than at the top
  // (deploy dock): apps/web/src/canvas/fit-view.ts, 184 px and 64 px. For a graph that overflows
  // even at the least zoom, React Flow's getViewportForBounds moves the centred graph up by the
  // difference of the two paddings.
  expect(Math.abs(centre.y - (v.top + v.height / 2 - (184 - 64)))).toBeLessThan(40);

  // Ctrl+A on the canvas selects every node, none of which was mounted.
  await canvas.focus();
  await page.keyboard.press('Control+a');
  await expect(page.getByRole('region', { name: 'Inspector' })).toContainText(`${services.length + volumes.length} elements selected`);
  // Selected, those in view are mounted (the graph is wider than the view at the least zoom).
  await expect.poll(() => page.locator('.react-flow__node-service.selected').count()).toBeGreaterThan(100);
  expect(await page.locator('.react-flow__node-service:not(.selected)').count()).toBe(0);
  await page.keyboard.press('Escape');
  // On the pane: left of the zoom controls, above the problems list's separator (its 9 px grab zone
  // reaches 4.5 px into the canvas, styles/app.css .pane-separator).
  await page.mouse.click(v.left + 4, v.top + v.height - 12);
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(0);

  // A selection rectangle (Shift+drag) over nodes not mounted selects them.
  const [one] = await servicesInView(page, layout);
  if (!one) throw new Error('no service in view');
  const at = layout[one] as { x: number; y: number };
  const to = toScreen(v, { x: at.x + 260 + 30, y: at.y + 240 });
  await page.keyboard.down('Shift');
  // A start on the pane: above the node, clear of any edge the pointer mounts there.
  let from = toScreen(v, { x: at.x - 10, y: at.y - 20 });
  for (let dy = 20; dy <= 80; dy += 10) {
    from = toScreen(v, { x: at.x - 10, y: at.y - dy });
    await page.mouse.move(from.x, from.y);
    if (await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.classList.contains('react-flow__pane'), from)) break;
  }
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(from.x + ((to.x - from.x) * i) / 8, from.y + ((to.y - from.y) * i) / 8);
  await page.mouse.up();
  await page.keyboard.up('Shift');
  await expect(page.locator(`.react-flow__node.selected[data-id="${one}"]`)).toHaveCount(1);
});
