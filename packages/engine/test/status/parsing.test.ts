import { describe, expect, it } from 'vitest';
import { demuxer, frame, lineAssembler, parseStamped, sinceOf } from '../../src/docker/logs';
import { ndjsonSplitter, parseEvent } from '../../src/docker/status';
import { parseEngineTime } from '../../src/docker/status/time';

/** Every way to cut `bytes` into two or three pieces, fed in order. */
function* splits(bytes: Buffer): Generator<Buffer[]> {
  for (let i = 0; i <= bytes.length; i++) {
    yield [bytes.subarray(0, i), bytes.subarray(i)];
    for (let j = i; j <= bytes.length; j += 3) yield [bytes.subarray(0, i), bytes.subarray(i, j), bytes.subarray(j)];
  }
}

describe('ndjsonSplitter', () => {
  const records = [{ a: 1, s: 'ünïcödé ✓' }, { b: [1, 2] }, { c: 'x'.repeat(40) }];
  const bytes = Buffer.from(`${records.map((r) => JSON.stringify(r)).join('\n')}\n`);

  it('yields the same records however the chunks are cut, multi-byte characters included', () => {
    let cuts = 0;
    for (const parts of splits(bytes)) {
      const split = ndjsonSplitter();
      expect(parts.flatMap((p) => split.push(p))).toEqual(records);
      expect(split.pending).toBe(0);
      cuts++;
    }
    expect(cuts).toBeGreaterThan(1000);
  });

  it('keeps an unfinished record until its newline, reports bad lines without stopping', () => {
    const bad: string[] = [];
    const split = ndjsonSplitter((l) => bad.push(l));
    expect(split.push('{"a":1}\r\nnot json\n\n{"b"')).toEqual([{ a: 1 }]);
    expect(split.pending).toBe(4);
    expect(split.push(':2}\n')).toEqual([{ b: 2 }]);
    expect(bad).toEqual(['not json']);
  });
});

describe('demuxer', () => {
  const input = Buffer.concat([
    frame('stdout', 'hello\n'),
    frame('stderr', 'oops ✗\n'),
    frame('stdout', ''),
    frame('stdout', 'x'.repeat(40)),
  ]);

  it('splits frames cut anywhere, headers included', () => {
    for (const parts of splits(input)) {
      const d = demuxer();
      const frames = parts.flatMap((p) => d.push(p));
      expect(frames.map((f) => [f.stream, f.payload.toString()])).toEqual([
        ['stdout', 'hello\n'],
        ['stderr', 'oops ✗\n'],
        ['stdout', ''],
        ['stdout', 'x'.repeat(40)],
      ]);
      expect(d.pending).toBe(0);
      expect(d.raw).toBe(false);
    }
  });

  it('falls back to raw stdout when the bytes are not multiplexed (TTY output)', () => {
    const d = demuxer();
    expect(d.push(Buffer.from('plain tty output\n')).map((f) => [f.stream, f.payload.toString()])).toEqual([
      ['stdout', 'plain tty output\n'],
    ]);
    expect(d.raw).toBe(true);
    expect(d.push(Buffer.from('more')).map((f) => f.payload.toString())).toEqual(['more']);
  });
});

describe('log lines', () => {
  it('assembles lines across pieces and strips CR', () => {
    const a = lineAssembler();
    expect(a.push(Buffer.from('one\r\ntw'))).toEqual(['one']);
    expect(a.push(Buffer.from([0xc3]))).toEqual([]);
    expect(a.push(Buffer.from([0xbc, 0x0a]))).toEqual(['twü']);
    expect(a.push(Buffer.from('tail'))).toEqual([]);
    expect(a.flush()).toEqual(['tail']);
  });

  it('parses Docker stamps with trimmed fractions into sortable keys', () => {
    const a = parseStamped('2026-11-28T15:42:09.6871266Z hello world');
    const b = parseStamped('2026-11-28T15:42:09.68712661Z next');
    const c = parseStamped('2026-11-28T15:42:10Z later');
    expect(a).toMatchObject({ text: 'hello world', at: Date.parse('2026-11-28T15:42:09.687Z') });
    expect(a.key < b.key && b.key < c.key).toBe(true);
    expect(sinceOf(a.key)).toBe(`${Date.parse('2026-11-28T15:42:09Z') / 1000}.687126600`);
    expect(parseStamped('no stamp here')).toEqual({ key: '', at: 0, text: 'no stamp here' });
  });

  it('parses engine times to nanoseconds, Go zero time to 0', () => {
    expect(parseEngineTime('2026-11-28T15:42:09.689656074Z')).toBe(Date.parse('2026-11-28T15:42:09Z') * 1e6 + 689656074);
    expect(parseEngineTime('0001-01-01T00:00:00Z')).toBe(0);
    expect(parseEngineTime(undefined)).toBe(0);
  });
});

describe('parseEvent', () => {
  const labels = {
    'com.docker.compose.project': 'shop',
    'com.docker.compose.service': 'web-log',
    'com.docker.compose.container-number': '2',
    'dev.blaupause.managed': 'true',
    'dev.blaupause.element': 'container:web/log',
    'dev.blaupause.service': 'web',
    'dev.blaupause.container': 'log',
  };
  const raw = (Action: string, extra: Record<string, string> = {}) => ({
    Type: 'container',
    Action,
    Actor: { ID: 'abc', Attributes: { ...labels, image: 'img', ...extra } },
    time: 1795880034,
    timeNano: 1795880034910375200,
  });

  it('maps a helper container to its pod element, not its Compose service', () => {
    expect(parseEvent(raw('die', { exitCode: '3' }))).toMatchObject({
      id: 'abc',
      action: 'die',
      exitCode: 3,
      image: 'img',
      identity: { project: 'shop', service: 'web', container: 'log', replica: 2, elementId: 'container:web/log' },
    });
  });

  it('reads health status actions and ignores what it does not act on', () => {
    expect(parseEvent(raw('health_status: healthy'))?.action).toBe('healthy');
    expect(parseEvent(raw('health_status: unhealthy'))?.action).toBe('unhealthy');
    expect(parseEvent(raw('exec_start: /bin/sh -c true'))).toBeUndefined();
    expect(parseEvent({ ...raw('create'), Type: 'network' })).toBeUndefined();
    expect(parseEvent('nonsense')).toBeUndefined();
  });
});
