import type { Blueprint, Diagnostic, Target } from '@blaupause/model';
import type { Analysis } from '../analysis/analyze';
import { sameParts, semanticParts } from '../model/semantics';
import { apply } from './delta-apply';
import { type BlueprintPatch, createPatcher } from './patch';
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
  /**
   * The target whose preview is shown (undefined: none). An edit then asks the worker for that
   * target first (AnalysisRequest.only) and for the whole analysis once the preview is painted: the
   * preview does not wait for validation and the other two compilers, which would also take a
   * core from the page while it paints the edit (2 cores: page, worker, compositor).
   */
  prefer(target: Target | undefined): void;
}

/** What a Worker offers the source (a fake one in tests). */
export interface AnalysisPort {
  postMessage(request: AnalysisRequest): void;
  onmessage: ((e: { data: AnalysisReply }) => void) | null;
}

const servicesOnly = (p: BlueprintPatch) => p.order === undefined && Object.keys(p.parts).length === 0;

const NO_TARGET = (target: Target) => ({ target, files: [], diagnostics: [] as Diagnostic[] });

/** Before the first answer: no problems, no output. */
export const EMPTY_ANALYSIS: Analysis = {
  problems: [],
  compiled: { compose: NO_TARGET('compose'), swarm: NO_TARGET('swarm'), kubernetes: NO_TARGET('kubernetes') },
  notes: [],
};

/** The longest the whole analysis waits for the page to paint (a hidden page draws no frames). */
export const SETTLE_BOUND_MS = 150;

/**
 * Runs `f` once the page has painted what it holds now and the frame after it has begun: in a task
 * after the second frame (at the latest after SETTLE_BOUND_MS). Called in the task of the worker's
 * answer (whose commit changes the preview), the first frame is the one that paints the preview.
 * The former way (a timer queued from the first frame) ran right after that frame's main-thread
 * work, while the compositor was still drawing it and before any timer another callback of the same
 * frame had queued; its request (an empty patch: the same document, ~0.5 ms of CPU) woke the worker
 * for validation and the other two targets (tens of ms of CPU) on a 2-core machine in the middle of
 * the edit's paint. An idle callback came too late (Chrome gave the first idle period ~110–130 ms
 * after the reply under the edit probe, i.e. at the bound).
 */
export const afterPaint = (f: () => void): void => {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    f();
  };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(once, 0)));
  setTimeout(once, SETTLE_BOUND_MS);
};

/**
 * At most one request is in flight; documents that arrive meanwhile are coalesced into the newest,
 * sent when the answer comes. So a burst of keystrokes costs one analysis per answer, not one each.
 */
export function createAnalysisSource(
  port: AnalysisPort,
  onError: (message: string) => void = console.error,
  later: (f: () => void) => void = afterPaint,
): AnalysisSource {
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
  let preferred: Target | undefined;
  /** The last request asked for the preferred target only: the whole analysis of its document is owed. */
  let owed = false;
  let settling = false;

  const send = (bp: Blueprint, whole = false) => {
    inFlight = true;
    inFlightResync = resync;
    lastSent = bp;
    const request: AnalysisRequest = { seq: ++seq, patch: patch(bp) };
    if (resync) request.resync = true;
    // An edit of services only (not a document replaced, a part or the services' order changed),
    // on top of a whole analysis the page holds (not the first one, not a resync).
    else if (!whole && preferred && appliedSeq > 0 && servicesOnly(request.patch)) request.only = [preferred];
    owed = request.only !== undefined;
    port.postMessage(request);
    resync = false;
  };
  /** Once the page has painted the answer (afterPaint), the whole analysis of the document last sent (unless another request goes first). */
  const settle = () => {
    if (settling) return;
    settling = true;
    later(() => {
      settling = false;
      if (owed && !inFlight && lastSent) send(lastSent, true);
    });
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
    } else if (owed) settle();
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
    prefer(target) {
      preferred = target;
    },
  };
}
