import type { Blueprint, Target } from '@blaupause/model';
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
export function createAnalysisHost(
  analyze: (bp: Blueprint, only?: readonly Target[]) => Analysis,
): (request: AnalysisRequest) => AnalysisReply {
  const assemble = createAssembler();
  let sent: Analysis = EMPTY_ANALYSIS;
  let sentSeq = 0;
  return ({ seq, patch, resync, only }) => {
    try {
      // A resync answers the whole analysis: a partial one would build on what the page lacks.
      const analysis = only && !resync ? analyze(assemble(patch), only) : analyze(assemble(patch));
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
