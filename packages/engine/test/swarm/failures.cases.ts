import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ownedStack } from '../../src/swarm/labels';
import type { LogLine, ProgressEvent } from '../../src/types';
import { blueprint, cleanupStack, collect, docker, driver, errorsOf, IMAGE, project, succeeded } from './harness';

/**
 * What goes wrong, on the real swarm: dangerous settings refused before anything exists, a new
 * service whose tasks keep failing reported as a crash loop with its exit code and log, a
 * cancelled apply, and a pod's sidecar deployed as a service of its own that reaches the main by
 * name. Registered by stack.swarm.test.ts (one file owns the swarm's init and leave).
 */
export function failureCases(): void {
  const P = project('fail');
  const dir = mkdtempSync(join(tmpdir(), 'bpsw-'));
  afterAll(async () => {
    await cleanupStack(P);
    await docker
      .getVolume(`${P}_data`)
      .remove()
      .catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  describe('Swarm driver: failures and pods', () => {
    const risky = blueprint({
      services: { cap: { containers: { main: { image: IMAGE, command: ['sleep', '300'], capAdd: ['SYS_ADMIN'] } } } },
    });

    it('refuses unacknowledged dangerous settings before creating anything; the acknowledged id lets it through', async () => {
      const plan = await driver().plan(risky, { project: P, baseDir: dir });
      expect(plan.ok && plan.value.dangers?.map((f) => f.id)).toEqual(['cap-add:container:cap/main:SYS_ADMIN']);
      const refused = await collect(driver().apply(risky, { project: P, baseDir: dir }));
      expect(errorsOf(refused).map((e) => [e.code, e.dangers?.map((f) => f.id)])).toEqual([
        ['DANGEROUS_SETTINGS', ['cap-add:container:cap/main:SYS_ADMIN']],
      ]);
      expect(await docker.listServices({ filters: { label: ownedStack(P) } })).toEqual([]);
      expect(await docker.listNetworks({ filters: { label: ownedStack(P) } })).toEqual([]);
      const ok = await collect(driver().apply(risky, { project: P, baseDir: dir, acknowledge: ['cap-add:container:cap/main:SYS_ADMIN'] }));
      expect(errorsOf(ok)).toEqual([]);
      const spec = (await docker.getService(`${P}_cap`).inspect()).Spec?.TaskTemplate as { ContainerSpec?: { CapabilityAdd?: string[] } };
      expect(spec.ContainerSpec?.CapabilityAdd).toEqual(['SYS_ADMIN']);
    }, 120_000);

    it('reports a new service whose tasks keep failing as a crash loop, with exit code and log', async () => {
      const bad = blueprint({
        services: {
          cap: risky.services.cap as never,
          boom: { containers: { main: { image: IMAGE, command: ['sh', '-c', 'echo boom here; exit 3'] } } },
        },
      });
      const events = await collect(
        driver({ maxFailures: 2 }).apply(bad, { project: P, baseDir: dir, acknowledge: ['cap-add:container:cap/main:SYS_ADMIN'] }),
      );
      expect(succeeded(events)).toBe(false);
      const [e] = errorsOf(events);
      expect([e?.code, e?.elementId, e?.exitCode]).toEqual(['CRASH_LOOP', 'container:boom/main', 3]);
      expect(e?.message).toMatch(/keeps failing: 2 tasks failed, the last with "task: non-zero exit \(3\)"/);
      expect(e?.logTail).toContain('boom here');
    }, 120_000);

    it('stops waiting when the caller aborts: CANCELLED, and what was created stays labelled', async () => {
      const ac = new AbortController();
      const slow = blueprint({
        services: {
          cap: risky.services.cap as never,
          slow: {
            containers: {
              main: {
                image: IMAGE,
                command: ['sleep', '300'],
                healthcheck: { test: { exec: ['false'] }, interval: '30s', startPeriod: '5m' },
              },
            },
          },
        },
      });
      const events: ProgressEvent[] = [];
      for await (const e of driver().apply(slow, {
        project: P,
        signal: ac.signal,
        acknowledge: ['cap-add:container:cap/main:SYS_ADMIN'],
      })) {
        events.push(e);
        if (e.kind === 'step' && e.phase === 'done' && 'service' in e.action && e.action.service === 'slow') ac.abort();
      }
      expect(errorsOf(events).map((e) => e.code)).toEqual(['CANCELLED']);
      expect((await docker.getService(`${P}_slow`).inspect()).Spec?.Labels?.['dev.blaupause.managed']).toBe('true');
    }, 60_000);

    it('refuses a volume name held by a volume not ours; the node creates ours with our labels', async () => {
      const vol = blueprint({
        volumes: { data: {} },
        services: {
          keep: {
            containers: {
              main: { image: IMAGE, command: ['sleep', '300'], mounts: [{ type: 'volume', source: 'data', target: '/data' }] },
            },
          },
        },
      });
      await docker.createVolume({ Name: `${P}_data` });
      const refused = await driver().plan(vol, { project: P });
      expect(refused.ok ? undefined : [refused.error.code, refused.error.elementId]).toEqual(['NOT_OWNED', 'volume:data']);
      await docker.getVolume(`${P}_data`).remove();
      expect(errorsOf(await collect(driver().apply(vol, { project: P })))).toEqual([]);
      expect((await docker.getVolume(`${P}_data`).inspect()).Labels).toMatchObject({
        'com.docker.stack.namespace': P,
        'dev.blaupause.managed': 'true',
      });
    }, 120_000);

    it('runs a sidecar as its own service on the stack network: it reaches the main by name', async () => {
      const pod = blueprint({
        services: {
          web: {
            ports: [{ port: 80 }],
            containers: {
              main: { image: IMAGE, command: ['sh', '-c', 'echo from-main > /www/index.html; exec httpd -f -p 80 -h /www'] },
              probe: {
                role: 'sidecar',
                image: IMAGE,
                command: ['sh', '-c', 'until wget -qO- http://web/; do sleep 0.3; done; sleep 300'],
              },
            },
          },
        },
      });
      const events = await collect(driver().apply(pod, { project: P }));
      expect(errorsOf(events)).toEqual([]);
      // The dropped services of the earlier steps (cap, boom, slow, keep) were removed: the stack is the blueprint.
      const names = (await docker.listServices({ filters: { label: ownedStack(P) } })).map((s) => s.Spec?.Name).sort();
      expect(names).toEqual([`${P}_web`, `${P}_web-probe`]);
      // Followed: the probe's line arrives whether its task had a container at the first listing or not.
      const ac = new AbortController();
      const timer = setTimeout(() => ac.abort(), 30_000);
      const lines: LogLine[] = [];
      for await (const l of driver().logs({ project: P, service: 'web', container: 'probe', follow: true, tail: 10, signal: ac.signal })) {
        lines.push(l);
        if (l.text === 'from-main') ac.abort();
      }
      clearTimeout(timer);
      expect(lines.map((l) => [l.text, l.elementId, l.replica])).toContainEqual(['from-main', 'container:web/probe', 1]);
    }, 120_000);
  });
}
