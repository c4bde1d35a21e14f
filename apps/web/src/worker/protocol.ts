import type { Blueprint } from '@blaupause/model';
import type { Analysis } from '../analysis/analyze';
import type { BlueprintPatch } from './patch';

/** Main thread → worker: the next document to analyse, as a patch against the previous one. */
export interface AnalysisRequest {
  seq: number;
  patch: BlueprintPatch;
}

/** Worker → main thread: the answer to one analysis request (requests are answered in order). */
export type AnalysisReply = { seq: number; analysis: Analysis } | { seq: number; error: string };

/** Documents the worker loads, so the schema and the YAML readers stay out of the initial chunk. */
export type DocumentCall =
  /** The autosaved document, from a copy of the app's storage entries; undefined when none restores. */
  | { method: 'restore'; entries: Record<string, string> }
  /** A template as a document (EMPTY_TEMPLATE: the empty blueprint). */
  | { method: 'template'; id: string };

export type WorkerRequest = ({ kind: 'analyze' } & AnalysisRequest) | { kind: 'document'; id: number; call: DocumentCall };

export type WorkerReply = ({ kind: 'analysis' } & AnalysisReply) | { kind: 'document'; id: number; blueprint?: Blueprint; error?: string };
