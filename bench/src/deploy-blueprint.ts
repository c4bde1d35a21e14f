import type { BlueprintInput } from '@blaupause/model';

export const BENCH_IMAGE = 'blaupause-test/busybox:1';

/** A small deterministic PRNG (mulberry32): both sides of the benchmark get the same graph. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The deploy benchmark's blueprint: `n` services on `levels` levels (n / levels per level), each
 * service below the first linking to one or two services of the level above (chains of links).
 * Every service runs busybox httpd (serving the image's /www/index.html) with a healthcheck; one link per level (after the first) asks
 * for `healthy`, the others for `started`. Fixed seed: the same graph every run.
 */
export function deployBlueprint(n = 20, levels = 4, seed = 20261128): BlueprintInput {
  const random = rng(seed);
  const perLevel = Math.ceil(n / levels);
  const name = (i: number) => `s${String(i).padStart(2, '0')}`;
  const services: NonNullable<BlueprintInput['services']> = {};
  for (let i = 0; i < n; i++) {
    const level = Math.floor(i / perLevel);
    const above = Array.from({ length: perLevel }, (_, k) => (level - 1) * perLevel + k).filter((k) => k >= 0 && k < n);
    const links: { to: string; condition: 'started' | 'healthy' }[] = [];
    if (level > 0) {
      const first = above[Math.floor(random() * above.length)] as number;
      // The first service of each level waits for its first link to be healthy.
      links.push({ to: name(first), condition: i % perLevel === 0 ? 'healthy' : 'started' });
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
          healthcheck: {
            test: { exec: ['wget', '-q', '-O', '/dev/null', 'http://127.0.0.1/'] },
            interval: '500ms',
            timeout: '2s',
            retries: 3,
          },
        },
      },
    };
  }
  return { apiVersion: 'blaupause.dev/v1', kind: 'Blueprint', metadata: { name: `deploy-bench-${n}` }, services };
}
