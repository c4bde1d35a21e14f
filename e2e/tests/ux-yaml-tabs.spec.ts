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
