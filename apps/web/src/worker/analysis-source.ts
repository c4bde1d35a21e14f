import type { Blueprint, Diagnostic, Target } from '@blaupause/model';
import type { Analysis } from '../analysis/analyze';
import { sameParts, semanticParts } from '../model/semantics';
import { apply } from './delta-apply';
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
  /** The document last sent to the worker and its request's seq (autosave asks the worker for its text). */
  sent(): { seq: number; blueprint: Blueprint } | undefined;
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
  let lastSent: Blueprint | undefined;
  /** A delta did not apply: the next answer is asked for whole (a delta from EMPTY_ANALYSIS). */
  let resync = false;
  let inFlightResync = false;
  /** The request whose answer `analysis` is (0: none yet, or it was asked for whole). */
  let appliedSeq = 0;

  const send = (bp: Blueprint) => {
    inFlight = true;
    inFlightResync = resync;
    lastSent = bp;
    port.postMessage(resync ? { seq: ++seq, patch: patch(bp), resync } : { seq: ++seq, patch: patch(bp) });
    resync = false;
  };
  port.onmessage = ({ data }) => {
    inFlight = false;
    if ('error' in data) onError(`analysis failed: ${data.error}`);
    else {
      try {
        const base = inFlightResync ? 0 : appliedSeq;
        if (data.base !== base) throw new Error(`answer to ${data.seq} is a delta from ${data.base}, the page holds ${base}`);
        const changed = data.delta !== null || inFlightResync;
        // Unchanged targets, files, arrays and texts keep their identity (delta.ts).
        if (changed) analysis = apply(base === 0 ? EMPTY_ANALYSIS : analysis, data.delta ?? undefined) as Analysis;
        appliedSeq = data.seq;
        if (changed) for (const l of listeners) l();
      } catch (e) {
        // Out of step with the worker: ask again for the same document, whole.
        resync = true;
        pending ??= lastSent;
        onError(`analysis reply did not apply: ${e instanceof Error ? e.message : String(e)}`);
      }
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
    sent: () => (lastSent ? { seq, blueprint: lastSent } : undefined),
  };
}
