import type { CompileResult } from '@blaupause/compiler';
import { type Blueprint, type Diagnostic, diag, loadBlueprint, sortDiagnostics, type Target } from '@blaupause/model';
import { describe, expect, it, vi } from 'vitest';
import { applyCommand } from '../model/commands';
import { templateBlueprint } from '../templates/templates';
import { analyze, blueprintYaml, createAnalyzer, createIncrementalAnalyze, createNotesJoin } from './analyze';

describe('analysis', () => {
  it('compiles every target and validates', () => {
    const a = analyze(templateBlueprint('seed-compose'));
    expect(a.problems.filter((d) => d.severity === 'error')).toEqual([]);
    expect(a.compiled.compose.files[0]?.content).toContain('haproxy:');
    expect(a.compiled.kubernetes.files[0]?.content).toContain('kind: Deployment');
    expect(a.compiled.swarm.files[0]?.content).toContain('deploy:');
  });

  it('is not run again for a document that only moved', () => {
    const run = vi.fn(analyze);
    const analyzer = createAnalyzer(run);
    const bp = templateBlueprint('seed-compose');
    const moved = applyCommand(bp, { kind: 'moveNodes', moves: [{ id: 'service:weba', x: 1, y: 2 }] });
    const renamed = applyCommand(bp, { kind: 'renameService', from: 'weba', to: 'web-a' });
    if (!moved.ok || !renamed.ok) throw new Error('commands failed');
    const first = analyzer(bp);
    expect(analyzer(moved.value)).toBe(first);
    expect(analyzer(renamed.value)).not.toBe(first);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('writes the document as blueprint YAML that loads back to the same document', () => {
    const bp = templateBlueprint('seed-compose');
    const moved = applyCommand(bp, { kind: 'moveNodes', moves: [{ id: 'service:weba', x: 1, y: 2 }] });
    if (!moved.ok) throw new Error(moved.error);
    const text = blueprintYaml(moved.value);
    expect(text.startsWith('apiVersion: blaupause.dev/v1\nkind: Blueprint\n')).toBe(true);
    expect(text).toContain('layout:\n  nodes:\n    service:weba:\n      x: 1\n');
    expect(loadBlueprint(text).blueprint).toEqual(moved.value);
  });
});

describe('createIncrementalAnalyze', () => {
  it('answers what analyze() answers, edit after edit', () => {
    const incremental = createIncrementalAnalyze();
    let bp = templateBlueprint('seed-compose');
    expect(incremental(bp)).toEqual(analyze(bp));
    for (const replicas of [2, 3, 1]) {
      const [name, svc] = Object.entries(bp.services)[0] as [string, Blueprint['services'][string]];
      // A new object for one service, the others shared: as the canvas commands edit.
      bp = { ...bp, services: { ...bp.services, [name]: { ...svc, replicas } } };
      expect(incremental(bp)).toEqual(analyze(bp));
    }
  });
});

describe('createIncrementalAnalyze with only some targets', () => {
  it('compiles just those, keeps the rest, and then makes only what was not made from the same parts', () => {
    const incremental = createIncrementalAnalyze();
    let bp = templateBlueprint('seed-compose');
    const first = incremental(bp);
    const [name, svc] = Object.entries(bp.services)[0] as [string, Blueprint['services'][string]];
    bp = { ...bp, services: { ...bp.services, [name]: { ...svc, replicas: 4 } } };
    const partial = incremental(bp, ['compose']);
    expect(partial.compiled.compose).toEqual(analyze(bp).compiled.compose);
    expect(partial.compiled.swarm).toBe(first.compiled.swarm);
    expect(partial.problems).toBe(first.problems);
    // The whole analysis of the same document (a copy with the same parts, as the worker assembles it).
    const whole = incremental({ ...bp });
    expect(whole).toEqual(analyze(bp));
    expect(whole.compiled.compose).toBe(partial.compiled.compose);
    expect(whole.compiled.swarm).not.toBe(first.compiled.swarm);
    // Nothing new: everything as it was.
    const again = incremental({ ...bp });
    expect(again.problems).toBe(whole.problems);
    expect(again.compiled.kubernetes).toBe(whole.compiled.kubernetes);
    // A change of a shared part: all made again.
    const renamed = { ...bp, metadata: { ...bp.metadata, name: 'Not A Label' } };
    expect(analyze(renamed).problems.length).toBeGreaterThan(0);
    expect(incremental(renamed)).toEqual(analyze(renamed));
  });
});

describe('createNotesJoin', () => {
  /** A pool of notes per target, as the incremental compiler keeps them: the same objects from compile to compile. */
  const pool = (target: Target) =>
    Array.from({ length: 40 }, (_, i) =>
      diag('FIDELITY_LOST', 'info', ['services', `s${i % 7}`, ...(i % 3 ? ['containers', `c${i % 5}`] : [])], `note ${i % 11} ${i}`, {
        target,
      }),
    );
  const targets = ['compose', 'swarm', 'kubernetes'] as const;
  const pools = Object.fromEntries(targets.map((t) => [t, pool(t)])) as Record<Target, Diagnostic[]>;
  const result = (target: Target, notes: Diagnostic[]): CompileResult => ({ target, files: [], diagnostics: sortDiagnostics(notes) });

  it('equals sorting all notes after every change, and keeps the arrays while nothing changed', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const join = createNotesJoin();
    let picked = Object.fromEntries(targets.map((t) => [t, pools[t].filter(() => random() < 0.5)])) as Record<Target, Diagnostic[]>;
    let last: { compiled: Record<Target, CompileResult>; notes: Diagnostic[] } | undefined;
    for (let round = 0; round < 300; round++) {
      const kind = random();
      if (kind < 0.5) {
        // Some notes come and go in one target (or none: an edit that changed no note).
        const t = targets[Math.floor(random() * 3)] as Target;
        if (kind < 0.4)
          picked = { ...picked, [t]: pools[t].filter((d) => (random() < 0.15 ? !picked[t].includes(d) : picked[t].includes(d))) };
      }
      const compiled = Object.fromEntries(targets.map((t) => [t, result(t, picked[t])])) as Record<Target, CompileResult>;
      const notes = join(compiled);
      const expected = sortDiagnostics(targets.flatMap((t) => sortDiagnostics(picked[t])));
      expect(notes).toEqual(expected);
      for (const t of targets) expect(compiled[t].diagnostics).toEqual(sortDiagnostics(picked[t]));
      if (last) {
        const same = targets.every(
          (t) =>
            last?.compiled[t].diagnostics.length === picked[t].length &&
            last.compiled[t].diagnostics.every((d, i) => d === compiled[t].diagnostics[i]),
        );
        // The same notes: the arrays answered last time, so the worker's delta skips them by identity.
        if (same) {
          expect(notes).toBe(last.notes);
          for (const t of targets) expect(compiled[t].diagnostics).toBe(last.compiled[t].diagnostics);
        } else expect(notes).not.toBe(last.notes);
      }
      last = { compiled, notes };
    }
  });
});
