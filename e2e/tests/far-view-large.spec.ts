import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/app';
import { openLarge } from '../fixtures/large';

/** Node wrappers that take part in rendering (laid out: not display: none). */
const renderedWrappers = (page: Page) =>
  page.locator('.react-flow__node').evaluateAll((els) => els.filter((e) => getComputedStyle(e).display !== 'none').length);

/**
 * Where a service node's header is on screen, from its place in the flow (the wrapper's transform),
 * the viewport's transform and its measured box (raster-boxes.ts: --box-width) — its wrapper may be
 * out of rendering, with no box of its own to ask.
 */
async function headerOf(page: Page, id: string): Promise<{ x: number; y: number }> {
  return page.evaluate((id) => {
    const wrapper = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
    const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
    if (!wrapper || !viewport || !pane) throw new Error(`no node ${id}`);
    const at = new DOMMatrix(wrapper.style.transform);
    const view = new DOMMatrix(getComputedStyle(viewport).transform);
    const width = Number.parseFloat(wrapper.querySelector<HTMLElement>('article')?.style.getPropertyValue('--box-width') ?? '') || 260;
    const p = view.transformPoint(new DOMPoint(at.e + width / 2, at.f + 12));
    return { x: pane.left + p.x, y: pane.top + p.y };
  }, id);
}

/**
 * A link edge in view and the screen point halfway between its handles (on the bezier: its control
 * points are symmetric), away from every node box.
 */
async function linkMidpoint(page: Page): Promise<{ id: string; x: number; y: number }> {
  const found = await page.evaluate(() => {
    const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
    const view = new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport') as Element).transform);
    if (!pane) return undefined;
    const boxes = new Map(
      [...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((w) => {
        const at = new DOMMatrix(w.style.transform);
        const box = w.querySelector<HTMLElement>('[data-far-box]');
        const width = Number.parseFloat(box?.style.getPropertyValue('--box-width') ?? '') || 0;
        const height = Number.parseFloat(box?.style.getPropertyValue('--box-height') ?? '') || 0;
        return [w.dataset.id ?? '', { x: at.e, y: at.f, width, height }];
      }),
    );
    for (const g of document.querySelectorAll<SVGElement>('.react-flow__edge')) {
      const m = (g.dataset.id ?? '').match(/^link:(.+)->(.+)$/);
      const a = m && boxes.get(`service:${m[1]}`);
      const b = m && boxes.get(`service:${m[2]}`);
      if (!a || !b || !a.width || !b.width || Math.abs(b.x - a.x) < 400) continue;
      const mid = { x: (a.x + a.width + b.x) / 2, y: (a.y + a.height / 2 + b.y + b.height / 2) / 2 };
      const clear = [...boxes.values()].every(
        (r) => mid.x < r.x - 30 || mid.x > r.x + r.width + 30 || mid.y < r.y - 30 || mid.y > r.y + r.height + 30,
      );
      if (!clear) continue;
      const p = view.transformPoint(new DOMPoint(mid.x, mid.y));
      const x = pane.left + p.x;
      const y = pane.top + p.y;
      if (x > pane.left + 40 && x < pane.right - 240 && y > pane.top + 40 && y < pane.bottom - 200) return { id: g.dataset.id ?? '', x, y };
    }
    return undefined;
  });
  if (!found) throw new Error('no link edge in view with a clear midpoint');
  return found;
}

/** Service nodes mounted (in view), nearest the pane's centre first. */
async function servicesInView(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
    const view = new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport') as Element).transform);
    if (!pane) return [];
    const cx = pane.width / 2;
    const cy = pane.height / 2;
    return [...document.querySelectorAll<HTMLElement>('.react-flow__node-service')]
      .map((w) => {
        const at = new DOMMatrix(w.style.transform);
        const p = view.transformPoint(new DOMPoint(at.e + 130, at.f + 12));
        return { id: w.dataset.id ?? '', d: Math.hypot(p.x - cx, p.y - cy) };
      })
      .sort((a, b) => a.d - b.d)
      .map((n) => n.id);
  });
}

/**
 * The far view of a large graph (≥ 300 nodes; canvas/far-hover.ts): the raster draws every node
 * and edge, and only the node wrappers and edges selected or under the pointer take part in rendering. A hover shows a
 * node's box (the cursor and the click land on it), a click selects, a drag moves on the grid as one
 * undo step, a right click opens the node's menu; the selected node keeps its labelled box in the
 * accessibility tree and can take the focus. Zooming in shows every node whole again.
 */
test('far view of a large blueprint: only the hovered and selected node boxes render; hover, click, drag, undo, menu and edge click work', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openLarge(page, 400);
  const canvas = page.locator('.canvas');
  await expect(canvas).toHaveClass(/is-far/);
  await expect(canvas).toHaveClass(/is-sparse/);
  const raster = page.getByTestId('flow-raster');
  await expect(raster).toBeVisible();
  // Once the boxes are measured (marked after a second, in idle time), none renders.
  await expect.poll(() => renderedWrappers(page), { timeout: 15_000 }).toBe(0);
  const mounted = await page.locator('.react-flow__node').count();
  expect(mounted).toBeGreaterThan(50);
  // The raster still draws every node React Flow has in view.
  expect(Number(await raster.getAttribute('data-nodes'))).toBeGreaterThanOrEqual(mounted);

  const [first, second] = await servicesInView(page);
  if (!first || !second) throw new Error('no services in view');
  const name = (id: string) => id.replace(/^service:/, '');
  const wrapper = (id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);

  // Hover: the node's box renders under the pointer and is what the pointer is over.
  const a = await headerOf(page, first);
  await page.mouse.move(a.x, a.y);
  await expect(wrapper(first)).toBeVisible();
  expect(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('.react-flow__node')?.getAttribute('data-id'), a)).toBe(
    first,
  );
  expect(await renderedWrappers(page)).toBeLessThanOrEqual(2);

  // A click selects it; selected, it stays in rendering and in the accessibility tree after the pointer leaves.
  await page.mouse.click(a.x, a.y);
  await expect(page.getByRole('region', { name: 'Inspector' }).getByLabel('Name', { exact: true })).toHaveValue(name(first));
  const empty = await page.evaluate(() => {
    const r = document.querySelector('.react-flow')?.getBoundingClientRect();
    return r ? { x: r.left + 4, y: r.bottom - 4 } : { x: 0, y: 0 };
  });
  await page.mouse.move(empty.x, empty.y);
  await expect(page.getByRole('article', { name: `Service ${name(first)}`, exact: true })).toBeVisible();
  await expect(page.getByRole('article', { name: `Service ${name(second)}`, exact: true })).toBeHidden();
  // The selected node can take the keyboard focus.
  await wrapper(first).focus();
  await expect(wrapper(first)).toBeFocused();

  // A drag moves a node that was not rendered a moment before, on the grid, as one undo step.
  const before = await wrapper(second).getAttribute('style');
  const b = await headerOf(page, second);
  await page.mouse.move(b.x, b.y);
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
  const c = await headerOf(page, first);
  await page.mouse.click(c.x, c.y, { button: 'right' });
  await expect(page.getByRole('menu', { name: `Service ${name(first)}` })).toBeVisible();
  await page.keyboard.press('Escape');

  // An edge renders only near the pointer: a click on its curve selects it.
  const edge = await linkMidpoint(page);
  const edgeSvgs = () =>
    page
      .locator('.react-flow__edges > svg:not(.react-flow__marker)')
      .evaluateAll((els) => els.filter((e) => getComputedStyle(e).display !== 'none').length);
  await page.mouse.move(empty.x, empty.y);
  expect(await edgeSvgs()).toBe(0);
  await page.mouse.move(edge.x, edge.y);
  await expect.poll(edgeSvgs).toBeGreaterThan(0);
  // (The grid layout's rows have edges lying over one another: the topmost one there is selected.)
  await page.mouse.click(edge.x, edge.y);
  const selectedEdge = page.locator('.react-flow__edge.selected');
  await expect(selectedEdge).toHaveCount(1);
  expect(await selectedEdge.getAttribute('data-id')).toMatch(/^link:/);
  await page.mouse.move(empty.x, empty.y);
  // Selected, it stays in rendering (the only edge there).
  await expect.poll(edgeSvgs).toBe(1);
  expect(await selectedEdge.evaluate((g) => getComputedStyle(g.parentElement as Element).display)).not.toBe('none');

  // Zoomed in, every node in view renders whole.
  const zoomIn = page.getByRole('button', { name: 'zoom in' });
  for (let i = 0; i < 12 && (await canvas.evaluate((el) => el.classList.contains('is-far'))); i++) await zoomIn.click();
  await expect(canvas).not.toHaveClass(/is-sparse/);
  const nodes = await page.locator('.react-flow__node').count();
  await expect.poll(() => renderedWrappers(page)).toBe(nodes);
  await expect(page.locator('.react-flow__node-service .node-title').first()).toBeVisible();
});
