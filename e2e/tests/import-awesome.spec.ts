import { fileURLToPath } from 'node:url';
import { expect, screenshot, test } from '../fixtures/app';

/** Real files from docker/awesome-compose (copied into fixtures/files: the shared corpus is not in a fresh clone). */
const CASES = [
  {
    file: 'awesome-elasticsearch-logstash-kibana.compose.yaml',
    services: ['elasticsearch', 'logstash', 'kibana'],
    links: [
      ['logstash', 'elasticsearch'],
      ['kibana', 'elasticsearch'],
    ],
    published: { kibana: '5601 → host:5601' } as Record<string, string>,
    network: 'elastic',
  },
  {
    file: 'awesome-nginx-golang-postgres.compose.yaml',
    services: ['backend', 'db', 'proxy'],
    links: [
      ['backend', 'db'],
      ['proxy', 'backend'],
    ],
    published: { proxy: '80 → host:80' } as Record<string, string>,
    volume: 'db-data',
  },
];

for (const c of CASES) {
  test(`imports awesome-compose ${c.file}: one node per service, its links and ports`, async ({ page, canvas, yaml }, testInfo) => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open or import a file' }).click();
    await (await chooser).setFiles(fileURLToPath(new URL(`../fixtures/files/${c.file}`, import.meta.url)));

    await expect(canvas.services).toHaveCount(c.services.length);
    for (const name of c.services) await expect(canvas.service(name)).toBeVisible();
    for (const [from, to] of c.links) await expect(canvas.link(from ?? '', to ?? '')).toHaveCount(1);
    await expect(canvas.links).toHaveCount(c.links.length);
    for (const [service, port] of Object.entries(c.published)) await expect(canvas.service(service)).toContainText(port);
    if (c.network) await expect(canvas.root.getByRole('article', { name: `Network ${c.network}`, exact: true })).toBeVisible();
    if (c.volume) await expect(canvas.root.getByRole('article', { name: `Volume ${c.volume}`, exact: true })).toBeVisible();

    // And it compiles back: the Compose tab has the same services.
    await yaml.open('Compose');
    await expect.poll(async () => (await yaml.keysAt('services')).sort()).toEqual([...c.services].sort());
    await screenshot(page, testInfo, `imported-${c.file.replace(/\.compose\.yaml$/, '')}`);
  });
}
