import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import { AUTOSAVE_KEY, saveDocument } from '../persistence/autosave';
import { EMPTY_TEMPLATE, templateBlueprint } from '../templates/templates';
import { createAnalysisSource } from './analysis-source';
import { connectWorker, type WorkerLike } from './connect';
import { createWorkerDispatch } from './dispatch';
import type { WorkerRequest } from './protocol';

/** The worker's dispatch as analysis.worker.ts does it, answering on the next microtask through clones. */
function fakeWorker(): WorkerLike {
  const dispatch = createWorkerDispatch(analyze);
  const worker: WorkerLike = {
    onmessage: null,
    postMessage(request: WorkerRequest) {
      const data = structuredClone(request);
      queueMicrotask(async () => worker.onmessage?.({ data: structuredClone(await dispatch(data)) }));
    },
  };
  return worker;
}

describe('one worker for documents and analysis', () => {
  it('loads templates and the empty blueprint as the main thread did', async () => {
    const { documents } = connectWorker(fakeWorker());
    expect(await documents.template('seed-compose')).toEqual(templateBlueprint('seed-compose'));
    expect(Object.keys((await documents.template(EMPTY_TEMPLATE)).services)).toEqual([]);
    await expect(documents.template('no-such-template')).rejects.toThrow('unknown template');
  });

  it('restores the autosaved document from a copy of the storage entries, and nothing from a corrupt one', async () => {
    const { documents } = connectWorker(fakeWorker());
    const data = new Map<string, string>();
    const storage = { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
    const bp = templateBlueprint('patterns');
    expect(saveDocument(storage, bp)).toBe(true);
    expect(await documents.restore(Object.fromEntries(data))).toEqual(bp);
    expect(await documents.restore({ [AUTOSAVE_KEY]: '{not json' })).toBeUndefined();
    expect(await documents.restore({})).toBeUndefined();
  });

  it('answers document calls and analyses over the same worker', async () => {
    const { analysisPort, documents } = connectWorker(fakeWorker());
    const source = createAnalysisSource(analysisPort);
    const answered = new Promise<void>((resolve) => source.subscribe(resolve));
    const bp = await documents.template('seed-compose');
    source.request(bp);
    await answered;
    expect(source.current()).toEqual(analyze(bp));
  });
});
