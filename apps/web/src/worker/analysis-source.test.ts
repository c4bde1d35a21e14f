import type { Blueprint } from '@blaupause/model';
import { describe, expect, it, vi } from 'vitest';
import { analyze, createIncrementalAnalyze } from '../analysis/analyze';
import { applyCommand } from '../model/commands';
import type { Command } from '../model/types';
import { templateBlueprint } from '../templates/templates';
import { createAnalysisHost } from './analysis-host';
import { type AnalysisPort, afterPaint, createAnalysisSource, EMPTY_ANALYSIS, SETTLE_BOUND_MS } from './analysis-source';
import type { AnalysisReply, AnalysisRequest } from './protocol';

/** A worker stand-in: requests queue up and are answered by the real host when the test says so. */
function fakeWorker(run: Parameters<typeof createAnalysisHost>[0] = analyze) {
  const host = createAnalysisHost(run);
  const queue: AnalysisRequest[] = [];
  const port: AnalysisPort = { postMessage: (r) => queue.push(structuredClone(r)), onmessage: null };
  const answerOne = (tamper: (reply: AnalysisReply) => AnalysisReply = (x) => x) => {
    const r = queue.shift();
    if (!r) throw new Error('nothing to answer');
    port.onmessage?.({ data: tamper(structuredClone(host(r)) as AnalysisReply) });
  };
  return { port, queue, answerOne };
}

function apply(bp: Blueprint, cmd: Command): Blueprint {
  const r = applyCommand(bp, cmd);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('analysis in a worker', () => {
  it('answers what analyze() answers on the main thread, after edits sent as patches', () => {
    const w = fakeWorker();
    const source = createAnalysisSource(w.port);
    expect(source.current()).toBe(EMPTY_ANALYSIS);
    const listener = vi.fn();
    source.subscribe(listener);

    let bp = templateBlueprint('seed-compose');
    source.request(bp);
    w.answerOne();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(source.current()).toEqual(analyze(bp));

    for (const cmd of [
      { kind: 'renameService', from: 'weba', to: 'web-a' },
      { kind: 'removeService', name: 'webb' },
      { kind: 'addService', name: 'cache', image: 'redis:7', at: { x: 0, y: 0 } },
    ] as Command[]) {
      bp = apply(bp, cmd);
      source.request(bp);
      w.answerOne();
      expect(source.current()).toEqual(analyze(bp));
    }
    expect(source.current().compiled.compose.files[0]?.content).toContain('web-a:');
    expect(source.current().compiled.compose.files[0]?.content).not.toContain('webb:');
  });

  it('sends only what changed, and nothing for a move', () => {
    const w = fakeWorker();
    const source = createAnalysisSource(w.port);
    const bp = templateBlueprint('seed-compose');
    source.request(bp);
    expect(Object.keys(w.queue[0]?.patch.services ?? {})).toEqual(['weba', 'webb', 'haproxy']);
    w.answerOne();

    source.request(apply(bp, { kind: 'moveNodes', moves: [{ id: 'service:weba', x: 5, y: 5 }] }));
    expect(w.queue).toEqual([]);

    const scaled = apply(bp, { kind: 'setReplicas', service: 'weba', replicas: 3 });
    source.request(scaled);
    expect(w.queue[0]?.patch.services).toEqual({ weba: scaled.services.weba });
    expect(scaled.services.weba?.replicas).toBe(3);
    expect(w.queue[0]?.patch.order).toBeUndefined();
    expect(w.queue[0]?.patch.parts).toEqual({});
  });

  it("keeps the worker's copy of every untouched service across edits", () => {
    const seen: Blueprint[] = [];
    const w = fakeWorker((bp) => {
      seen.push(bp);
      return analyze(bp);
    });
    const source = createAnalysisSource(w.port);
    const bp = templateBlueprint('seed-compose');
    source.request(bp);
    w.answerOne();
    source.request(apply(bp, { kind: 'setReplicas', service: 'weba', replicas: 2 }));
    w.answerOne();
    const [first, second] = seen;
    expect(second?.services.webb).toBe(first?.services.webb);
    expect(second?.services.haproxy).toBe(first?.services.haproxy);
    expect(second?.services.weba).not.toBe(first?.services.weba);
    expect(Object.keys(second?.services ?? {})).toEqual(['weba', 'webb', 'haproxy']);
  });

  it('keeps one request in flight and sends only the newest of those that came meanwhile', () => {
    const run = vi.fn(analyze);
    const w = fakeWorker(run);
    const source = createAnalysisSource(w.port);
    let bp = templateBlueprint('seed-compose');
    source.request(bp);
    for (const name of ['a1', 'a2', 'a3']) {
      bp = apply(bp, { kind: 'addService', name, image: 'nginx:1.27', at: { x: 0, y: 0 } });
      source.request(bp);
    }
    expect(w.queue).toHaveLength(1);
    w.answerOne();
    expect(w.queue).toHaveLength(1);
    w.answerOne();
    expect(run).toHaveBeenCalledTimes(2);
    expect(source.current().compiled.compose.files[0]?.content.match(/^ {2}a\d:$/gm)).toEqual(['  a1:', '  a2:', '  a3:']);
  });

  it('keeps the last analysis when the worker fails, and reports it', () => {
    let fail = false;
    const w = fakeWorker((bp) => {
      if (fail) throw new Error('boom');
      return analyze(bp);
    });
    const onError = vi.fn();
    const source = createAnalysisSource(w.port, onError);
    const bp = templateBlueprint('seed-compose');
    source.request(bp);
    w.answerOne();
    const good = source.current();
    fail = true;
    source.request(apply(bp, { kind: 'renameService', from: 'weba', to: 'web-a' }));
    w.answerOne();
    expect(source.current()).toBe(good);
    expect(onError).toHaveBeenCalledWith(expect.stringContaining('boom'));
  });

  it('keeps what did not change: the same objects, and no notice when the analysis is the same', () => {
    const w = fakeWorker();
    const source = createAnalysisSource(w.port);
    const listener = vi.fn();
    source.subscribe(listener);
    const bp = templateBlueprint('seed-compose');
    source.request(bp);
    w.answerOne();
    const before = source.current();
    const scaled = apply(bp, { kind: 'setReplicas', service: 'weba', replicas: 3 });
    source.request(scaled);
    w.answerOne();
    const after = source.current();
    expect(after).toEqual(analyze(scaled));
    expect(after.problems).toBe(before.problems);
    expect(after.compiled.compose.files[0]?.content).not.toEqual(before.compiled.compose.files[0]?.content);
    expect(listener).toHaveBeenCalledTimes(2);
    // A copy of the document (every part a new object: it is sent) analyses the same: no notice.
    source.request(structuredClone(scaled));
    expect(w.queue).toHaveLength(1);
    w.answerOne();
    expect(listener).toHaveBeenCalledTimes(2);
    expect(source.current()).toBe(after);
  });

  it('asks for the whole analysis again when an answer does not follow the one it holds', () => {
    const w = fakeWorker();
    const onError = vi.fn();
    const source = createAnalysisSource(w.port, onError);
    const bp = templateBlueprint('seed-compose');
    source.request(bp);
    w.answerOne();
    const held = source.current();
    const renamed = apply(bp, { kind: 'renameService', from: 'weba', to: 'web-a' });
    source.request(renamed);
    w.answerOne((r) => ({ ...r, base: 7 }));
    expect(onError).toHaveBeenCalledWith(expect.stringContaining('did not apply'));
    expect(source.current()).toBe(held);
    expect(w.queue).toHaveLength(1);
    expect(w.queue[0]?.resync).toBe(true);
    w.answerOne();
    expect(source.current()).toEqual(analyze(renamed));
  });

  it('with a preferred target: that target first, the whole analysis after the next frame, equal to analyze() once settled', () => {
    const later: Array<() => void> = [];
    const w = fakeWorker(createIncrementalAnalyze());
    const source = createAnalysisSource(w.port, console.error, (f) => later.push(f));
    source.prefer('compose');
    let bp = templateBlueprint('seed-compose');
    source.request(bp);
    // The first request is whole: nothing to build on.
    expect(w.queue[0]?.only).toBeUndefined();
    w.answerOne();
    expect(later).toHaveLength(0);
    const held = source.current();

    bp = apply(bp, { kind: 'setReplicas', service: 'weba', replicas: 3 });
    source.request(bp);
    expect(w.queue[0]?.only).toEqual(['compose']);
    w.answerOne();
    const partial = source.current();
    const whole = analyze(bp);
    expect(partial.compiled.compose).toEqual(whole.compiled.compose);
    // Swarm shows the replicas too: still the last analysis's until the whole one comes.
    expect(partial.compiled.swarm).toBe(held.compiled.swarm);
    expect(partial.compiled.swarm).not.toEqual(whole.compiled.swarm);
    expect(partial.problems).toBe(held.problems);
    expect(w.queue).toHaveLength(0);
    expect(later).toHaveLength(1);
    later.shift()?.();
    expect(w.queue[0]?.only).toBeUndefined();
    expect(w.queue[0]?.patch).toEqual({ parts: {}, services: {} });
    w.answerOne();
    expect(source.current()).toEqual(whole);
    expect(source.current().compiled.compose).toBe(partial.compiled.compose);
    expect(later).toHaveLength(0);
  });

  it('settles to what analyze() answers over random edits, answers, frames and tab changes', () => {
    let seed = 11;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let run = 0; run < 4; run++) {
      const later: Array<() => void> = [];
      const w = fakeWorker(createIncrementalAnalyze());
      const source = createAnalysisSource(
        w.port,
        (m) => {
          throw new Error(m);
        },
        (f) => later.push(f),
      );
      source.prefer('compose');
      let bp = templateBlueprint('seed-compose');
      source.request(bp);
      let added = 0;
      const settleAll = () => {
        for (let i = 0; i < 20 && (w.queue.length > 0 || later.length > 0); i++) {
          if (w.queue.length > 0) w.answerOne();
          else later.shift()?.();
        }
        expect(w.queue).toHaveLength(0);
        expect(later).toHaveLength(0);
        expect(source.current()).toEqual(analyze(bp));
      };
      for (let step = 0; step < 60; step++) {
        const r = random();
        const names = Object.keys(bp.services);
        const name = names[Math.floor(random() * names.length)] as string;
        if (r < 0.15) bp = apply(bp, { kind: 'setReplicas', service: name, replicas: 1 + Math.floor(random() * 4) });
        else if (r < 0.25) bp = apply(bp, { kind: 'addService', name: `n${run}x${added++}`, image: 'redis:7', at: { x: 0, y: 0 } });
        else if (r < 0.3 && names.length > 1) bp = apply(bp, { kind: 'removeService', name });
        else if (r < 0.35) bp = apply(bp, { kind: 'renameService', from: name, to: `r${run}x${added++}` });
        else if (r < 0.55) w.queue.length > 0 && w.answerOne();
        else if (r < 0.7) later.shift()?.();
        else if (r < 0.75) source.prefer((['compose', 'swarm', 'kubernetes', undefined] as const)[Math.floor(random() * 4)]);
        else if (r < 0.8) settleAll();
        if (r < 0.35) source.request(bp);
      }
      settleAll();
    }
  });
});

describe('afterPaint', () => {
  const stubFrames = () => {
    const frames: Array<() => void> = [];
    vi.stubGlobal('requestAnimationFrame', (f: () => void) => frames.push(f));
    /** Runs the frame's callbacks (those it asks for go to the next frame), then the timers it queued. */
    const frame = () => {
      for (const f of frames.splice(0)) f();
      vi.advanceTimersByTime(0);
    };
    return frame;
  };

  it('runs once, after the frame that follows the next one — not in a timer of the next frame', () => {
    vi.useFakeTimers();
    try {
      const frame = stubFrames();
      const f = vi.fn();
      afterPaint(f);
      vi.advanceTimersByTime(0);
      expect(f).not.toHaveBeenCalled();
      // The frame that paints what the page holds now (the preview), and its timers (a probe's mark).
      frame();
      expect(f).not.toHaveBeenCalled();
      frame();
      expect(f).toHaveBeenCalledTimes(1);
      vi.advanceTimersByTime(SETTLE_BOUND_MS);
      frame();
      expect(f).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
      vi.unstubAllGlobals();
    }
  });

  it('runs after SETTLE_BOUND_MS at the latest when no frame comes (hidden page)', () => {
    vi.useFakeTimers();
    try {
      stubFrames();
      const f = vi.fn();
      afterPaint(f);
      vi.advanceTimersByTime(SETTLE_BOUND_MS - 1);
      expect(f).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1);
      expect(f).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
      vi.unstubAllGlobals();
    }
  });
});
