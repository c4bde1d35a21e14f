import { type Blueprint, loadBlueprint } from '@blaupause/model';
import { describe, expect, it, vi } from 'vitest';
import { applyCommand } from '../model/commands';
import { templateBlueprint } from '../templates/templates';
import { analyze, blueprintYaml, createAnalyzer, createIncrementalAnalyze } from './analyze';

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
