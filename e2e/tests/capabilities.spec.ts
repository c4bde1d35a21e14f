import type { Locator, Page } from '@playwright/test';
import { expect, screenshot, test } from '../fixtures/app';

/** The capability matrix (issue 8, "What each target automates") in the teaching view. */
async function openMatrix(page: Page, template: string): Promise<Locator> {
  await page.getByRole('combobox', { name: 'Start from a template' }).selectOption({ label: template });
  await page.getByRole('button', { name: 'Teach' }).click();
  const teach = page.getByRole('dialog', { name: 'Teaching view' });
  const slot = teach.getByRole('region', { name: 'What each target automates' });
  await expect(slot.getByRole('table')).toBeVisible();
  return slot;
}
const cell = (slot: Locator, duty: string, target: string) => slot.getByRole('button', { name: new RegExp(`^${esc(duty)} · ${target}: `) });
const esc = (s: string) => s.replace(/[()]/g, '\\$&');

const DUTIES = [
  'Scheduling with constraints',
  'Networking between containers',
  'Persistent storage',
  '(Auto-)scaling',
  'Auto-healing, re-scheduling',
  'Container logistics',
  'Package management',
  'Admin interfaces',
  'Service discovery, naming, load balancing',
  'Rollout workflows (canary)',
  'Monitoring and diagnosis',
];

const TARGETS = [
  { tab: 'Compose', column: 'Compose', notes: 0 },
  { tab: 'Swarm', column: 'Swarm', notes: 2 },
  { tab: 'Kubernetes', column: 'Kubernetes', notes: 1 },
] as const;

test('the seed example: every duty against four targets, the compiler’s notes as evidence', async ({ page, yaml }, testInfo) => {
  await page.getByRole('combobox', { name: 'Start from a template' }).selectOption({ label: 'Two web servers behind haproxy' });
  // The designer's own list of each target's fidelity notes (under its YAML tab).
  const designer: Record<string, string[]> = {};
  for (const t of TARGETS) {
    await yaml.open(t.tab);
    const list = yaml.root.getByRole('list', { name: `Fidelity notes: ${t.tab}` });
    await expect(list.getByRole('listitem')).toHaveCount(t.notes);
    designer[t.tab] = (await list.locator('.note-message').allTextContents()).sort();
  }
  const slot = await openMatrix(page, 'Two web servers behind haproxy');
  await expect(slot.getByRole('rowheader')).toHaveText(DUTIES);
  await expect(slot.getByRole('columnheader')).toHaveText(['Duty', 'DockerBlaupause', 'Compose', 'Swarm', 'K8s']);
  await slot.screenshot({ path: testInfo.outputPath('seed-matrix.png') });

  // Facts for this blueprint: no scaling policy (nobody autoscales), no volumes, Compose does not roll.
  await expect(cell(slot, '(Auto-)scaling', 'Kubernetes')).toHaveAttribute('data-level', 'manual');
  await expect(cell(slot, '(Auto-)scaling', 'Compose')).toHaveAttribute('data-level', 'manual');
  await expect(cell(slot, 'Persistent storage', 'Swarm')).toHaveAttribute('data-level', 'not-applicable');
  await expect(cell(slot, 'Rollout workflows (canary)', 'Compose')).toHaveAttribute('data-level', 'manual');
  await expect(cell(slot, 'Auto-healing, re-scheduling', 'Docker via Blaupause')).toHaveAttribute('data-level', 'automated');

  // The compiler's three notes for this blueprint, each in the cell of its duty.
  const buttons = slot.getByRole('button', { name: /compiler notes?$/ });
  await expect(buttons).toHaveCount(2);
  const scheduling = cell(slot, 'Scheduling with constraints', 'Swarm');
  await expect(scheduling).toHaveAccessibleName('Scheduling with constraints · Swarm: Partly, 2 compiler notes');
  await scheduling.click();
  const detail = slot.getByRole('region', { name: 'Scheduling with constraints · Swarm' });
  await expect(detail).toContainText('Swarm ignores start order: haproxy may start before weba has started.');
  await expect(detail).toContainText('Swarm ignores start order: haproxy may start before webb has started.');
  await expect(detail.getByText('services.haproxy.links.0')).toBeVisible();
  await detail.scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  await screenshot(page, testInfo, 'seed-swarm-scheduling');

  const networking = cell(slot, 'Networking between containers', 'Kubernetes');
  await expect(networking).toHaveAccessibleName('Networking between containers · Kubernetes: Partly, 1 compiler note');
  await networking.click();
  await expect(slot.getByRole('region', { name: 'Networking between containers · Kubernetes' })).toContainText(
    'Port 80 is outside the NodePort range (30000–32767): it is published by a LoadBalancer Service on port 80.',
  );
  await expect(detail).toHaveCount(0);
  // Every note of every target is shown in the matrix — in that target's column — and nothing else.
  for (const t of TARGETS) {
    const shown: string[] = [];
    const withNotes = slot.getByRole('button', { name: new RegExp(` · ${t.column}: .*compiler notes?$`) });
    for (let i = 0; i < (await withNotes.count()); i++) {
      const button = withNotes.nth(i);
      const name = (await button.getAttribute('aria-label')) ?? '';
      await button.click();
      const region = slot.getByRole('region', { name: name.slice(0, name.indexOf(':')) });
      await expect(region).toBeVisible();
      shown.push(...(await region.locator('.cap-note-message').allTextContents()));
    }
    expect(shown.sort(), t.column).toEqual(designer[t.tab]);
  }

  // The reason is also the cell's tooltip.
  await expect(cell(slot, '(Auto-)scaling', 'Kubernetes')).toHaveAttribute('title', /no HorizontalPodAutoscaler is written/);
});

test('dark theme, the patterns template: autoscaling on Kubernetes, with the note why the autoscaler cannot act', async ({
  page,
}, testInfo) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const slot = await openMatrix(page, 'Sidecar, ambassador and adapter in one pod');
  const k = cell(slot, '(Auto-)scaling', 'Kubernetes');
  await expect(k).toHaveAttribute('data-level', 'partial');
  // By keyboard: Enter on the focused cell opens its detail.
  await k.focus();
  await page.keyboard.press('Enter');
  await expect(k).toHaveAttribute('aria-pressed', 'true');
  const detail = slot.getByRole('region', { name: '(Auto-)scaling · Kubernetes' });
  await expect(detail).toContainText('A HorizontalPodAutoscaler scales web');
  await expect(detail).toContainText('so the autoscaler cannot act');
  await detail.scrollIntoViewIfNeeded();
  await expect(cell(slot, '(Auto-)scaling', 'Compose')).toHaveAccessibleName('(Auto-)scaling · Compose: By hand, 1 compiler note');
  await page.waitForTimeout(300);
  await screenshot(page, testInfo, 'dark-patterns-scaling');
});
