import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { expect, screenshot, test } from '../fixtures/app';

/** The teaching view (issue 8), opened from the toolbar. */
async function openTeaching(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Teach' }).click();
  const teach = page.getByRole('dialog', { name: 'Teaching view' });
  await expect(teach).toBeVisible();
  return teach;
}

const pane = (teach: Locator, view: 'one' | 'two') => teach.locator(`[data-pane="${view}"]`);
const box = (scope: Locator, label: string) => scope.locator(`[aria-label="${label}"]`);
/** Lines marked in one YAML excerpt, as text without the line number. */
const markedLines = (teach: Locator, file: 'compose' | 'kubernetes') =>
  teach
    .getByRole('figure', { name: new RegExp(`^${file}\\.yaml`) })
    .locator('.t-yaml-line.is-marked')
    .evaluateAll((els) => els.map((el) => (el.textContent ?? '').replace(/^\d+/, '').replace(/\n$/, '')));

test('the guided tour: plain Docker, Docker Compose, Kubernetes, both models; ←/→ step, Esc leaves and the blueprint comes back', async ({
  page,
  canvas,
}, testInfo) => {
  // The user's own blueprint before the tour: the three-tier template.
  await page.getByRole('combobox', { name: 'Start from a template' }).selectOption({ label: 'Three tiers: web, API, database' });
  for (const name of ['web', 'api', 'db']) await expect(canvas.service(name)).toBeVisible();
  await canvas.service('api').click();
  const teach = await openTeaching(page);
  // The view is modal: keys do not reach the canvas (Delete would remove the selected service).
  await page.keyboard.press('Delete');
  await page.keyboard.press('Backspace');
  await teach.getByRole('button', { name: 'Start tour' }).click();
  const step = teach.getByRole('region', { name: 'Tour step' });

  await expect(step.getByRole('heading', { level: 2 })).toHaveText('Plain Docker: one container');
  await expect(step).toContainText('EXPOSE 80');
  await expect(step).toContainText('docker run -d --link nginx:nginx');
  await expect(box(pane(teach, 'one'), 'Container nginx')).toBeVisible();
  await expect(box(pane(teach, 'one'), 'Docker host')).toContainText(':80 → nginx');
  await expect(pane(teach, 'one').locator('[data-kind="container"]')).toHaveCount(1);
  await expect(pane(teach, 'two')).toHaveCount(0);
  await expect(teach.getByRole('region', { name: '1-level orchestration' })).toContainText('You decide');
  await page.waitForTimeout(700);
  await screenshot(page, testInfo, 'tour-1-docker');

  await page.keyboard.press('ArrowRight');
  await expect(step.getByRole('heading', { level: 2 })).toHaveText('Docker Compose: weba and webb behind haproxy');
  for (const name of ['weba', 'webb', 'haproxy']) await expect(box(pane(teach, 'one'), `Container ${name}`)).toBeVisible();
  await expect(pane(teach, 'one').locator('.t-edge.t-edge-link')).toHaveCount(2);
  await expect(box(pane(teach, 'one'), 'Container haproxy')).toContainText('qaware/haproxy');
  await page.waitForTimeout(700);
  await screenshot(page, testInfo, 'tour-2-compose');

  await page.keyboard.press('ArrowRight');
  await expect(step.getByRole('heading', { level: 2 })).toHaveText('Kubernetes: the same app as Deployments and Services');
  const two = pane(teach, 'two');
  for (const name of ['weba', 'webb', 'haproxy']) {
    await expect(box(two, `Deployment ${name}`)).toBeVisible();
    await expect(box(two, `ReplicaSet ${name}`)).toBeVisible();
    await expect(box(two, `Pod ${name} 1`)).toBeVisible();
    await expect(box(two, `Service ${name}`)).toContainText(`selector name=${name}`);
  }
  await expect(box(two, 'Service haproxy-published')).toContainText('LoadBalancer');
  await expect(box(two, 'Image qaware/nginx')).toBeVisible();
  await expect(two.locator('.t-edge.t-edge-select')).toHaveCount(4);
  await expect(two.locator('.t-edge.t-edge-dns')).toHaveCount(2);
  await expect(pane(teach, 'one')).toHaveCount(0);
  await page.waitForTimeout(900);
  await screenshot(page, testInfo, 'tour-3-kubernetes');

  await page.keyboard.press('ArrowRight');
  await expect(step.getByRole('heading', { level: 2 })).toHaveText('One blueprint, two models');
  await expect(pane(teach, 'one')).toBeVisible();
  await expect(pane(teach, 'two')).toBeVisible();
  await expect(teach.getByText('Step 4 of 4')).toBeVisible();
  // The last step is the last: → stays, ← goes back.
  await page.keyboard.press('ArrowRight');
  await expect(teach.getByText('Step 4 of 4')).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await expect(step.getByRole('heading', { level: 2 })).toHaveText('Kubernetes: the same app as Deployments and Services');

  // Esc ends the tour: the user's blueprint is back in both views.
  await page.keyboard.press('Escape');
  await expect(step).toHaveCount(0);
  await expect(teach.getByRole('button', { name: 'Start tour' })).toBeVisible();
  await expect(teach.locator('.doc-name')).toHaveText('three-tier');
  // (The view stays on the last step's model, 2-level.)
  for (const name of ['web', 'api', 'db']) await expect(box(pane(teach, 'two'), `Deployment ${name}`)).toBeVisible();
  await expect(box(pane(teach, 'two'), 'Deployment weba')).toHaveCount(0);
  // Esc again leaves the teaching view; the designer shows the user's blueprint.
  await page.keyboard.press('Escape');
  await expect(teach).toHaveCount(0);
  for (const name of ['web', 'api', 'db']) await expect(canvas.service(name)).toBeVisible();
  await expect(canvas.service('haproxy')).toHaveCount(0);
});

test('hovering a container lights its Deployment, Pod and Service and the YAML lines that produced them; switching morphs the graph into pods', async ({
  page,
}, testInfo) => {
  const teach = await openTeaching(page);
  const one = pane(teach, 'one');
  const two = pane(teach, 'two');
  await expect(box(two, 'Deployment weba')).toBeVisible();
  await expect(teach.getByText('Point at a box to see the lines that produced it.')).toHaveCount(2);

  await box(one, 'Container weba').hover();
  for (const label of [
    'Deployment weba',
    'ReplicaSet weba',
    'Pod weba 1',
    'Service weba',
    'Image qaware/nginx',
    'Container nginx in pod weba 1',
  ])
    await expect(box(two, label), label).toHaveClass(/is-hot/);
  for (const label of ['Deployment webb', 'Pod haproxy 1', 'Service haproxy'])
    await expect(box(two, label), label).not.toHaveClass(/is-hot/);
  await expect(box(one, 'Container webb')).not.toHaveClass(/is-hot/);
  const compose = await markedLines(teach, 'compose');
  expect(compose[0]).toBe('  weba:');
  expect(compose).toContain('    image: qaware/nginx');
  expect(compose).not.toContain('  webb:');
  const kube = await markedLines(teach, 'kubernetes');
  expect(kube.filter((l) => l === '  name: weba')).toHaveLength(2);
  expect(kube).toContain('kind: Deployment');
  expect(kube).toContain('kind: Service');
  expect(kube).not.toContain('  name: webb');
  await screenshot(page, testInfo, 'hover-weba-both');

  // Backwards: a Service in 2-level lights its container in the graph.
  await box(two, 'Service haproxy').hover();
  await expect(box(one, 'Container haproxy')).toHaveClass(/is-hot/);
  await expect(box(one, 'Container weba')).not.toHaveClass(/is-hot/);
  expect(await markedLines(teach, 'compose')).toContain('  haproxy:');

  // 1-level alone, then 2-level: the container's box is the same element, gliding into its pod.
  await teach.getByRole('radio', { name: '1-level' }).click();
  const weba = teach.locator('[data-key="c:container:weba/nginx"]');
  await expect(weba).toHaveAttribute('data-kind', 'container');
  const handle = await weba.elementHandle();
  const start = await weba.evaluate((el) => (el as SVGGElement).style.transform);
  await teach.getByRole('radio', { name: '2-level' }).click();
  await expect(teach.locator('[data-pane="two"]')).toBeVisible();
  expect(await handle?.evaluate((el) => [el.isConnected, el.getAttribute('data-kind'), getComputedStyle(el).transitionDuration])).toEqual([
    true,
    'chip',
    '0.65s, 0.2s',
  ]);
  expect(await weba.evaluate((el) => (el as SVGGElement).style.transform)).not.toBe(start);
  await page.waitForTimeout(900);
  await box(teach, 'Deployment haproxy').hover();
  await expect(box(teach, 'Container haproxy in pod haproxy 1')).toHaveClass(/is-hot/);
  expect(await markedLines(teach, 'kubernetes')).toContain('      - name: wait-for-weba');
  await screenshot(page, testInfo, 'two-level-hover-haproxy');
});

test('presentation mode hides the chrome, shows large type and steps with the keyboard', async ({ page }, testInfo) => {
  const teach = await openTeaching(page);
  await teach.getByRole('button', { name: 'Start tour' }).click();
  await expect(teach.getByRole('heading', { name: 'Plain Docker: one container' })).toBeVisible();
  await teach.getByRole('button', { name: 'Present' }).click();
  await expect(teach).toHaveClass(/is-present/);
  await expect(teach.locator('.teach-bar')).toBeHidden();
  await expect(teach.getByRole('region', { name: 'YAML behind the pointer' })).toBeHidden();
  await expect(teach.getByRole('button', { name: 'Start tour' })).toBeHidden();
  const heading = teach.getByRole('heading', { name: 'Plain Docker: one container' });
  expect(await heading.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(30);
  await page.keyboard.press('ArrowRight');
  const compose = teach.getByRole('heading', { name: 'Docker Compose: weba and webb behind haproxy' });
  await expect(compose).toBeVisible();
  await expect(teach.getByText('Step 2 of 4 · ← → step · Esc leaves')).toBeVisible();
  await page.waitForTimeout(700);
  await screenshot(page, testInfo, 'presentation-compose');
  await page.keyboard.press('ArrowRight');
  await expect(teach.getByRole('heading', { name: 'Kubernetes: the same app as Deployments and Services' })).toBeVisible();
  await page.waitForTimeout(900);
  await screenshot(page, testInfo, 'presentation-kubernetes');
  // Esc leaves the presentation first; the controls are back.
  await page.keyboard.press('Escape');
  await expect(teach).not.toHaveClass(/is-present/);
  await expect(teach.locator('.teach-bar')).toBeVisible();
});

test('the HTML export is one self-contained file with both views and the explanation', async ({ page, browser }, testInfo) => {
  const teach = await openTeaching(page);
  await expect(box(pane(teach, 'two'), 'Deployment weba')).toBeVisible();
  const download = page.waitForEvent('download');
  await teach.getByRole('button', { name: 'Export HTML' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('seed-haproxy-orchestration.html');
  const html = await readFile(await file.path(), 'utf8');
  await file.saveAs(testInfo.outputPath('seed-haproxy-orchestration.html'));
  expect(html.match(/<svg /g)).toHaveLength(2);
  expect(html).toContain('aria-label="Container weba"');
  expect(html).toContain('aria-label="Deployment weba"');
  expect(html).toContain('aria-label="Service haproxy-published"');
  expect(html).toContain('The orchestrator decides');
  expect(html).not.toMatch(/<script|<link|src=/i);

  // Opened on its own (no network at all), it shows both diagrams.
  const context = await browser.newContext({ offline: true, viewport: { width: 1280, height: 900 } });
  const view = await context.newPage();
  const requests: string[] = [];
  view.on('request', (r) => {
    if (!r.url().startsWith('data:') && !r.url().startsWith('about:')) requests.push(r.url());
  });
  await view.setContent(html);
  await expect(view.locator('svg[data-view="one"] [aria-label="Container haproxy"]')).toBeVisible();
  await expect(view.locator('svg[data-view="two"] [aria-label="Pod weba 1"]')).toBeVisible();
  expect(requests).toEqual([]);
  await view.screenshot({ path: testInfo.outputPath('export.png'), fullPage: true });
  await context.close();
});

test('dark theme, the patterns template: pod-mates share one pod, an autoscaled Deployment', async ({ page, canvas }, testInfo) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByRole('combobox', { name: 'Start from a template' }).selectOption({ label: 'Sidecar, ambassador and adapter in one pod' });
  await expect(canvas.service('migrate')).toBeVisible();
  const teach = await openTeaching(page);
  const one = pane(teach, 'one');
  const two = pane(teach, 'two');
  // 1-level: every container of the pod is a node of its own, joined to web's network.
  for (const name of ['web', 'web-git-sync', 'web-redis-proxy', 'web-metrics', 'redis'])
    await expect(box(one, `Container ${name}`)).toBeVisible();
  await expect(one.locator('.t-edge.t-edge-namespace')).toHaveCount(3);
  // 2-level: they are containers of one pod; the HPA's minimum gives two pods.
  await expect(box(two, 'Deployment web')).toContainText('replicas: HPA (min 2)');
  await expect(box(two, 'Pod web 2')).toBeVisible();
  await expect(box(two, 'HorizontalPodAutoscaler web')).toBeVisible();
  await box(one, 'Container web-git-sync').hover();
  await expect(box(two, 'Container git-sync in pod web 1')).toHaveClass(/is-hot/);
  await expect(box(two, 'Deployment web')).toHaveClass(/is-hot/);
  await expect(box(two, 'Container nginx in pod web 1')).not.toHaveClass(/is-hot/);
  const fill = await box(two, 'Deployment web')
    .locator('.t-box')
    .evaluate((el) => getComputedStyle(el).fill);
  expect(fill).toBe('rgb(23, 28, 38)');
  await page.waitForTimeout(500);
  await screenshot(page, testInfo, 'dark-patterns-hover-git-sync');
});

test('an empty blueprint says so instead of drawing empty diagrams', async ({ page }) => {
  await page.getByRole('combobox', { name: 'Start from a template' }).selectOption({ label: 'Empty blueprint' });
  const teach = await openTeaching(page);
  await expect(teach.getByText('This blueprint has no containers yet')).toBeVisible();
  await expect(teach.locator('svg.t-diagram')).toHaveCount(0);
  await teach.getByRole('button', { name: 'Start tour' }).click();
  await expect(box(pane(teach, 'one'), 'Container nginx')).toBeVisible();
});

test('the view follows the URL fragment #teach: Back closes it, Forward and a link open it', async ({ page }) => {
  const teach = await openTeaching(page);
  await expect(page).toHaveURL(/#teach$/);
  await page.goBack();
  await expect(teach).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Canvas' })).toBeVisible();
  await page.goForward();
  await expect(teach).toBeVisible();
  await teach.getByRole('button', { name: '← Designer' }).click();
  await expect(teach).toHaveCount(0);
  await expect(page).not.toHaveURL(/#teach/);
  await page.goto('/#teach');
  await page.reload();
  await expect(teach).toBeVisible();
  await expect(box(pane(teach, 'two'), 'Deployment weba')).toBeVisible();
});
