import { readFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import { expect, screenshot, test } from '../fixtures/app';

/** Picks an item of the toolbar's Export menu and waits for the file it downloads. */
async function exportAs(page: Page, item: string): Promise<Download> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('menu', { name: 'Export' }).getByRole('menuitem', { name: item }).click();
  return download;
}

async function bytes(download: Download): Promise<Buffer> {
  const path = await download.path();
  return readFile(path);
}

test('exports the diagram as a vector SVG with every node, and as a 2x PNG', async ({ page, canvas, inspector }, testInfo) => {
  await page.getByRole('combobox', { name: 'Start from a template' }).selectOption({ label: 'Sidecar, ambassador and adapter in one pod' });
  const services = ['web', 'redis', 'migrate'];
  for (const name of services) await expect(canvas.service(name)).toBeVisible();
  // An edit that changes only what a node shows (React Flow keeps the node's object; its data is
  // live, canvas/live-data.ts): the node and the drawing show the new image.
  await canvas.service('migrate').click();
  await inspector.setImage('edited/migrate:9');
  await expect(canvas.service('migrate')).toContainText('edited/migrate:9');

  const svgDownload = await exportAs(page, 'Diagram as SVG');
  expect(svgDownload.suggestedFilename()).toBe('patterns.svg');
  const svg = (await bytes(svgDownload)).toString('utf8');
  await svgDownload.saveAs(testInfo.outputPath('patterns.svg'));

  // Well-formed for a real XML parser, drawn with shapes and text only.
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: doc.documentElement.localName,
      foreign: doc.getElementsByTagName('foreignObject').length,
      titles: [...doc.querySelectorAll('g.node > title')].map((t) => t.textContent),
      texts: [...doc.querySelectorAll('text')].map((t) => t.textContent),
    };
  }, svg);
  expect(parsed.error).toBeNull();
  expect(parsed.root).toBe('svg');
  expect(parsed.foreign).toBe(0);
  for (const name of services) expect(parsed.titles).toContain(`Service ${name}`);
  expect(parsed.titles).toEqual(expect.arrayContaining(['Volume content', 'Volume redis-data']));
  // Every node on the canvas is in the drawing (services, volumes, networks, exposures).
  const onCanvas = await canvas.root.locator('.react-flow__node').count();
  expect(parsed.titles).toHaveLength(onCanvas);
  for (const label of ['sidecar', 'ambassador', 'adapter', 'init', 'uses · healthy']) expect(parsed.texts).toContain(label);
  expect(parsed.texts.some((t) => t?.startsWith('edited/migrate'))).toBe(true);

  const pngDownload = await exportAs(page, 'Diagram as PNG');
  expect(pngDownload.suggestedFilename()).toBe('patterns.png');
  const png = await bytes(pngDownload);
  await pngDownload.saveAs(testInfo.outputPath('patterns.png'));
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  const svgWidth = Number(/<svg[^>]* width="(\d+)"/.exec(svg)?.[1]);
  const svgHeight = Number(/<svg[^>]* height="(\d+)"/.exec(svg)?.[1]);
  expect(png.readUInt32BE(16)).toBe(svgWidth * 2);
  expect(png.readUInt32BE(20)).toBe(svgHeight * 2);
  // Not blank: the PNG decodes in the browser and has dark (text) pixels.
  const inked = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.naturalWidth;
    c.height = img.naturalHeight;
    const ctx = c.getContext('2d');
    if (!ctx) return 0;
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, c.width, c.height).data;
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 255) < 80 && (data[i + 1] ?? 255) < 80) dark++;
    return dark;
  }, png.toString('base64'));
  expect(inked).toBeGreaterThan(500);

  // A look at what was exported: the PNG shown on its own page.
  const view = await page.context().newPage();
  await view.setContent(
    `<body style="margin:0;background:#888"><img alt="export" src="data:image/png;base64,${png.toString('base64')}" style="width:${svgWidth}px"></body>`,
  );
  await view.locator('img').evaluate((img: HTMLImageElement) => img.decode());
  await screenshot(view, testInfo, 'exported-png');
  await view.close();
  await screenshot(page, testInfo, 'canvas-exported');
});

test('exports the Compose file and the blueprint from the Export menu, by mouse and by keyboard', async ({ page }) => {
  const compose = await exportAs(page, 'Compose file');
  expect(compose.suggestedFilename()).toBe('compose.yaml');
  const text = (await bytes(compose)).toString('utf8');
  for (const s of ['weba:', 'webb:', 'haproxy:', 'depends_on:']) expect(text).toContain(s);

  const blueprint = await exportAs(page, 'Blueprint YAML');
  expect(blueprint.suggestedFilename()).toBe('seed-haproxy.blueprint.yaml');
  expect((await bytes(blueprint)).toString('utf8')).toMatch(/^apiVersion: blaupause\.dev\/v1\nkind: Blueprint\n/);

  // By keyboard: Enter opens the menu on its first item, arrows move, Escape closes, Enter picks.
  const button = page.getByRole('button', { name: 'Export', exact: true });
  const menu = page.getByRole('menu', { name: 'Export' });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(menu.getByRole('menuitem', { name: /^Blueprint YAML/ })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(button).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowUp');
  await expect(menu.getByRole('menuitem', { name: /^Diagram as SVG/ })).toBeFocused();
  const svg = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  expect((await svg).suggestedFilename()).toBe('seed-haproxy.svg');
  await expect(menu).toBeHidden();
});
