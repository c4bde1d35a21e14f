import type { Blueprint, Target } from '@blaupause/model';
import type { Delta } from './delta';
import type { BlueprintPatch } from './patch';

/** Main thread → worker: the next document to analyse, as a patch against the previous one. */
export interface AnalysisRequest {
  seq: number;
  patch: BlueprintPatch;
  /** The page could not apply a delta: answer against the empty analysis (the whole analysis). */
  resync?: boolean;
  /**
   * Compile only these targets now (the one the page shows): problems and the other targets stay as
   * in the last analysis, notes are joined from them. The page asks for the whole analysis of the
   * same document right after it painted this one (analysis-source.ts), so what it shows for an
   * edit is first the shown preview, a frame later everything else, as a full analysis gives it.
   */
  only?: Target[];
}

/**
 * Worker → main thread: the answer to one analysis request (requests are answered in order), as a
 * delta (delta-apply.ts) from the analysis answered to request `base` (0: from EMPTY_ANALYSIS, before
 * the first answer or after a resync); null when the analysis did not change.
 */
export type AnalysisReply = { seq: number; base: number; delta: Delta | null } | { seq: number; error: string };

/** Documents the worker loads, so the schema and the YAML readers stay out of the initial chunk. */
export type DocumentCall =
  /** The autosaved document, from a copy of the app's storage entries; undefined when none restores. */
  | { method: 'restore'; entries: Record<string, string> }
  /** A template as a document (EMPTY_TEMPLATE: the empty blueprint). */
  | { method: 'template'; id: string };

/**
 * Autosave (save-host.ts): the JSON text of the document of analysis request `seq`, its parts in the
 * page's key order `keys` (those with a value), with the page's text of its layout (never sent for analysis).
 */
export type TextRequest = { kind: 'text'; id: number; seq: number; keys: string[]; layout?: string };

/**
 * Autosave into IndexedDB (persistence/doc-db.ts): the worker makes the text of analysis request
 * `seq`'s document as for a TextRequest and writes it as library document `doc` itself, so the page
 * neither receives nor writes the several MB of a large blueprint; it learns only saved or failed.
 */
export type SaveRequest = { kind: 'save'; id: number; doc: string; seq: number; keys: string[]; layout?: string };

/**
 * The answer to a SaveRequest: written (or the same text was written last time), or why not —
 * `stale` when the worker holds another request's document (the page asks again later), `quota`
 * when the browser's storage is full.
 */
export type SaveReply = { kind: 'save'; id: number; ok: true } | { kind: 'save'; id: number; error: string; stale?: true; quota?: true };

export type WorkerRequest =
  | ({ kind: 'analyze' } & AnalysisRequest)
  | { kind: 'document'; id: number; call: DocumentCall }
  | TextRequest
  | SaveRequest;

export type WorkerReply =
  | ({ kind: 'analysis' } & AnalysisReply)
  | { kind: 'document'; id: number; blueprint?: Blueprint; error?: string }
  | { kind: 'text'; id: number; text?: string; error?: string }
  | SaveReply;
