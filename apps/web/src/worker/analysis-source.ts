import type { Blueprint, Diagnostic, Target } from '@blaupause/model';
import type { Analysis } from '../analysis/analyze';
import { sameParts, semanticParts } from '../model/semantics';
import { createPatcher } from './patch';
import type { AnalysisReply, AnalysisRequest } from './protocol';

/**
 * Problems and compiled targets of the store's document, computed elsewhere (the analysis worker)
 * and read by components through useSyncExternalStore. The store stays the source of truth: this
 * only follows it.
 */
export interface AnalysisSource {
  /** The newest analysis that has arrived (EMPTY_ANALYSIS until the first one). */
  current(): Analysis;
  subscribe(listener: () => void): () => void;
  /** Asks for the analysis of this document. A document that differs only in layout asks nothing. */
  request(bp: Blueprint): void;
}

/** What a Worker offers the source (a fake one in tests). */
export interface AnalysisPort {
  postMessage(request: AnalysisRequest): void;
  onmessage: ((e: { data: AnalysisReply }) => void) | null;
}

const NO_TARGET = (target: Target) => ({ target, files: [], diagnostics: [] as Diagnostic[] });

/** Before the first answer: no problems, no output. */
export const EMPTY_ANALYSIS: Analysis = {
  problems: [],
  compiled: { compose: NO_TARGET('compose'), swarm: NO_TARGET('swarm'), kubernetes: NO_TARGET('kubernetes') },
  notes: [],
};

/**
 * At most one request is in flight; documents that arrive meanwhile are coalesced into the newest,
 * sent when the answer comes. So a burst of keystrokes costs one analysis per answer, not one each.
 */
export function createAnalysisSource(port: AnalysisPort, onError: (message: string) => void = console.error): AnalysisSource {
  const patch = createPatcher();
  const listeners = new Set<() => void>();
  let analysis = EMPTY_ANALYSIS;
  let seq = 0;
  let inFlight = false;
  let pending: Blueprint | undefined;
  let lastParts: readonly unknown[] | undefined;

  const send = (bp: Blueprint) => {
    inFlight = true;
    port.postMessage({ seq: ++seq, patch: patch(bp) });
  };
  port.onmessage = ({ data }) => {
    inFlight = false;
    if ('error' in data) onError(`analysis failed: ${data.error}`);
    else {
      analysis = data.analysis;
      for (const l of listeners) l();
    }
    if (pending) {
      const next = pending;
      pending = undefined;
      send(next);
    }
  };

  return {
    current: () => analysis,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    request(bp) {
      const parts = semanticParts(bp);
      if (sameParts(lastParts, parts)) return;
      lastParts = parts;
      if (inFlight) pending = bp;
      else send(bp);
    },
  };
}
