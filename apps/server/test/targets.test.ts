import type { ProgressEvent, StatusEvent } from '@blaupause/engine';
import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TINY } from './fixtures';
import { collect, startTestServer } from './harness';
import { MemoryDriver } from './memory-driver';

/**
 * Several deploy targets behind one API: every engine procedure takes `target` (docker when not
 * given) and reaches that target's driver only; a target the server does not offer is refused
 * before any driver runs.
 */
const docker = new MemoryDriver();
const swarm = new MemoryDriver();
let srv: Awaited<ReturnType<typeof startTestServer<MemoryDriver>>>;
beforeAll(async () => {
  srv = await startTestServer(docker, { targets: { swarm } });
});
afterAll(async () => {
  await srv.stop();
});

async function finish(runId: string): Promise<ProgressEvent[]> {
  return collect<{ data: ProgressEvent }>(
    (h) => srv.client.deployments.progress.subscribe({ runId }, h),
    (seen) => seen.at(-1)?.data.kind === 'done',
  ).then((s) => s.map((e) => e.data));
}

describe('deploy targets', () => {
  it('lists the offered targets with their connectivity, docker first', async () => {
    const targets = await srv.client.engine.targets.query();
    expect(targets.map((t) => [t.kind, t.connected])).toEqual([
      ['docker', true],
      ['swarm', true],
    ]);
    expect(targets[1]?.label).toBe('Docker Swarm');
  });

  it('deploys to the named target only, and defaults to docker', async () => {
    const onSwarm = await srv.client.deployments.deploy.mutate({ blueprint: { text: TINY }, project: 'shop', target: 'swarm' });
    expect(onSwarm.target).toBe('swarm');
    await finish(onSwarm.runId);
    expect(swarm.applied).toEqual(['shop']);
    expect(docker.applied).toEqual([]);
    const onDocker = await srv.client.deployments.deploy.mutate({ blueprint: { text: TINY }, project: 'shop' });
    expect(onDocker.target).toBe('docker');
    await finish(onDocker.runId);
    expect(docker.applied).toEqual(['shop']);
    expect((await srv.client.deployments.list.query({ target: 'swarm' })).map((d) => d.project)).toEqual(['shop']);
  });

  it('keeps one run per project per target: the same project may run on two targets at once', async () => {
    swarm.holdApply = true;
    const a = await srv.client.deployments.deploy.mutate({ blueprint: { text: TINY }, project: 'both', target: 'swarm' });
    const b = await srv.client.deployments.deploy.mutate({ blueprint: { text: TINY }, project: 'both' });
    await finish(b.runId);
    const again = await srv.client.deployments.deploy
      .mutate({ blueprint: { text: TINY }, project: 'both', target: 'swarm' })
      .catch((e) => e);
    expect(again).toBeInstanceOf(TRPCClientError);
    expect((again as TRPCClientError<never>).data).toMatchObject({ code: 'CONFLICT' });
    swarm.holdApply = false;
    swarm.release();
    await finish(a.runId);
  });

  it('streams status from the named target’s engine', async () => {
    const seen = collect<{ data: StatusEvent }>(
      (h) => srv.client.status.watch.subscribe({ project: 'shop', target: 'swarm' }, h),
      (s) => s.some((e) => e.data.kind === 'change'),
    );
    await new Promise((r) => setTimeout(r, 100));
    expect(swarm.watcherCount).toBe(1);
    expect(docker.watcherCount).toBe(0);
    swarm.emit({
      kind: 'change',
      status: {
        project: 'shop',
        service: 'web',
        container: 'web',
        replica: 1,
        elementId: 'container:web/web',
        state: 'running',
        restarts: 0,
        image: 'b',
        ports: [],
        at: 1,
      },
    });
    const events = await seen;
    expect(events.map((e) => e.data.kind)).toEqual(['snapshot', 'change']);
  });

  it('refuses a target the server does not offer (NOT_IMPLEMENTED, UNSUPPORTED) before any driver runs', async () => {
    const before = [docker.applied.length, swarm.applied.length];
    const e = await srv.client.deployments.deploy
      .mutate({ blueprint: { text: TINY }, project: 'x', target: 'podman-kube' })
      .catch((err) => err);
    expect((e as TRPCClientError<never>).data).toMatchObject({ code: 'NOT_IMPLEMENTED', appError: { code: 'UNSUPPORTED' } });
    expect([docker.applied.length, swarm.applied.length]).toEqual(before);
    const c = await srv.client.engine.connectivity.query({ target: 'kubernetes' });
    expect(c.connected).toBe(false);
  });

  it('refuses an unknown target name as bad input', async () => {
    const e = await srv.client.deployments.plan.query({ blueprint: { text: TINY }, target: 'nomad' as 'docker' }).catch((err) => err);
    expect((e as TRPCClientError<never>).data).toMatchObject({ code: 'BAD_REQUEST' });
  });
});
