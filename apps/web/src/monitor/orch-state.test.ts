import { describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../deploy/api-types';
import {
  EMPTY_ORCH,
  mergeTimeline,
  type OrchState,
  type RunRef,
  reduceHeal,
  reduceRun,
  TIMELINE_MAX,
  type TimelineEntry,
} from './orch-state';
import type { HealEvent } from './types';

const rollout = (replica: number, phase: Extract<ProgressEvent, { kind: 'rollout' }>['phase'], at: number, extra = {}): ProgressEvent => ({
  kind: 'rollout',
  service: 'web',
  replica,
  phase,
  at,
  ...extra,
});

function run(events: ProgressEvent[], ref: RunRef, state: OrchState = EMPTY_ORCH): OrchState {
  return events.reduce((s, e, i) => reduceRun(s, ref, i, e), state);
}

const heal = (kind: HealEvent['kind'], at: number, replica = 2): HealEvent => ({
  kind,
  project: 'p',
  service: 'web',
  container: 'web',
  replica,
  elementId: `container:web/web#${replica}`,
  id: 'abc',
  reason: 'removed outside Blaupause',
  attempt: 1,
  at,
});

describe('rollout events → node state', () => {
  it('keeps the latest step per replica and ends done', () => {
    const s = run(
      [
        rollout(2, 'added', 10),
        rollout(3, 'started', 11),
        rollout(3, 'added', 12),
        { kind: 'done', ok: true, durationMs: 5 } as ProgressEvent,
      ],
      { runId: 'r1', kind: 'scale', service: 'web', replicas: 3 },
    );
    const r = s.rollouts.web;
    expect(r?.state).toBe('done');
    expect(Object.values(r?.replicas ?? {}).map((x) => [x.replica, x.phase])).toEqual([
      [2, 'added'],
      [3, 'added'],
    ]);
    expect(s.timeline.map((e) => e.text)).toEqual(['web #2 added', 'web #3 added', 'web scaled to 3 replicas']);
  });

  it('a rolling update that fails says rolled back and why, on the node and in the timeline', () => {
    const s = run(
      [
        rollout(1, 'started', 10),
        rollout(1, 'healthy', 11),
        rollout(1, 'retired', 12),
        rollout(2, 'started', 13),
        rollout(2, 'failed', 20, { message: 'not healthy within 5 s' }),
        rollout(1, 'restored', 21),
        {
          kind: 'error',
          error: { code: 'ROLLED_BACK', message: 'Replica 2 of "web" did not become healthy', elementId: 'container:web/web#2' },
        } as ProgressEvent,
        { kind: 'done', ok: false, durationMs: 9 } as ProgressEvent,
      ],
      { runId: 'd1', kind: 'apply' },
    );
    expect(s.rollouts.web?.state).toBe('rolled-back');
    expect(s.rollouts.web?.reason).toBe('Replica 2 of "web" did not become healthy');
    expect(s.rollouts.web?.replicas[2]?.phase).toBe('failed');
    expect(s.rollouts.web?.replicas[1]?.phase).toBe('restored');
    expect(s.timeline.map((e) => e.what)).toEqual(['failed', 'rolled-back', 'rolled-back']);
    expect(s.timeline.at(-1)?.text).toBe('web rolled back: Replica 2 of "web" did not become healthy');
  });

  it('a canary waits (paused) and a new run replaces the old steps', () => {
    const paused = run([rollout(3, 'started', 1), rollout(3, 'healthy', 2), rollout(3, 'paused', 3, { version: 'abc123abc123' })], {
      runId: 'c1',
      kind: 'canary',
      service: 'web',
    });
    expect(paused.rollouts.web?.state).toBe('paused');
    const aborted = run(
      [rollout(3, 'restored', 10), { kind: 'done', ok: true, durationMs: 1 } as ProgressEvent],
      { runId: 'a1', kind: 'abort', service: 'web' },
      paused,
    );
    expect(aborted.rollouts.web?.runId).toBe('a1');
    expect(Object.keys(aborted.rollouts.web?.replicas ?? {})).toEqual(['3']);
    expect(aborted.rollouts.web?.state).toBe('done');
    expect(aborted.timeline.map((e) => e.what)).toEqual(['canary', 'rolled-back', 'canary']);
    expect(aborted.timeline.at(-1)?.text).toContain('canary aborted');
  });

  it('an error of an operation on one service without element id lands on that service', () => {
    const s = run([{ kind: 'error', error: { code: 'BUSY', message: 'promote or abort first' } } as ProgressEvent], {
      runId: 'x',
      kind: 'scale',
      service: 'api',
    });
    expect(s.rollouts.api?.state).toBe('failed');
    expect(s.timeline[0]?.text).toBe('scaling of api failed: promote or abort first');
  });
});

describe('heal events → node state and timeline', () => {
  it('keeps the latest healing per service and logs every step once', () => {
    let s = reduceHeal(EMPTY_ORCH, '1', heal('recreated', 100));
    s = reduceHeal(s, '2', heal('healed', 200));
    s = reduceHeal(s, '2', heal('healed', 200)); // the stream resumed and sent it again
    expect(s.heals.web?.kind).toBe('healed');
    expect(s.timeline.map((e) => e.id)).toEqual(['heal:1', 'heal:2']);
    expect(s.timeline[0]?.text).toBe('web #2 re-created: removed outside Blaupause');
    const gave = reduceHeal(s, '3', { ...heal('gave-up', 300), attempt: 5 });
    expect(gave.timeline.at(-1)?.tone).toBe('bad');
  });
});

describe('mergeTimeline', () => {
  const e = (id: string, at: number): TimelineEntry => ({ id, at, service: 'web', source: 'heal', what: 'healed', text: id, tone: 'ok' });
  it('orders by time across sources, drops repeats and keeps the newest', () => {
    const merged = mergeTimeline([e('a', 1), e('c', 5)], [e('b', 3), e('a', 1), e('d', 4)]);
    expect(merged.map((x) => x.id)).toEqual(['a', 'b', 'd', 'c']);
    const many = mergeTimeline(
      [],
      Array.from({ length: TIMELINE_MAX + 5 }, (_, i) => e(`x${i}`, i)),
    );
    expect(many).toHaveLength(TIMELINE_MAX);
    expect(many[0]?.id).toBe('x5');
  });
});
