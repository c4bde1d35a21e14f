/**
 * Texts of compiler output that are joined only when read. The incremental compiler (the canvas's
 * analysis worker) writes a megabyte-sized target text per edit, and the worker needs only how it
 * differs from the last one: joining it (a fresh large-object allocation per target and edit)
 * cost more than the edit's whole compile. A lazy text is an ordinary enumerable property whose
 * getter joins the pieces once; `lazyTextPieces` gives the pieces to code that can do without the
 * joined string (worker/delta.ts compares two outputs chunk by chunk).
 */

const piecesOf = new WeakMap<object, { key: string; pieces: readonly string[] }>();

/** `target` with `key` defined as the concatenation of `pieces`, joined when first read. */
export function defineLazyText<T extends object>(target: T, key: string, pieces: readonly string[]): T {
  let text: string | undefined;
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get: () => {
      text ??= pieces.length === 1 ? (pieces[0] as string) : pieces.join('');
      return text;
    },
  });
  piecesOf.set(target, { key, pieces });
  return target;
}

/** The pieces of `owner[key]` when it is a lazy text, else undefined. */
export function lazyTextPieces(owner: object, key: string): readonly string[] | undefined {
  const lazy = piecesOf.get(owner);
  return lazy && lazy.key === key ? lazy.pieces : undefined;
}

/** Whether `value` holds a lazy text (comparing it as data would join it). */
export function hasLazyText(value: unknown): boolean {
  return typeof value === 'object' && value !== null && piecesOf.has(value);
}
