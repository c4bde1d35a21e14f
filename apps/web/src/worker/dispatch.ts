import type { Blueprint, Target } from '@blaupause/model';
import type { Analysis } from '../analysis/analyze';
import { type DocumentDb, isQuotaError } from '../persistence/doc-db';
import { createAnalysisHost } from './analysis-host';
import { documentCall } from './documents-host';
import type { SaveReply, SaveRequest, WorkerReply, WorkerRequest } from './protocol';
import { createSaveHost } from './save-host';

/** A document answered whole with at least this many services new to the worker gets a warm-up (analysis-host.ts). */
export const WARM_MIN_SERVICES = 50;
/** How long after that answer the warm-up starts (ms): the page is applying and painting it meanwhile. */
export const WARM_DELAY_MS = 1000;

/**
 * The worker's answer to each request, free of worker globals (analysis.worker.ts posts it; tests
 * call it through clones). The analysis host's documents are the ones autosave's texts are made of.
 * Saves answer later (a promise: IndexedDB is asynchronous); everything else at once.
 *
 * After a large document arrives (loaded, restored, replaced), a while later and one step per task,
 * the worker warms up: the analysis host's edit of one service and the texts of autosave's first
 * save. Any analysis request cancels what is left of it (that edit has then been paid for anyway).
 */
export function createWorkerDispatch(
  analyze: (bp: Blueprint, only?: readonly Target[]) => Analysis,
  db?: DocumentDb,
  later: (f: () => void, ms: number) => void = (f, ms) => void setTimeout(f, ms),
): (request: WorkerRequest) => WorkerReply | Promise<WorkerReply> {
  const saves = createSaveHost();
  let seq = 0;
  const analysis = createAnalysisHost(analyze, (bp) => saves.record(seq, bp));
  /** Bumped by each analysis request: a warm-up step of an older one does not run. */
  let generation = 0;
  const warmUp = () => {
    const mine = generation;
    let steps: Array<() => void> | undefined;
    const next = () => {
      if (generation !== mine) return;
      steps ??= [...analysis.warmUp(), () => saves.prepare()];
      const step = steps.shift();
      if (!step) return;
      try {
        step();
      } catch {
        return; // a warm-up that fails only leaves the first edit as slow as without it
      }
      later(next, 0);
    };
    later(next, WARM_DELAY_MS);
  };
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
      generation++;
      const reply = analysis(data);
      if (!data.only && !('error' in reply) && Object.keys(data.patch.services).length >= WARM_MIN_SERVICES) warmUp();
      return { kind: 'analysis', ...reply };
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
