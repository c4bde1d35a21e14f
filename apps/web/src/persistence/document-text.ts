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
  let layout: unknown;
  let layoutText: string | undefined;
  return async (bp) => {
    const s = sent();
    if (!s || !sameParts(semanticParts(s.blueprint), semanticParts(bp))) return undefined;
    // JSON.stringify's keys: own enumerable ones, in order, whose value is not undefined.
    const keys = Object.keys(bp).filter((k) => bp[k as keyof Blueprint] !== undefined);
    if (bp.layout !== layout) {
      layout = bp.layout;
      layoutText = layout === undefined ? undefined : JSON.stringify(layout);
    }
    try {
      return await ask({ seq: s.seq, keys, ...(layoutText === undefined ? {} : { layout: layoutText }) });
    } catch (e) {
      onError(`autosave text from the worker failed: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  };
}
