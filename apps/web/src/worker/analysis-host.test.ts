import type { Blueprint, Target } from '@blaupause/model';
import { describe, expect, it } from 'vitest';
import { type Analysis, analyze, createIncrementalAnalyze } from '../analysis/analyze';
import { applyCommand } from '../model/commands';
import type { Command } from '../model/types';
import { templateBlueprint } from '../templates/templates';
import { createAnalysisHost } from './analysis-host';
import { EMPTY_ANALYSIS } from './analysis-source';
import { apply } from './delta';
import { createWorkerDispatch, WARM_DELAY_MS, WARM_MIN_SERVICES } from './dispatch';
import { createPatcher } from './patch';
import type { AnalysisReply, WorkerReply } from './protocol';

function edit(bp: Blueprint, cmd: Command): Blueprint {
  const r = applyCommand(bp, cmd);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

const ok = (r: AnalysisReply) => {
  if ('error' in r) throw new Error(r.error);
  return r;
};

describe('the analysis host (worker side)', () => {
  it('answers deltas from its previous answer, each much smaller than the analysis, that rebuild it exactly', () => {
    const host = createAnalysisHost(analyze);
    const patch = createPatcher();
    let bp = templateBlueprint('seed-compose');
    const first = ok(host({ seq: 1, patch: patch(bp) }));
    expect(first.base).toBe(0);
    let page = apply(EMPTY_ANALYSIS, structuredClone(first.delta) ?? undefined) as Analysis;
    expect(page).toStrictEqual(analyze(bp));

    bp = edit(bp, { kind: 'setReplicas', service: 'weba', replicas: 3 });
    const second = ok(host({ seq: 2, patch: patch(bp) }));
    expect(second.base).toBe(1);
    const before = page;
    page = apply(page, structuredClone(second.delta) ?? undefined) as Analysis;
    expect(page).toStrictEqual(analyze(bp));
    expect(JSON.stringify(second.delta).length).toBeLessThan(JSON.stringify(page).length / 5);
    // Unchanged parts are the page's own objects.
    expect(page.problems).toBe(before.problems);
    expect(page.compiled.compose.files[0]?.content).not.toBe(before.compiled.compose.files[0]?.content);
  });

  it('answers null when nothing changed, and keeps its last answer across a failure', () => {
    let fail = false;
    const host = createAnalysisHost((bp) => {
      if (fail) throw new Error('boom');
      return analyze(bp);
    });
    const patch = createPatcher();
    const bp = templateBlueprint('seed-compose');
    ok(host({ seq: 1, patch: patch(bp) }));
    // The same document again: the same analysis.
    expect(ok(host({ seq: 2, patch: patch(bp) })).delta).toBeNull();
    fail = true;
    const renamed = edit(bp, { kind: 'renameService', from: 'weba', to: 'web-a' });
    expect(host({ seq: 3, patch: patch(renamed) })).toMatchObject({ seq: 3, error: expect.stringContaining('boom') });
    fail = false;
    const next = edit(renamed, { kind: 'setReplicas', service: 'webb', replicas: 2 });
    const r = ok(host({ seq: 4, patch: patch(next) }));
    // Still a delta from answer 2, the last one the page received.
    expect(r.base).toBe(2);
    // Asked to resync: a delta from the empty analysis.
    const whole = ok(host({ seq: 5, patch: patch(next), resync: true }));
    expect(whole.base).toBe(0);
    expect(apply(EMPTY_ANALYSIS, whole.delta ?? undefined)).toStrictEqual(analyze(next));
  });

  it("over the worker's incremental analysis too: the page's copy is a fresh analysis after every edit", () => {
    const host = createAnalysisHost(createIncrementalAnalyze());
    const patch = createPatcher();
    let bp = templateBlueprint('seed-compose');
    let page = EMPTY_ANALYSIS;
    const commands: Command[] = [
      { kind: 'setReplicas', service: 'weba', replicas: 3 },
      { kind: 'renameService', from: 'webb', to: 'web-b' },
      { kind: 'addService', name: 'cache', image: 'redis:7', at: { x: 0, y: 0 } },
      { kind: 'setReplicas', service: 'weba', replicas: 1 },
      { kind: 'removeService', name: 'cache' },
    ];
    let seq = 0;
    for (const cmd of [undefined, ...commands]) {
      if (cmd) bp = edit(bp, cmd);
      const r = ok(host({ seq: ++seq, patch: patch(bp) }));
      page = apply(page, structuredClone(r.delta) ?? undefined) as Analysis;
      expect(page, cmd?.kind ?? 'first').toStrictEqual(analyze(bp));
    }
  });

  it('answers as without a warm-up, whether its steps all ran or it was cut short by a request', () => {
    const plain = createAnalysisHost(createIncrementalAnalyze());
    const calls: Array<{ bp: Blueprint; only?: readonly Target[] }> = [];
    const inner = createIncrementalAnalyze();
    const warmed = createAnalysisHost((bp, only) => {
      calls.push({ bp, ...(only ? { only } : {}) });
      return inner(bp, only);
    });
    const [pa, pb] = [createPatcher(), createPatcher()];
    let bp = many(templateBlueprint('seed-compose'), 12);
    let pagePlain = EMPTY_ANALYSIS;
    let pageWarmed = EMPTY_ANALYSIS;
    const names = Object.keys(bp.services);
    const step = (seq: number, only?: Target[]) => {
      const a = ok(plain({ seq, patch: pa(bp), ...(only ? { only } : {}) }));
      const b = ok(warmed({ seq, patch: pb(bp), ...(only ? { only } : {}) }));
      pagePlain = apply(pagePlain, structuredClone(a.delta) ?? undefined) as Analysis;
      pageWarmed = apply(pageWarmed, structuredClone(b.delta) ?? undefined) as Analysis;
      expect(b.base).toBe(a.base);
      expect(pageWarmed).toStrictEqual(pagePlain);
    };
    step(1);
    expect(pageWarmed).toStrictEqual(analyze(bp));
    // Every step: a copy of one service (same data, another object), for one target, then whole, then the document.
    const before = bp;
    const assembled = calls.at(-1)?.bp;
    calls.length = 0;
    const steps = warmed.warmUp();
    expect(steps).toHaveLength(3);
    for (const s of steps) s();
    expect(calls.map((c) => c.only ?? 'whole')).toEqual([['compose'], 'whole', 'whole']);
    const copied = names.filter((n) => calls[0]?.bp.services[n] !== before.services[n]);
    expect(copied).toHaveLength(1);
    expect(calls[0]?.bp.services).toStrictEqual(before.services);
    expect(calls[1]?.bp).toBe(calls[0]?.bp);
    expect(calls[2]?.bp).toBe(assembled);
    let seq = 1;
    for (let i = 0; i < 6; i++) {
      bp = edit(bp, { kind: 'setReplicas', service: names[(i * 5) % names.length] as string, replicas: i + 2 });
      step(++seq, ['compose']);
      step(++seq);
      expect(pageWarmed).toStrictEqual(analyze(bp));
      // A warm-up cut short after its first or second step: the next edit is answered as ever.
      for (const s of warmed.warmUp().slice(0, i % 3)) s();
    }
    // The service the warm-up copied, edited next, and the copy's data in the answer are the document's.
    bp = edit(bp, { kind: 'renameService', from: copied[0] as string, to: 'renamed' });
    step(++seq, ['compose']);
    step(++seq);
    expect(pageWarmed).toStrictEqual(analyze(bp));
    // After a failed request there is nothing to warm up on.
    const failing = createAnalysisHost(() => {
      throw new Error('boom');
    });
    failing({ seq: 1, patch: createPatcher()(bp) });
    expect(failing.warmUp()).toEqual([]);
  });

  it('the worker warms up a while after a large document arrives, unless a request comes first; saves are of the document', () => {
    const timers: Array<{ f: () => void; ms: number }> = [];
    const analyses: Blueprint[] = [];
    const inner = createIncrementalAnalyze();
    const dispatch = createWorkerDispatch(
      (bp, only) => {
        analyses.push(bp);
        return inner(bp, only);
      },
      undefined,
      (f, ms) => void timers.push({ f, ms }),
    );
    const patch = createPatcher();
    const small = templateBlueprint('seed-compose');
    dispatch({ kind: 'analyze', seq: 1, patch: patch(small) });
    expect(timers).toEqual([]);
    const bp = many(small, WARM_MIN_SERVICES);
    dispatch({ kind: 'analyze', seq: 2, patch: patch(bp) });
    expect(timers.map((t) => t.ms)).toEqual([WARM_DELAY_MS]);
    // One step per task: three analyses, then the texts of autosave's first save.
    analyses.length = 0;
    while (timers.length > 0) timers.shift()?.f();
    expect(analyses).toHaveLength(3);
    const text = dispatch({ kind: 'text', id: 1, seq: 2, keys: Object.keys(bp), layout: JSON.stringify(bp.layout) }) as WorkerReply;
    expect(text).toEqual({ kind: 'text', id: 1, text: JSON.stringify(bp) });
    // Cut short: a request after the first step leaves the rest undone.
    const other = many(templateBlueprint('seed-compose'), WARM_MIN_SERVICES + 1);
    dispatch({ kind: 'analyze', seq: 3, patch: patch(other) });
    timers.shift()?.f();
    analyses.length = 0;
    const edited = edit(other, { kind: 'setReplicas', service: 'extra-0', replicas: 2 });
    dispatch({ kind: 'analyze', seq: 4, patch: patch(edited), only: ['compose'] });
    expect(analyses).toEqual([expect.objectContaining({ services: expect.anything() })]);
    while (timers.length > 0) timers.shift()?.f();
    expect(analyses).toHaveLength(1);
    expect(dispatch({ kind: 'text', id: 2, seq: 4, keys: Object.keys(edited), layout: JSON.stringify(edited.layout) })).toEqual({
      kind: 'text',
      id: 2,
      text: JSON.stringify(edited),
    });
  });
});

/** `bp` with `n` more services (a large document for the warm-up). */
function many(bp: Blueprint, n: number): Blueprint {
  let out = bp;
  for (let i = 0; i < n; i++)
    out = edit(out, { kind: 'addService', name: `extra-${i}`, image: `registry.example.test/extra:${i}`, at: { x: i, y: 0 } });
  return out;
}
