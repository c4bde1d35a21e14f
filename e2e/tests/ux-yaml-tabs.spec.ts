import { expect, screenshot, test } from '../fixtures/app';

/**
 * The YAML panel's four tabs and its Save button fit the inspector's width at 1280×800 with their
 * fidelity-note counts: the Kubernetes tab was cut to "Kubernete" by the tabs' scroll box (its
 * scroll bar is hidden, so nothing said there was more).
 */
for (const [label, swarm] of [
  ['Three tiers: web, API, database', /^Swarm6$/],
  ['Sidecar, ambassador and adapter in one pod', /^Swarm\d\d$/],
] as const) {
  test(`the YAML tabs are whole at 1280×800 (${label})`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('combobox', { name: 'Start from a template' }).selectOption({ label });
    const tabs = page.getByRole('tablist').filter({ has: page.getByRole('tab', { name: /^Kubernetes/ }) });
    // The counts come with the analysis.
    await expect(tabs.getByRole('tab', { name: /^Swarm/ })).toHaveText(swarm, { timeout: 20_000 });
    await expect(tabs.getByRole('tab', { name: /^Kubernetes/ })).toHaveText(/^Kubernetes\d+$/);
    await screenshot(page, testInfo, 'yaml-tabs');
    const fit = await tabs.evaluate((list) => {
      const box = list.getBoundingClientRect();
      return {
        scrolls: list.scrollWidth > list.clientWidth,
        cut: [...list.querySelectorAll('[role="tab"]')]
          .filter((t) => {
            const r = t.getBoundingClientRect();
            return r.left < box.left - 0.5 || r.right > box.right + 0.5;
          })
          .map((t) => t.textContent),
      };
    });
    expect(fit).toEqual({ scrolls: false, cut: [] });
    await expect(page.getByRole('button', { name: /^Download the .* YAML$/ })).toBeVisible();
  });
}

/**
 * At a 1024 px window the inspector is narrower than the four tabs: the strip scrolls. A tab out of
 * view has a cue on its side (an arrow that brings it in), and the arrow keys move the selection
 * and the focus to the next tab and scroll it whole into view. Before, the Kubernetes tab hid
 * behind the Save button with nothing to say it was there, and the arrow keys left it hidden.
 */
test('every YAML tab is reachable and visibly so at 1024×700', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.getByRole('combobox', { name: 'Start from a template' }).selectOption({ label: 'Three tiers: web, API, database' });
  const tabs = page.getByRole('tablist').filter({ has: page.getByRole('tab', { name: /^Kubernetes/ }) });
  await expect(tabs.getByRole('tab', { name: /^Swarm/ })).toHaveText(/^Swarm6$/, { timeout: 20_000 });
  await expect(tabs.getByRole('tab', { name: /^Kubernetes/ })).toHaveText(/^Kubernetes\d+$/);
  const bar = page.locator('.tabs-bar');
  /** Tabs cut by the strip's edges, and the visible "more tabs" cues on each side. */
  const view = () =>
    tabs.evaluate((list) => {
      const box = list.getBoundingClientRect();
      const tab = (t: Element) => (t.textContent ?? '').replace(/\d+$/, '');
      const all = [...list.querySelectorAll('[role="tab"]')];
      const shown = (e: Element | null) =>
        !!e && e.getBoundingClientRect().width > 0 && !(e as HTMLButtonElement).disabled && getComputedStyle(e).visibility !== 'hidden';
      return {
        cutAfter: all.filter((t) => t.getBoundingClientRect().right > box.right + 0.5).map(tab),
        cutBefore: all.filter((t) => t.getBoundingClientRect().left < box.left - 0.5).map(tab),
        cueAfter: shown(list.parentElement?.querySelector('.tabs-more.is-end') ?? null),
        cueBefore: shown(list.parentElement?.querySelector('.tabs-more.is-start') ?? null),
        selected: list.querySelector('[aria-selected="true"]')?.textContent?.replace(/\d+$/, ''),
        focused: document.activeElement?.getAttribute('role') === 'tab' ? tab(document.activeElement) : null,
      };
    });
  await screenshot(page, testInfo, 'yaml-tabs-1024');
  const first = await view();
  // Every side with a cut tab shows its cue; the strip does not overlap the Save button.
  expect(first.cutAfter.length === 0 || first.cueAfter, `tabs cut on the right (${first.cutAfter}) without a cue`).toBe(true);
  expect(first.cutBefore.length === 0 || first.cueBefore, `tabs cut on the left (${first.cutBefore}) without a cue`).toBe(true);
  const save = await page.getByRole('button', { name: /^Download the .* YAML$/ }).boundingBox();
  const strip = await tabs.boundingBox();
  expect(save && strip && strip.x + strip.width <= save.x + 0.5).toBe(true);
  await expect(bar).toBeVisible();

  // By keyboard: from Compose, → → reaches Kubernetes, selected, focused and whole in view; ← ← back.
  await tabs.getByRole('tab', { name: /^Compose/ }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await view()).selected).toBe('Kubernetes');
  await expect.poll(async () => (await view()).cutAfter).not.toContain('Kubernetes');
  const right = await view();
  expect(right.focused).toBe('Kubernetes');
  expect(right.cutBefore.length === 0 || right.cueBefore, `tabs cut on the left (${right.cutBefore}) without a cue`).toBe(true);
  await screenshot(page, testInfo, 'yaml-tabs-1024-kubernetes');
  await page.keyboard.press('Home');
  await expect.poll(async () => (await view()).cutBefore).toEqual([]);
  expect((await view()).focused).toBe('Blueprint');
  await page.keyboard.press('End');
  await expect.poll(async () => (await view()).focused).toBe('Kubernetes');
  await expect.poll(async () => (await view()).cutAfter).toEqual([]);

  // By mouse: the cue on the left brings the first tab back.
  await page.locator('.tabs-more.is-start').click();
  await expect.poll(async () => (await view()).cutBefore).toEqual([]);
});
