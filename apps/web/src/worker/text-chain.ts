/** One text splice: [at, at + del) replaced by `ins`. */
export interface TextEdit {
  at: number;
  del: number;
  ins: string;
}

/**
 * A long text as the text it was last rebuilt from (`base`) and the splices applied since, in
 * order. Splicing a text the usual way (`t.slice(0, at) + ins + t.slice(at + del)`) gives a
 * concatenation that V8 copies into one flat string the next time it is sliced: for the three
 * compiled targets of a 1,000-service blueprint, megabytes copied on the main thread per edit,
 * whether or not anything reads them. A chained text is rebuilt from slices of its base (which
 * is flat once) and the inserted texts, so an edit copies nothing; after CHAIN_MAX_EDITS splices
 * the chain starts again from the current text (one copy per that many edits).
 */
export interface TextChain {
  base: string;
  edits: readonly TextEdit[];
  length: number;
}

/** Texts at least this long are spliced as chains (below it the copy is cheaper than the bookkeeping). */
export const CHAIN_MIN_LENGTH = 1 << 16;
export const CHAIN_MAX_EDITS = 32;

/** `text` (the text `chain` gives, if any) with `edit` applied, and its chain. */
export function spliceText(text: string, chain: TextChain | undefined, edit: TextEdit): { text: string; chain?: TextChain } {
  if (edit.at + edit.del > text.length) throw new Error('delta: text splice does not fit');
  const length = text.length - edit.del + edit.ins.length;
  if (text.length < CHAIN_MIN_LENGTH) return { text: text.slice(0, edit.at) + edit.ins + text.slice(edit.at + edit.del) };
  if (chain && chain.length === text.length && chain.edits.length < CHAIN_MAX_EDITS) {
    const next = { base: chain.base, edits: [...chain.edits, edit], length };
    return { text: chainText(next), chain: next };
  }
  // A new chain on the current text: this slicing flattens it once.
  return { text: text.slice(0, edit.at) + edit.ins + text.slice(edit.at + edit.del), chain: { base: text, edits: [edit], length } };
}

/** A piece of a chained text: a span [from, to) of the base, or an inserted text. */
type Piece = readonly [number, number] | string;

const pieceLength = (p: Piece) => (typeof p === 'string' ? p.length : p[1] - p[0]);

/** The pieces covering [from, to) of the text `pieces` make. */
function cut(pieces: readonly Piece[], from: number, to: number): Piece[] {
  const out: Piece[] = [];
  let offset = 0;
  for (const p of pieces) {
    const n = pieceLength(p);
    const start = Math.max(from, offset);
    const end = Math.min(to, offset + n);
    if (start < end) {
      if (start === offset && end === offset + n) out.push(p);
      else if (typeof p === 'string') out.push(p.slice(start - offset, end - offset));
      else out.push([p[0] + start - offset, p[0] + end - offset]);
    }
    offset += n;
    if (offset >= to) break;
  }
  return out;
}

/** The text of a chain: its base's slices and the inserted texts, concatenated (no copy of the base). */
export function chainText(chain: TextChain): string {
  let pieces: Piece[] = [[0, chain.base.length]];
  let length = chain.base.length;
  for (const e of chain.edits) {
    pieces = [...cut(pieces, 0, e.at), ...(e.ins ? [e.ins] : []), ...cut(pieces, e.at + e.del, length)];
    length += e.ins.length - e.del;
  }
  let text = '';
  for (const p of pieces) text += typeof p === 'string' ? p : chain.base.slice(p[0], p[1]);
  return text;
}
