import type { Blueprint } from '@blaupause/model';
import type { Analysis } from '../analysis/analyze';
import { EMPTY_ANALYSIS } from './analysis-source';
import { diff } from './delta';
import { createAssembler } from './patch';
import type { AnalysisReply, AnalysisRequest } from './protocol';

/**
 * The worker's side, free of worker globals so it can be tested: rebuilds each document from its
 * patch, analyses it and answers how the analysis differs from the one it sent last (the page
 * holds that one). Comparing here, off the main thread, keeps the page's share of an edit to
 * receiving and applying the changed splices. A failure is answered as a message (the page keeps
 * the last analysis, and so does the host).
 */
export function createAnalysisHost(analyze: (bp: Blueprint) => Analysis): (request: AnalysisRequest) => AnalysisReply {
  const assemble = createAssembler();
  let sent: Analysis = EMPTY_ANALYSIS;
  let sentSeq = 0;
  return ({ seq, patch, resync }) => {
    try {
      const analysis = analyze(assemble(patch));
      const base = resync ? 0 : sentSeq;
      const delta = diff(base === 0 ? EMPTY_ANALYSIS : sent, analysis) ?? null;
      sent = analysis;
      sentSeq = seq;
      return { seq, base, delta };
    } catch (e) {
      return { seq, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
    }
  };
}
