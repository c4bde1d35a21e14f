import { describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../deploy/api-types';
import { type ImageRun, progressText, reduceImageRun } from './image-run';

const B = 'shop-web:bp-0123456789ab';
const P = 'redis:7';
const step = (name: string, phase: 'started' | 'done' | 'failed', message?: string): ProgressEvent => ({
  kind: 'step',
  action: { kind: 'create', resource: 'image', name, reason: name === P ? 'pull' : 'build' },
  phase,
  ...(message ? { message } : {}),
  at: 1,
});
const run = (events: ProgressEvent[]): ImageRun => events.reduce(reduceImageRun, {});
const plan: ProgressEvent = {
  kind: 'plan',
  plan: {
    project: 'shop',
    actions: [],
    noop: false,
    resources: [
      { kind: 'create', resource: 'image', name: P, reason: 'pull' },
      { kind: 'create', resource: 'image', name: B, reason: 'rebuild' },
    ],
  },
};

describe('reduceImageRun (the images view’s rows while pulling / building)', () => {
  it('waits, pulls with bytes, builds with its step, and ends done', () => {
    expect(run([plan])).toEqual({ [P]: { state: 'waiting', action: 'pull' }, [B]: { state: 'waiting', action: 'build' } });
    const pulling = run([plan, step(P, 'started'), { kind: 'pull', image: P, status: 'Downloading', current: 1e6, total: 4e6, at: 2 }]);
    expect(progressText(pulling[P]!)).toBe('pulling · Downloading 1.0/4.0 MB');
    expect(progressText(pulling[B]!)).toBe('waiting to build');
    const building = run([
      plan,
      step(P, 'started'),
      step(P, 'done'),
      step(B, 'started'),
      { kind: 'build', image: B, text: 'Step 2/3 : COPY v.txt /v.txt', at: 3 },
      { kind: 'build', image: B, text: ' ---> 5d6e', at: 4 },
    ]);
    expect(progressText(building[P]!)).toBe('pulled');
    expect(progressText(reduceImageRun(building, { kind: 'build', image: B, text: 'Step 3/3 : RUN x', at: 5 })[B]!)).toBe(
      'building · Step 3/3 : RUN x',
    );
    expect(progressText(building[B]!)).toBe('building · Step 2/3 ·  ---> 5d6e');
    expect(progressText(reduceImageRun(building, step(B, 'done'))[B]!)).toBe('built');
  });

  it('a failed build shows the step it failed at and the engine’s message', () => {
    const failed = run([
      plan,
      step(B, 'started'),
      { kind: 'build', image: B, text: 'Step 2/2 : COPY missing.txt /missing.txt', at: 3 },
      step(B, 'failed', 'could not be built at Step 2/2 : COPY missing.txt /missing.txt: no such file'),
    ]);
    expect(failed[B]).toMatchObject({ state: 'failed', step: '2/2' });
    expect(progressText(failed[B]!)).toBe(
      'failed · Step 2/2: could not be built at Step 2/2 : COPY missing.txt /missing.txt: no such file',
    );
  });

  it('ignores events about images the run does not provide', () => {
    const s = run([plan]);
    expect(reduceImageRun(s, { kind: 'pull', image: 'other:1', status: 'x', at: 1 })).toBe(s);
    expect(reduceImageRun(s, step('other:1', 'done'))).toBe(s);
  });
});
