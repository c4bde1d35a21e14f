import type { Blueprint, Target } from '@blaupause/model';
import type { Analysis } from '../analysis/analyze';
import { createAnalysisHost } from './analysis-host';
import { documentCall } from './documents-host';
import type { WorkerReply, WorkerRequest } from './protocol';
import { createSaveHost } from './save-host';

/**
 * The worker's answer to each request, free of worker globals (analysis.worker.ts posts it; tests
 * call it through clones). The analysis host's documents are the ones autosave's texts are made of.
 */
export function createWorkerDispatch(
  analyze: (bp: Blueprint, only?: readonly Target[]) => Analysis,
): (request: WorkerRequest) => WorkerReply {
  const saves = createSaveHost();
  let seq = 0;
  const analysis = createAnalysisHost((bp, only) => {
    saves.record(seq, bp);
    return analyze(bp, only);
  });
  return (data) => {
    if (data.kind === 'analyze') {
      seq = data.seq;
      return { kind: 'analysis', ...analysis(data) };
    }
    try {
      if (data.kind === 'text') return { kind: 'text', id: data.id, text: saves.text(data) };
      const blueprint = documentCall(data.call);
      return { kind: 'document', id: data.id, ...(blueprint ? { blueprint } : {}) };
    } catch (e) {
      return { kind: data.kind, id: data.id, error: e instanceof Error ? e.message : String(e) };
    }
  };
}
