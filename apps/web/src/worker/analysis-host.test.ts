import type { Blueprint } from '@blaupause/model';
import { describe, expect, it } from 'vitest';
import { type Analysis, analyze, createIncrementalAnalyze } from '../analysis/analyze';
import { applyCommand } from '../model/commands';
import type { Command } from '../model/types';
import { templateBlueprint } from '../templates/templates';
import { createAnalysisHost } from './analysis-host';
import { EMPTY_ANALYSIS } from './analysis-source';
import { apply } from './delta';
import { createPatcher } from './patch';
import type { AnalysisReply } from './protocol';

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
});
