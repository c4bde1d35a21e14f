import { describe, expect, it } from 'vitest';
import type { DocumentDb } from '../persistence/doc-db';
import { createDocumentSave } from '../persistence/document-text';
import { templateBlueprint } from '../templates/templates';
import { createAnalysisSource, EMPTY_ANALYSIS } from './analysis-source';
import { connectWorker, type WorkerLike } from './connect';
import { createWorkerDispatch } from './dispatch';
import type { WorkerRequest } from './protocol';

function fakeDb() {
  const data = new Map<string, string>();
  let refuse: Error | undefined;
  const db: DocumentDb & { data: Map<string, string>; puts: number; refuse(e?: Error): void } = {
    data,
    puts: 0,
    refuse: (e) => {
      refuse = e;
    },
    get: async (id) => data.get(id),
    async put(id, text) {
      db.puts++;
      if (refuse) throw refuse;
      data.set(id, text);
    },
    delete: async (id) => void data.delete(id),
    ids: async () => [...data.keys()],
  };
  return db;
}

/** The page's wiring (main.tsx) over the worker's dispatch (analysis.worker.ts), through structured clones. */
function page(db: DocumentDb) {
  const dispatch = createWorkerDispatch(() => EMPTY_ANALYSIS, db);
  const worker: WorkerLike = {
    onmessage: null,
    postMessage(request: WorkerRequest) {
      const data = structuredClone(request);
      queueMicrotask(async () => worker.onmessage?.({ data: structuredClone(await dispatch(data)) }));
    },
  };
  const { analysisPort, save } = connectWorker(worker);
  const analysis = createAnalysisSource(analysisPort);
  return { analysis, save: createDocumentSave(analysis.sent, save) };
}

describe('autosave by the worker into IndexedDB', () => {
  it("writes JSON.stringify of the page's document as the library document, and not the same text twice", async () => {
    const db = fakeDb();
    const { analysis, save } = page(db);
    const bp = templateBlueprint('patterns');
    analysis.request(bp); // answered before the save: the worker takes requests in order
    expect(await save(bp, 'doc-1')).toEqual({ ok: true });
    expect(db.data.get('doc-1')).toBe(JSON.stringify(bp));
    expect(await save(bp, 'doc-1')).toEqual({ ok: true });
    expect(db.puts).toBe(1);
    // Another layout (never sent for analysis) is the page's: the text follows it.
    const moved = { ...bp, layout: { nodes: { 'service:x': { x: 1, y: 2 } } } };
    expect(await save(moved, 'doc-1')).toEqual({ ok: true });
    expect(db.data.get('doc-1')).toBe(JSON.stringify(moved));
  });

  it('answers "not now" for a document the worker does not hold, and a refusal with whether the storage is full', async () => {
    const db = fakeDb();
    const { analysis, save } = page(db);
    const bp = templateBlueprint('patterns');
    expect(await save(bp, 'doc-1')).toEqual({ ok: false, stale: true }); // nothing sent yet
    analysis.request(bp); // answered before the save: the worker takes requests in order
    db.refuse(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    expect(await save(bp, 'doc-1')).toMatchObject({ ok: false, quota: true });
    db.refuse(new Error('UnknownError: the disk is gone'));
    expect(await save(bp, 'doc-1')).toMatchObject({ ok: false, quota: false, error: expect.stringContaining('disk') });
    db.refuse();
    // A refused text is not taken for written: the next save writes it.
    expect(await save(bp, 'doc-1')).toEqual({ ok: true });
    expect(db.data.get('doc-1')).toBe(JSON.stringify(bp));
  });
});
