/// <reference lib="webworker" />
import { createIncrementalAnalyze } from '../analysis/analyze';
import { openDocumentDb } from '../persistence/doc-db';
import { createWorkerDispatch } from './dispatch';
import type { WorkerRequest } from './protocol';

// Validation, the three compilers, the schema and the YAML readers run here, off the main thread:
// typing and panning stay fluid on big blueprints, and the initial chunk carries none of them.
// Incremental: the worker's documents keep untouched services' identity (see patch.ts), so after
// an edit only the edited service is compiled again. Autosave's JSON text is made here too (save-host.ts)
// and written to IndexedDB from here (persistence/doc-db.ts): the page learns only saved or failed.
const dispatch = createWorkerDispatch(createIncrementalAnalyze(), openDocumentDb());
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = ({ data }: MessageEvent<WorkerRequest>) => {
  const reply = dispatch(data);
  if (reply instanceof Promise) void reply.then((r) => scope.postMessage(r));
  else scope.postMessage(reply);
};
