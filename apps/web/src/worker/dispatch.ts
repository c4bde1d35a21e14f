import type { Blueprint, Target } from '@blaupause/model';
import type { Analysis } from '../analysis/analyze';
import { type DocumentDb, isQuotaError } from '../persistence/doc-db';
import { createAnalysisHost } from './analysis-host';
import { documentCall } from './documents-host';
import type { SaveReply, SaveRequest, WorkerReply, WorkerRequest } from './protocol';
import { createSaveHost } from './save-host';

/**
 * The worker's answer to each request, free of worker globals (analysis.worker.ts posts it; tests
 * call it through clones). The analysis host's documents are the ones autosave's texts are made of.
 * Saves answer later (a promise: IndexedDB is asynchronous); everything else at once.
 */
export function createWorkerDispatch(
  analyze: (bp: Blueprint, only?: readonly Target[]) => Analysis,
  db?: DocumentDb,
): (request: WorkerRequest) => WorkerReply | Promise<WorkerReply> {
  const saves = createSaveHost();
  let seq = 0;
  const analysis = createAnalysisHost((bp, only) => {
    saves.record(seq, bp);
    return analyze(bp, only);
  });
  /** The text last written for each document: the same text is not written again. */
  const written = new Map<string, string>();
  const save = async (data: SaveRequest): Promise<SaveReply> => {
    let text: string;
    try {
      text = saves.text(data);
    } catch (e) {
      return { kind: 'save', id: data.id, error: e instanceof Error ? e.message : String(e), stale: true };
    }
    if (written.get(data.doc) === text) return { kind: 'save', id: data.id, ok: true };
    try {
      if (!db) throw new Error('no database');
      // Puts are queued in the order asked (IndexedDB runs read-write transactions on one store in
      // the order they were made), so a later save of the same document always lands last.
      written.delete(data.doc);
      await db.put(data.doc, text);
      written.set(data.doc, text);
      return { kind: 'save', id: data.id, ok: true };
    } catch (e) {
      return {
        kind: 'save',
        id: data.id,
        error: e instanceof Error ? e.message : String(e),
        ...(isQuotaError(e) ? { quota: true as const } : {}),
      };
    }
  };
  return (data) => {
    if (data.kind === 'save') return save(data);
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
