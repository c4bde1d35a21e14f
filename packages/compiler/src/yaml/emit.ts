import { Rendered } from './rendered';
import type { SourceRange } from './source-tag';
import { StreamedMapping } from './streamed';
import { Writer } from './writer';

/**
 * A purpose-built YAML writer for compiler output: block style, two-space indent, compact
 * sequences, strings plain only when every YAML 1.1 and 1.2 reader agrees they are strings,
 * double-quoted (JSON escapes) otherwise, literal blocks for multi-line text. It is many times
 * faster than a general serialiser because it never inspects the document for anchors or comments
 * and caches the rendering of repeated strings (keys above all).
 * Keys keep insertion order: emitters build objects in a fixed order, so output is stable.
 * Correctness is proved by a property test: emit → parse with `yaml` → deep-equal.
 */

export interface EmitResult {
  text: string;
  ranges: SourceRange[];
}

/** Writes one YAML document (no "---"). */
export function emitYaml(value: unknown): EmitResult {
  const w = new Writer();
  w.root(value);
  return { text: w.text(), ranges: w.ranges };
}

/**
 * Writes several documents separated by "---", with source ranges numbered in the joined text.
 * Each document is written as it comes, so `docs` may be a generator.
 */
export function emitYamlDocuments(docs: Iterable<unknown>): EmitResult {
  const w = new Writer();
  writeDocuments(w, docs);
  return { text: w.text(), ranges: w.ranges };
}

/**
 * emitYamlDocuments' text as the pieces it was written in (Output.pieces), not joined. With
 * `wholeRendered` (the incremental compiler) every Rendered piece is a piece of its own, so the
 * pieces of two compiles line up at every kept service (Output.wholeRendered).
 */
export function emitYamlDocumentPieces(docs: Iterable<unknown>, wholeRendered = true): { pieces: string[]; ranges: SourceRange[] } {
  const w = new Writer();
  w.wholeRendered = wholeRendered;
  writeDocuments(w, docs);
  return { pieces: w.pieces(), ranges: w.ranges };
}

function writeDocuments(w: Writer, docs: Iterable<unknown>): void {
  let first = true;
  for (const doc of docs) {
    // A Rendered run of documents carries the separators between its own documents.
    if (doc instanceof Rendered && doc.lines === 0) continue;
    if (!first) w.pushLine('---\n');
    first = false;
    if (doc instanceof Rendered) w.pushRendered(doc);
    else w.root(doc);
  }
}

/**
 * The entries of a mapping at depth `depth` as a Rendered piece: written later as a value of a
 * StreamedMapping at that depth, it gives exactly what writing the entries there would have.
 */
export function renderEntries(entries: Iterable<readonly [string, unknown]>, depth: number): Rendered {
  const w = new Writer();
  w.entriesAt(new StreamedMapping(entries), depth);
  return new Rendered(w.text(), w.line, w.ranges);
}

/** Documents as a Rendered piece: written later as one item of emitYamlDocuments' input. */
export function renderDocuments(docs: Iterable<unknown>): Rendered {
  const w = new Writer();
  writeDocuments(w, docs);
  return new Rendered(w.text(), w.line, w.ranges);
}
