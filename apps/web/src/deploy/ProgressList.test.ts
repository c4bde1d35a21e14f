import { describe, expect, it } from 'vitest';
import type { ProgressEvent } from './api-types';
import { progressLines } from './ProgressList';

const plan = { kind: 'plan', plan: { project: 'p', actions: [], resources: [], notes: [] } } as unknown as ProgressEvent;
const done = (ok: boolean): ProgressEvent => ({ kind: 'done', ok, durationMs: 100, at: 1 });
const step = {
  kind: 'step',
  action: { kind: 'create', resource: 'network', name: 'p_default' },
  phase: 'done',
  at: 1,
} as unknown as ProgressEvent;
const texts = (events: ProgressEvent[], kind?: 'apply' | 'destroy') => progressLines(events, kind).map((l) => l.text);

describe('progressLines', () => {
  it('a deploy that changed nothing says so before done (was only "done in 0.1 s")', () => {
    expect(texts([plan, done(true)], 'apply')).toEqual([
      'nothing to change: the deployment already matches the blueprint',
      'done in 0.1 s',
    ]);
  });

  it('a tear down that found nothing says so', () => {
    expect(texts([done(true)], 'destroy')[0]).toMatch(/^nothing to remove/);
  });

  it('says nothing extra when something happened, when the run failed or is still running', () => {
    expect(texts([plan, step, done(true)], 'apply')).toEqual(['create network p_default: done', 'done in 0.1 s']);
    expect(texts([plan, done(false)], 'apply')).toEqual(['failed']);
    expect(texts([plan], 'apply')).toEqual([]);
    expect(texts([plan, done(true)])).toEqual(['done in 0.1 s']);
  });
});
