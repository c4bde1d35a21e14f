import type Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { Channel, Semaphore } from './channel';
import { portInUse } from './errors';
import { demux } from './logs-tail';
import { verdict } from './settle';
import { check } from './wait';

const info = (state: Partial<Docker.ContainerInspectInfo['State']>, health = true, restarts = 0, policy = 'no') =>
  ({
    HostConfig: { RestartPolicy: { Name: policy } },
    State: { Status: 'running', Running: true, Restarting: false, ExitCode: 0, StartedAt: '2026-01-01T00:00:00Z', ...state },
    Config: { Healthcheck: health ? { Test: ['CMD', 'true'] } : undefined },
    RestartCount: restarts,
  }) as unknown as Docker.ContainerInspectInfo;

describe('dependency conditions', () => {
  it('started: once started; healthy: health status; completed: exit 0', () => {
    expect(check('started', info({}))).toBe('ok');
    expect(check('started', info({ Running: false, Status: 'created', StartedAt: '0001-01-01T00:00:00Z' }))).toBe('wait');
    expect(check('healthy', info({ Health: { Status: 'starting' } } as never))).toBe('wait');
    expect(check('healthy', info({ Health: { Status: 'healthy' } } as never))).toBe('ok');
    expect(check('healthy', info({ Health: { Status: 'unhealthy' } } as never))).toBe('is unhealthy');
    expect(check('healthy', info({}, false))).toBe('has no healthcheck');
    expect(check('healthy', info({ Status: 'exited', Running: false, ExitCode: 2 }))).toBe('exited (2)');
    expect(check('completed', info({}))).toBe('wait');
    expect(check('completed', info({ Status: 'exited', Running: false, ExitCode: 0 }))).toBe('ok');
    expect(check('completed', info({ Status: 'exited', Running: false, ExitCode: 1 }))).toBe('exited (1)');
  });
});

describe('settle verdicts', () => {
  const c = { id: 'x', name: 'p-s-1', service: 's', elementId: 'container:s/s' };
  it('reports crash loops and error exits, not healthy runs or clean exits', () => {
    expect(verdict(c, info({}))).toBeUndefined();
    expect(verdict(c, info({ Status: 'exited', Running: false, ExitCode: 0 }))).toBeUndefined();
    expect(verdict(c, info({ Status: 'exited', Running: false, ExitCode: 4 }))).toMatchObject({ code: 'CONTAINER_EXITED', exitCode: 4 });
    expect(verdict(c, info({ Restarting: true, ExitCode: 3 }, true, 2))).toMatchObject({ code: 'CRASH_LOOP', exitCode: 3, restarts: 2 });
    // Exited under a restart policy, not yet restarted: the loop has begun.
    expect(verdict(c, info({ Status: 'exited', Running: false, ExitCode: 3 }, true, 0, 'always'))).toMatchObject({
      code: 'CRASH_LOOP',
      exitCode: 3,
    });
  });
});

describe('engine messages', () => {
  it('finds the host port in Docker and Podman "in use" messages', () => {
    expect(
      portInUse('driver failed programming external connectivity on endpoint x: Bind for 0.0.0.0:8080 failed: port is already allocated'),
    ).toBe('8080');
    expect(portInUse('Error starting userland proxy: listen tcp4 127.0.0.1:34567: bind: address already in use')).toBe('34567');
    expect(portInUse('no such image')).toBeUndefined();
  });

  it('demultiplexes log frames and passes raw TTY output through', () => {
    const frame = (stream: number, text: string) => {
      const body = Buffer.from(text);
      const head = Buffer.alloc(8);
      head[0] = stream;
      head.writeUInt32BE(body.length, 4);
      return Buffer.concat([head, body]);
    };
    expect(demux(Buffer.concat([frame(1, 'out\n'), frame(2, 'err\n')]))).toBe('out\nerr\n');
    expect(demux(Buffer.from('plain tty output\n'))).toBe('plain tty output\n');
  });
});

describe('bounded parallelism and the event channel', () => {
  it('never runs more than the limit at once', async () => {
    const s = new Semaphore(2);
    let active = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 7 }, () =>
        s.run(async () => {
          most = Math.max(most, ++active);
          await new Promise((r) => setTimeout(r, 5));
          active--;
        }),
      ),
    );
    expect(most).toBe(2);
  });

  it('delivers pushed items in order, before and after the consumer waits', async () => {
    const ch = new Channel<number>();
    ch.push(1);
    setTimeout(() => {
      ch.push(2);
      ch.close();
    }, 5);
    const got: number[] = [];
    for await (const n of ch) got.push(n);
    expect(got).toEqual([1, 2]);
  });
});
