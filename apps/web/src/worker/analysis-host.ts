import type { Blueprint, Service, Target } from '@blaupause/model';
import type { Analysis } from '../analysis/analyze';
import { EMPTY_ANALYSIS } from './analysis-source';
import { diff } from './delta';
import { createAssembler } from './patch';
import type { AnalysisReply, AnalysisRequest } from './protocol';

/** The worker's side of analysis requests, and its warm-up (see createAnalysisHost). */
export interface AnalysisHost {
  (request: AnalysisRequest): AnalysisReply;
  /**
   * The steps of a warm-up edit on the document last answered (none after a failure), to run one per
   * task while the page is idle: the same work an edit of one service does, so that the user's first
   * edit meets warm caches and optimised code. Each step leaves the host answering exactly as before
   * (a step interrupted by a request is harmless: see createAnalysisHost).
   */
  warmUp(): Array<() => void>;
}

/**
 * The worker's side, free of worker globals so it can be tested: rebuilds each document from its
 * patch, analyses it and answers how the analysis differs from the one it sent last (the page
 * holds that one). Comparing here, off the main thread, keeps the page's share of an edit to
 * receiving and applying the changed splices. A failure is answered as a message (the page keeps
 * the last analysis, and so does the host). `assembled` learns each request's document (autosave's
 * texts are made of it); warm-ups do not tell it theirs.
 *
 * The first edit of a large document costs the worker 3-4 times a later one (13-19 ms CPU against
 * 4-5 at 1,000 services in Chrome: the incremental compiler's reuse paths and the delta's run for
 * the first time). The warm-up runs that edit ahead with a copy of one service (a new object with
 * the same data): compiled for one target as an edit asks first, then whole, then the document
 * itself again. The copy has the same data, so every analysis made on the way equals the
 * document's; the answer last sent (the page's copy, the base of the next delta) is not touched.
 */
export function createAnalysisHost(
  analyze: (bp: Blueprint, only?: readonly Target[]) => Analysis,
  assembled?: (bp: Blueprint) => void,
): AnalysisHost {
  const assemble = createAssembler();
  let sent: Analysis = EMPTY_ANALYSIS;
  let sentSeq = 0;
  let doc: Blueprint | undefined;
  const host = ({ seq, patch, resync, only }: AnalysisRequest): AnalysisReply => {
    doc = undefined;
    try {
      const bp = assemble(patch);
      assembled?.(bp);
      // A resync answers the whole analysis: a partial one would build on what the page lacks.
      const analysis = only && !resync ? analyze(bp, only) : analyze(bp);
      const base = resync ? 0 : sentSeq;
      const delta = diff(base === 0 ? EMPTY_ANALYSIS : sent, analysis) ?? null;
      sent = analysis;
      sentSeq = seq;
      doc = bp;
      return { seq, base, delta };
    } catch (e) {
      return { seq, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
    }
  };
  const warmUp = (): Array<() => void> => {
    const real = doc;
    if (!real) return [];
    const names = Object.keys(real.services);
    const name = names[names.length >> 1];
    if (name === undefined) return [];
    const services: Record<string, Service> = {};
    for (const n of names) services[n] = n === name ? { ...(real.services[n] as Service) } : (real.services[n] as Service);
    const copy: Blueprint = { ...real, services };
    const base = sent;
    return [() => void diff(base, analyze(copy, ['compose'])), () => void diff(base, analyze(copy)), () => void diff(base, analyze(real))];
  };
  return Object.assign(host, { warmUp });
}
