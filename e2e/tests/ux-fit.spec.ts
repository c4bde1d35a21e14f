import type { Page } from '@playwright/test';
import { expect, screenshot, test } from '../fixtures/app';
import { overlaps } from '../fixtures/geometry';

/**
 * A fit (the first one, a template, an opened file, the zoom controls' fit button) keeps every node
 * clear of what floats over the canvas: the minimap (bottom right), the zoom controls (bottom left)
 * and the deploy dock (top right). With React Flow's fit padding of 0.25 the minimap covered the
 * bottom-right nodes of a fitted graph.
 */

/** Nodes that lie (partly) under the minimap, the zoom controls or the deploy dock, and the nodes' count. */
async function covered(page: Page): Promise<{ hits: string[]; nodes: number }> {
  const boxes = await page.evaluate(() => {
    const box = (name: string, e: Element) => {
      const r = e.getBoundingClientRect();
      return { name, x: r.x, y: r.y, width: r.width, height: r.height };
    };
    const floating = (
      [
        ['minimap', '.flow-minimap'],
        ['zoom controls', '.react-flow__controls'],
        ['deploy dock', '.deploy-dock'],
      ] as const
    ).flatMap(([name, selector]) => [...document.querySelectorAll(selector)].map((e) => box(name, e)));
    const nodes = [...document.querySelectorAll('.react-flow__node')].map((e) => box(e.getAttribute('data-id') ?? '', e));
    return { floating, nodes };
  });
  expect(boxes.floating.map((f) => f.name).sort()).toEqual(['deploy dock', 'minimap', 'zoom controls']);
  const hits = boxes.nodes.flatMap((n) => boxes.floating.filter((f) => overlaps(n, f)).map((f) => `${n.name} under the ${f.name}`));
  return { hits, nodes: boxes.nodes.length };
}

/** Waits for the fit's animation (200 ms) to end: the viewport's transform stays the same. */
async function settled(page: Page): Promise<void> {
  const viewport = page.locator('.react-flow__viewport');
  let last = '';
  await expect
    .poll(async () => {
      await page.waitForTimeout(150);
      const now = (await viewport.getAttribute('style')) ?? '';
      const same = now === last;
      last = now;
      return same;
    })
    .toBe(true);
}

async function fitByButton(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Fit View' }).click();
  await settled(page);
}

for (const size of [
  { width: 1280, height: 800 },
  { width: 1024, height: 700 },
]) {
  test(`after a fit no node is under the minimap, the zoom controls or the deploy dock (templates, ${size.width}×${size.height})`, async ({
    page,
    canvas,
  }) => {
    await page.setViewportSize(size);
    for (const [label, name, services] of [
      ['Three tiers: web, API, database', 'three-tier', 'db'],
      ['Two web servers behind haproxy', 'seed-haproxy', 'webb'],
      ['Sidecar, ambassador and adapter in one pod', 'patterns', undefined],
    ] as const) {
      await page.getByRole('combobox', { name: 'Start from a template' }).selectOption({ label });
      await expect(page.getByRole('button', { name: /^Blueprints \(open: / })).toHaveAccessibleName(
        new RegExp(`^Blueprints \\(open: ${name}( \\d+)?\\)$`),
        {
          timeout: 20_000,
        },
      );
      if (services) await expect(canvas.service(services)).toBeVisible();
      await settled(page);
      const afterOpen = await covered(page);
      expect(afterOpen.nodes).toBeGreaterThanOrEqual(3);
      expect(afterOpen.hits, `${name} after opening`).toEqual([]);
      await fitByButton(page);
      expect((await covered(page)).hits, `${name} after the fit button`).toEqual([]);
    }
  });
}

test('after a fit no node of a wide imported graph is under the minimap, the zoom controls or the deploy dock', async ({
  page,
  canvas,
}, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  // Seven chains of six services (aN → bN → … → fN): ELK lays them out in seven rows, wider than high.
  const names = ['a', 'b', 'c', 'd', 'e', 'f'];
  const compose = `services:\n${[1, 2, 3, 4, 5, 6, 7]
    .flatMap((row) =>
      names.map(
        (n, i) => `  ${n}${row}:\n    image: nginx:1.27\n${i < names.length - 1 ? `    depends_on:\n      - ${names[i + 1]}${row}\n` : ''}`,
      ),
    )
    .join('')}`;
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open or import a file' }).click();
  await (await chooser).setFiles({ name: 'chain.compose.yaml', mimeType: 'application/yaml', buffer: Buffer.from(compose) });
  await expect(canvas.services).toHaveCount(42, { timeout: 20_000 });
  await settled(page);
  const afterOpen = await covered(page);
  expect(afterOpen.nodes).toBe(42);
  await screenshot(page, testInfo, 'wide-opened');
  expect(afterOpen.hits, 'after opening').toEqual([]);
  // Scroll away, then fit again with the zoom controls' button.
  await page.getByRole('button', { name: 'Zoom In' }).click();
  await page.getByRole('button', { name: 'Zoom In' }).click();
  await fitByButton(page);
  const afterFit = await covered(page);
  expect(afterFit.nodes).toBe(42);
  await screenshot(page, testInfo, 'wide-fitted');
  expect(afterFit.hits, 'after the fit button').toEqual([]);
});

/** The nodes' box on the page, as a fraction of the canvas's width and height. */
async function filled(page: Page): Promise<{ width: number; height: number }> {
  return page.evaluate(() => {
    const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
    const boxes = [...document.querySelectorAll('.react-flow__node')].map((e) => e.getBoundingClientRect());
    if (!pane || boxes.length === 0) return { width: 0, height: 0 };
    const width = Math.max(...boxes.map((b) => b.right)) - Math.min(...boxes.map((b) => b.left));
    const height = Math.max(...boxes.map((b) => b.bottom)) - Math.min(...boxes.map((b) => b.top));
    return { width: width / pane.width, height: height / pane.height };
  });
}

async function openCompose(page: Page, name: string, compose: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open or import a file' }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/yaml', buffer: Buffer.from(compose) });
}

const service = (name: string, dependsOn?: string) =>
  `  ${name}:\n    image: nginx:1.27\n${dependsOn ? `    depends_on:\n      - ${dependsOn}\n` : ''}`;

/**
 * A fit uses the space the floating parts leave: a tall graph (twelve services that use one: ELK
 * stacks them in one column) keeps the left and right columns clear (zoom controls; minimap and
 * dock) and takes the height, a wide one (a chain of eight) keeps the bottom and top strips clear
 * and takes the width. Before, every fit kept the bottom strip (184 px) and the top one (64 px)
 * free: the tall graph got 55 % of the canvas's height at 1280×800 and 49 % at 1024×700.
 */
for (const size of [
  { width: 1280, height: 800 },
  { width: 1024, height: 700 },
]) {
  test(`a fit gives a tall graph the height and a wide one the width, clear of the floating parts (${size.width}×${size.height})`, async ({
    page,
    canvas,
  }, testInfo) => {
    await page.setViewportSize(size);
    const tall = `services:\n${Array.from({ length: 12 }, (_, i) => service(`s${i}`, 'hub')).join('')}${service('hub')}`;
    await openCompose(page, 'tall.compose.yaml', tall);
    await expect(canvas.services).toHaveCount(13, { timeout: 20_000 });
    await settled(page);
    await screenshot(page, testInfo, 'tall-opened');
    expect((await covered(page)).hits, 'tall, after opening').toEqual([]);
    expect((await filled(page)).height, 'tall: share of the canvas height').toBeGreaterThan(0.7);
    await page.getByRole('button', { name: 'Zoom In' }).click();
    await fitByButton(page);
    expect((await covered(page)).hits, 'tall, after the fit button').toEqual([]);
    expect((await filled(page)).height, 'tall: share of the canvas height after the fit button').toBeGreaterThan(0.7);

    const wide = `services:\n${Array.from({ length: 8 }, (_, i) => service(`c${i}`, i < 7 ? `c${i + 1}` : undefined)).join('')}`;
    await openCompose(page, 'wide.compose.yaml', wide);
    await expect(canvas.services).toHaveCount(8, { timeout: 20_000 });
    await settled(page);
    await screenshot(page, testInfo, 'wide-opened');
    expect((await covered(page)).hits, 'wide, after opening').toEqual([]);
    expect((await filled(page)).width, 'wide: share of the canvas width').toBeGreaterThan(0.75);
  });
}
