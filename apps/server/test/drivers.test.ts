import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDrivers } from '../src/drivers';

/** The composition root offers every target, and the Kubernetes one follows the chosen kubeconfig context. */
const dir = mkdtempSync(join(tmpdir(), 'blaupause-kube-'));
const saved = process.env.KUBECONFIG;
beforeAll(() => {
  const file = join(dir, 'config');
  const cluster = (name: string, port: number) => ({
    name,
    cluster: { server: `http://127.0.0.1:${port}`, 'insecure-skip-tls-verify': true },
  });
  writeFileSync(
    file,
    JSON.stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [cluster('a', 1), cluster('b', 2)],
      users: [{ name: 'u', user: { token: 't' } }],
      contexts: [
        { name: 'dev', context: { cluster: 'a', user: 'u', namespace: 'team' } },
        { name: 'prod', context: { cluster: 'b', user: 'u' } },
      ],
      'current-context': 'dev',
    }),
  );
  process.env.KUBECONFIG = file;
});
afterAll(() => {
  if (saved === undefined) delete process.env.KUBECONFIG;
  else process.env.KUBECONFIG = saved;
  rmSync(dir, { recursive: true, force: true });
});

describe('createDrivers', () => {
  it('offers swarm, podman-kube and kubernetes besides docker, connecting to nothing', () => {
    const d = createDrivers({});
    expect(Object.keys(d.targets).sort()).toEqual(['kubernetes', 'podman-kube', 'swarm']);
  });

  it('lists the kubeconfig contexts and switches the Kubernetes target to another one', async () => {
    const d = createDrivers({});
    const before = d.targets.kubernetes;
    expect((await d.kube.list()).contexts.map((c) => [c.name, c.current])).toEqual([
      ['dev', true],
      ['prod', false],
    ]);
    expect(await d.kube.select('prod')).toEqual({ ok: true, value: 'prod' });
    expect(d.targets.kubernetes).not.toBe(before);
    expect((await d.kube.list()).contexts.find((c) => c.current)?.name).toBe('prod');
    const info = await d.targets.kubernetes.driver.info();
    expect(!info.ok && info.error.message).toContain('127.0.0.1:2');
    expect(await d.kube.select('nope')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
