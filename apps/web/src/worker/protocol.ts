import type { Analysis } from '../analysis/analyze';
import type { BlueprintPatch } from './patch';

/** Main thread → analysis worker: the next document, as a patch against the previous one. */
export interface AnalysisRequest {
  seq: number;
  patch: BlueprintPatch;
}

/** Analysis worker → main thread: the answer to one request (requests are answered in order). */
export type AnalysisReply = { seq: number; analysis: Analysis } | { seq: number; error: string };
