import { expect, screenshot, test } from '../fixtures/app';

test('builds the seed Compose example by mouse and reads it back from the Compose tab', async ({
  page,
  canvas,
  inspector,
  yaml,
}, testInfo) => {
  await canvas.startEmpty();

  // Three services dragged from the palette; each drop selects the new service in the inspector.
  const spots = [
    { name: 'weba', image: 'qaware/nginx', at: { x: 520, y: 120 } },
    { name: 'webb', image: 'qaware/nginx', at: { x: 520, y: 380 } },
    { name: 'haproxy', image: 'qaware/haproxy', at: { x: 180, y: 250 } },
  ];
  for (const [i, s] of spots.entries()) {
    await canvas.dropService(s.at);
    await expect(canvas.services).toHaveCount(i + 1);
    await expect(inspector.name).toHaveValue('service');
    await inspector.rename(s.name);
    await inspector.setImage(s.image);
    await expect(canvas.service(s.name)).toContainText(s.image);
  }
  await inspector.addPort(80, 80);
  await expect(canvas.service('haproxy')).toContainText('80 → host:80');

  await canvas.drawLink('haproxy', 'weba');
  await expect(canvas.link('haproxy', 'weba')).toHaveCount(1);
  await canvas.drawLink('haproxy', 'webb');
  await expect(canvas.link('haproxy', 'webb')).toHaveCount(1);
  await expect(canvas.links).toHaveCount(2);

  await yaml.open('Compose');
  await expect(yaml.tab('Compose')).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => yaml.keysAt('services')).toEqual(['weba', 'webb', 'haproxy']);
  await expect.poll(() => yaml.keysAt('services', 'haproxy', 'depends_on')).toEqual(['weba', 'webb']);
  for (const s of spots) await expect.poll(() => yaml.blockAt('services', s.name)).toMatch(new RegExp(`^ +image: ${s.image}$`, 'm'));
  const ports = await yaml.blockAt('services', 'haproxy', 'ports');
  expect(ports).toMatch(/- target: 80\n\s+published: 80\n/);
  // Only haproxy publishes a port.
  expect(await yaml.blockAt('services', 'weba', 'ports')).toBeUndefined();
  expect(await yaml.blockAt('services', 'webb', 'ports')).toBeUndefined();
  await expect(page.getByRole('region', { name: 'Problems' })).toContainText('0 errors');

  await screenshot(page, testInfo, 'compose-built-by-mouse');
});
