import type { ContainerStatus } from '@blaupause/engine';
import { describe, expect, test } from 'vitest';
import { ProgressPrinter } from '../src/commands/progress';
import { formatEngineError, formatPlan, formatTable, statusRows } from '../src/engine-render';
import type { Io } from '../src/io';

function memoryIo(isTTY: boolean): Io & { out: string[] } {
  const out: string[] = [];
  const write = (t: string) => {
    out.push(t);
  };
  return { out, noColor: true, stdout: { write, isTTY }, stderr: { write, isTTY } };
}

describe('engine output for people', () => {
  test('a plan lists pulls, changes with their reasons, and counts', () => {
    const text = formatPlan({
      project: 'shop',
      noop: false,
      resources: [
        { kind: 'create', resource: 'image', name: 'redis:7', reason: 'pull' },
        { kind: 'keep', resource: 'network', name: 'shop_default' },
      ],
      actions: [
        { kind: 'recreate', service: 'api', container: 'api', replica: 1, elementId: 'container:api/api', reason: 'config hash changed' },
        { kind: 'create', service: 'api', container: 'proxy', replica: 1, elementId: 'container:api/proxy' },
        { kind: 'unchanged', service: 'db', container: 'db', replica: 1, elementId: 'container:db/db', reason: 'running' },
      ],
    });
    expect(text).toBe(
      [
        'Plan for project shop:',
        '  pull       image redis:7',
        '  recreate   api #1 (config hash changed)',
        '  create     api/proxy #1',
        '  unchanged  db #1',
        '1 to create, 1 to recreate, 0 to start, 0 to remove, 1 unchanged.',
        '',
      ].join('\n'),
    );
  });

  test('an error names its element, exit code, restarts, last log lines and what to do; engine text cannot drive the terminal', () => {
    const text = formatEngineError({
      code: 'CRASH_LOOP',
      message: 'api keeps restarting\u001b[2J',
      elementId: 'container:api/api',
      exitCode: 3,
      restarts: 4,
      logTail: ['boom'],
      hint: 'Look at its logs.',
    });
    expect(text).toBe(
      [
        'error CRASH_LOOP (container:api/api): api keeps restarting\\u001b[2J',
        '  exit code 3, 4 restarts',
        '  last log lines:',
        '    | boom',
        '  hint: Look at its logs.',
        '',
      ].join('\n'),
    );
    expect(formatEngineError({ code: 'ENGINE_UNREACHABLE', message: 'no engine', hint: 'Start Docker.' })).toContain(
      'hint: Start an engine: `node scripts/docker-env.mjs up`',
    );
  });

  test('the status table shows health in a column of its own and exit codes in the state', () => {
    const base = { project: 'p', container: 'web', elementId: 'container:web/web', restarts: 0, image: 'x', at: 0 };
    const list: ContainerStatus[] = [
      { ...base, service: 'web', replica: 2, state: 'exited', exitCode: 137, ports: [], id: 'b'.repeat(64) },
      { ...base, service: 'web', replica: 1, state: 'healthy', ports: ['127.0.0.1:8080->80/tcp'], id: 'a'.repeat(64) },
    ];
    expect(formatTable(statusRows(list, false)).split('\n')).toEqual([
      'SERVICE  CONTAINER  REPLICA  STATE        HEALTH   RESTARTS  PORTS                   ID',
      `web      web        1        running      healthy  0         127.0.0.1:8080->80/tcp  ${'a'.repeat(12)}`,
      `web      web        2        exited(137)  -        0         -                       ${'b'.repeat(12)}`,
      '',
    ]);
  });

  test('pull progress is one line per image and status in a pipe, one updating line on a terminal', () => {
    const pull = (status: string, current?: number) =>
      ({ kind: 'pull', image: 'redis:7', status, at: 0, ...(current ? { current, total: 4e6 } : {}) }) as const;
    const pipe = memoryIo(false);
    const p = new ProgressPrinter(pipe);
    for (const e of [pull('Downloading', 1e6), pull('Downloading', 2e6), pull('Extracting', 4e6), pull('Pull complete')]) p.event(e);
    p.end();
    expect(pipe.out.join('')).toBe(
      '  pulling    redis:7: Downloading 1.0/4.0 MB\n  pulling    redis:7: Extracting 4.0/4.0 MB\n  pulling    redis:7: Pull complete\n',
    );
    const tty = memoryIo(true);
    const t = new ProgressPrinter(tty);
    for (const e of [pull('Downloading', 1e6), pull('Downloading', 2e6)]) t.event(e);
    t.end();
    expect(tty.out.join('')).toBe(
      '\r\u001b[K  pulling    redis:7: Downloading 1.0/4.0 MB\r\u001b[K  pulling    redis:7: Downloading 2.0/4.0 MB\n',
    );
  });
});
