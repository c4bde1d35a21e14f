import type { Blueprint } from '@blaupause/model';
import { sameParts, semanticParts } from '../model/semantics';

/** What the page knows of the analysis worker's document: the one last sent, with its request's seq (analysis-source.ts). */
export interface SentDocument {
  seq: number;
  blueprint: Blueprint;
}

/** Asks the worker for its document's text (worker/connect.ts): parts in `keys` order, `layout` as given. */
export type AskText = (request: { seq: number; keys: string[]; layout?: string }) => Promise<string>;

/**
 * The autosave text of a document, made by the analysis worker (worker/save-host.ts) rather than by
 * `JSON.stringify` on the main thread (~25 ms at 1,000 services). The worker holds the document the
 * page last sent for analysis, without its layout; when that one has every other part of `bp`, the
 * worker joins its texts of the parts with the layout's (stringified here, kept while the layout
 * stays the same) in `bp`'s key order — the exact text `JSON.stringify(bp)` gives — so the page
 * only writes it. Undefined when the worker holds another document (a newer one waits to be sent)
 * or fails: the caller serialises on the main thread then.
 */
export function createDocumentText(
  sent: () => SentDocument | undefined,
  ask: AskText,
  onError: (message: string) => void = console.error,
): (bp: Blueprint) => Promise<string | undefined> {
  const requestFor = createTextRequest(sent);
  return async (bp) => {
    const request = requestFor(bp);
    if (!request) return undefined;
    try {
      return await ask(request);
    } catch (e) {
      onError(`autosave text from the worker failed: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  };
}

/** What a save by the worker gave: written, not now (the worker holds another document: ask again later), or refused. */
export type WorkerSaveOutcome = { ok: true } | { ok: false; stale: true } | { ok: false; stale?: false; error: string; quota: boolean };

/** Asks the worker to make a document's text and write it to IndexedDB (worker/connect.ts DocumentSave). */
export type AskSave = (request: {
  doc: string;
  seq: number;
  keys: string[];
  layout?: string;
}) => Promise<{ ok: true } | { error: string; stale?: true; quota?: true }>;

/**
 * Autosave by the worker (worker/dispatch.ts): as createDocumentText, but the worker writes the
 * text as library document `doc` into IndexedDB itself and answers only whether it did — the text
 * never comes to the page. `stale` when the worker holds another document than `bp` (a newer one
 * waits to be sent): the caller asks again later.
 */
export function createDocumentSave(
  sent: () => SentDocument | undefined,
  ask: AskSave,
): (bp: Blueprint, doc: string) => Promise<WorkerSaveOutcome> {
  const requestFor = createTextRequest(sent);
  return async (bp, doc) => {
    const request = requestFor(bp);
    if (!request) return { ok: false, stale: true };
    try {
      const reply = await ask({ doc, ...request });
      if ('ok' in reply) return { ok: true };
      return reply.stale ? { ok: false, stale: true } : { ok: false, error: reply.error, quota: reply.quota === true };
    } catch (e) {
      return { ok: false, error: e instanceof Error ? e.message : String(e), quota: false };
    }
  };
}

/** The text request for `bp` (its parts from the worker's copy, its layout stringified here), when the worker holds its parts. */
function createTextRequest(
  sent: () => SentDocument | undefined,
): (bp: Blueprint) => { seq: number; keys: string[]; layout?: string } | undefined {
  let layout: unknown;
  let layoutText: string | undefined;
  return (bp) => {
    const s = sent();
    if (!s || !sameParts(semanticParts(s.blueprint), semanticParts(bp))) return undefined;
    // JSON.stringify's keys: own enumerable ones, in order, whose value is not undefined.
    const keys = Object.keys(bp).filter((k) => bp[k as keyof Blueprint] !== undefined);
    if (bp.layout !== layout) {
      layout = bp.layout;
      layoutText = layout === undefined ? undefined : JSON.stringify(layout);
    }
    return { seq: s.seq, keys, ...(layoutText === undefined ? {} : { layout: layoutText }) };
  };
}
