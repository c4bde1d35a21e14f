import type { Blueprint } from '@blaupause/model';
import type { Analysis } from '../analysis/analyze';
import { createAssembler } from './patch';
import type { AnalysisReply, AnalysisRequest } from './protocol';

/**
 * The worker's side, free of worker globals so it can be tested: rebuilds each document from its
 * patch and analyses it. A failure is answered as a message (the page keeps the last analysis).
 */
export function createAnalysisHost(analyze: (bp: Blueprint) => Analysis): (request: AnalysisRequest) => AnalysisReply {
  const assemble = createAssembler();
  return ({ seq, patch }) => {
    try {
      return { seq, analysis: analyze(assemble(patch)) };
    } catch (e) {
      return { seq, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
    }
  };
}
