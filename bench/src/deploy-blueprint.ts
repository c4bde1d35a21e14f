import type { BlueprintInput } from '@blaupause/model';
import { rng } from './lib/stats';

export const BENCH_IMAGE = 'blaupause-test/busybox:1';

const HEALTHCHECK = (interval: string) => ({
  test: { exec: ['wget', '-q', '-O', '/dev/null', 'http://127.0.0.1/'] },
  interval,
  timeout: '2s',
  retries: 3,
});

/**
 * The deploy benchmark's blueprint: `n` services on `levels` levels (n / levels per level), each
 * service below the first linking to one or two services of the level above (chains of links).
 * Every service runs busybox httpd (serving the image's /www/index.html) with a healthcheck; one link per level (after the first) asks
 * for `healthy`, the others for `started`. Fixed seed: the same graph every run. `health: false`
 * leaves the health checks out (every link then asks for `started`): the 100-service scale run.
 */
export function deployBlueprint(n = 20, levels = 4, seed = 20261128, health = true): BlueprintInput {
  const random = rng(seed);
  const perLevel = Math.ceil(n / levels);
  const name = (i: number) => `s${String(i).padStart(n > 100 ? 3 : 2, '0')}`;
  const services: NonNullable<BlueprintInput['services']> = {};
  for (let i = 0; i < n; i++) {
    const level = Math.floor(i / perLevel);
    const above = Array.from({ length: perLevel }, (_, k) => (level - 1) * perLevel + k).filter((k) => k >= 0 && k < n);
    const links: { to: string; condition: 'started' | 'healthy' }[] = [];
    if (level > 0) {
      const first = above[Math.floor(random() * above.length)] as number;
      // The first service of each level waits for its first link to be healthy.
      links.push({ to: name(first), condition: health && i % perLevel === 0 ? 'healthy' : 'started' });
      if (random() < 0.5) {
        const second = above[Math.floor(random() * above.length)] as number;
        if (second !== first) links.push({ to: name(second), condition: 'started' });
      }
    }
    services[name(i)] = {
      ports: [{ port: 80 }],
      links,
      containers: {
        web: {
          image: BENCH_IMAGE,
          command: ['busybox', 'httpd', '-f', '-p', '80', '-h', '/www'],
          ...(health ? { healthcheck: HEALTHCHECK('500ms') } : {}),
        },
      },
    };
  }
  return { apiVersion: 'blaupause.dev/v1', kind: 'Blueprint', metadata: { name: `deploy-bench-${n}` }, services };
}

/**
 * A chain of `levels` services, each linking to the one before with `healthy` (anchor D2): the
 * hand-off from one service's healthy event to the next one's start is what the chain measures.
 * The same health check (interval 1 s) on both sides.
 */
export function chainBlueprint(levels = 5): BlueprintInput {
  const services: NonNullable<BlueprintInput['services']> = {};
  for (let i = 0; i < levels; i++)
    services[`c${i}`] = {
      ports: [{ port: 80 }],
      links: i > 0 ? [{ to: `c${i - 1}`, condition: 'healthy' }] : [],
      containers: {
        web: {
          image: BENCH_IMAGE,
          command: ['busybox', 'httpd', '-f', '-p', '80', '-h', '/www'],
          healthcheck: HEALTHCHECK('1s'),
        },
      },
    };
  return { apiVersion: 'blaupause.dev/v1', kind: 'Blueprint', metadata: { name: `chain-bench-${levels}` }, services };
}
