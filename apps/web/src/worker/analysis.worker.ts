/// <reference lib="webworker" />
import { createIncrementalAnalyze } from '../analysis/analyze';
import { createAnalysisHost } from './analysis-host';
import { documentCall } from './documents-host';
import type { WorkerReply, WorkerRequest } from './protocol';

// Validation, the three compilers, the schema and the YAML readers run here, off the main thread:
// typing and panning stay fluid on big blueprints, and the initial chunk carries none of them.
// Incremental: the worker's documents keep untouched services' identity (see patch.ts), so after
// an edit only the edited service is compiled again.
const analysis = createAnalysisHost(createIncrementalAnalyze());
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = ({ data }: MessageEvent<WorkerRequest>) => {
  let reply: WorkerReply;
  if (data.kind === 'analyze') reply = { kind: 'analysis', ...analysis(data) };
  else {
    try {
      const blueprint = documentCall(data.call);
      reply = { kind: 'document', id: data.id, ...(blueprint ? { blueprint } : {}) };
    } catch (e) {
      reply = { kind: 'document', id: data.id, error: e instanceof Error ? e.message : String(e) };
    }
  }
  scope.postMessage(reply);
};
