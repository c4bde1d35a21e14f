import type { Blueprint } from '@blaupause/model';
import type { AnalysisPort } from './analysis-source';
import type { AnalysisReply, DocumentCall, SaveReply, SaveRequest, TextRequest, WorkerReply, WorkerRequest } from './protocol';

/** Documents loaded by the worker (the schema, migrations and YAML readers live there). */
export interface DocumentService {
  /** The autosaved document in these storage entries, if one restores. */
  restore(entries: Record<string, string>): Promise<Blueprint | undefined>;
  /** A template (or the empty blueprint) as a document. */
  template(id: string): Promise<Blueprint>;
}

/** What the page needs of a Worker (a fake one in tests). */
export interface WorkerLike {
  postMessage(request: WorkerRequest): void;
  onmessage: ((e: { data: WorkerReply }) => void) | null;
}

/** Autosave's text of the document of an analysis request (save-host.ts); rejects when the worker cannot. */
export type DocumentText = (request: Omit<TextRequest, 'kind' | 'id'>) => Promise<string>;

/** Autosave by the worker into IndexedDB (protocol.ts SaveRequest): its answer, saved or why not. */
export type DocumentSave = (request: Omit<SaveRequest, 'kind' | 'id'>) => Promise<SaveReply>;

/** One worker, four clients: the analysis port, document calls, autosave's text and autosave's writes, told apart by `kind`. */
export function connectWorker(worker: WorkerLike): {
  analysisPort: AnalysisPort;
  documents: DocumentService;
  text: DocumentText;
  save: DocumentSave;
} {
  const calls = new Map<number, { resolve: (bp: Blueprint | undefined) => void; reject: (e: Error) => void }>();
  const textCalls = new Map<number, { resolve: (text: string) => void; reject: (e: Error) => void }>();
  const saveCalls = new Map<number, (reply: SaveReply) => void>();
  let nextId = 0;
  const analysisPort: AnalysisPort = {
    postMessage: (request) => worker.postMessage({ kind: 'analyze', ...request }),
    onmessage: null,
  };
  worker.onmessage = ({ data }) => {
    if (data.kind === 'analysis') {
      const { kind: _, ...reply } = data;
      analysisPort.onmessage?.({ data: reply as AnalysisReply });
      return;
    }
    if (data.kind === 'save') {
      saveCalls.get(data.id)?.(data);
      saveCalls.delete(data.id);
      return;
    }
    if (data.kind === 'text') {
      const call = textCalls.get(data.id);
      textCalls.delete(data.id);
      if (data.text !== undefined) call?.resolve(data.text);
      else call?.reject(new Error(data.error ?? 'no text'));
      return;
    }
    const call = calls.get(data.id);
    calls.delete(data.id);
    if (data.error !== undefined) call?.reject(new Error(data.error));
    else call?.resolve(data.blueprint);
  };
  const call = (c: DocumentCall) =>
    new Promise<Blueprint | undefined>((resolve, reject) => {
      const id = ++nextId;
      calls.set(id, { resolve, reject });
      worker.postMessage({ kind: 'document', id, call: c });
    });
  const text: DocumentText = (request) =>
    new Promise((resolve, reject) => {
      const id = ++nextId;
      textCalls.set(id, { resolve, reject });
      worker.postMessage({ kind: 'text', id, ...request });
    });
  const save: DocumentSave = (request) =>
    new Promise((resolve) => {
      const id = ++nextId;
      saveCalls.set(id, resolve);
      worker.postMessage({ kind: 'save', id, ...request });
    });
  return {
    analysisPort,
    text,
    save,
    documents: {
      restore: (entries) => call({ method: 'restore', entries }),
      template: async (id) => {
        const bp = await call({ method: 'template', id });
        if (!bp) throw new Error(`template ${id} gave no document`);
        return bp;
      },
    },
  };
}
