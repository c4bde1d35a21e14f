import type { Blueprint } from '@blaupause/model';
import { sameParts, semanticParts } from '../model/semantics';

/** What the page knows of the analysis worker's document: the one last sent, with its request's seq (analysis-source.ts). */
export interface SentDocument {
  seq: number;
  blueprint: Blueprint;
}

/**
 * The autosave text of a document, made by the analysis worker (worker/save-host.ts) rather than by
 * `JSON.stringify` on the main thread (~25 ms at 1,000 services). The worker holds the document the
 * page last sent for analysis, layout aside; when that one has every part of `bp` but the layout,
 * the worker's texts of the parts are joined with the layout's (stringified here, kept while the
 * layout stays the same) in `bp`'s key order — the exact text `JSON.stringify(bp)` gives.
 * Undefined when the worker holds another document (a newer one waits to be sent) or fails:
 * the caller serialises on the main thread then.
 */
export function createDocumentText(
  sent: () => SentDocument | undefined,
  texts: (seq: number) => Promise<Record<string, string>>,
  onError: (message: string) => void = console.error,
): (bp: Blueprint) => Promise<string | undefined> {
  let layout: unknown;
  let layoutText = '';
  const layoutOf = (value: unknown) => {
    if (value !== layout) {
      layout = value;
      layoutText = JSON.stringify(value);
    }
    return layoutText;
  };
  return async (bp) => {
    const s = sent();
    if (!s || !sameParts(semanticParts(s.blueprint), semanticParts(bp))) return undefined;
    try {
      const parts = await texts(s.seq);
      return joinParts(bp, (key, value) => (key === 'layout' ? layoutOf(value) : parts[key]));
    } catch (e) {
      onError(`autosave text from the worker failed: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  };
}

/**
 * `JSON.stringify(bp)` from the texts of its parts (undefined values left out, as JSON.stringify
 * does); undefined when a part's text is missing.
 */
export function joinParts(bp: Blueprint, textOf: (key: string, value: unknown) => string | undefined): string | undefined {
  const pieces: string[] = [];
  for (const [key, value] of Object.entries(bp)) {
    if (value === undefined) continue;
    const text = textOf(key, value);
    if (text === undefined) return undefined;
    pieces.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${pieces.join(',')}}`;
}
