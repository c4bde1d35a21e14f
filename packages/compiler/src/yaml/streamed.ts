/**
 * A mapping whose entries the writer takes one at a time, writing each before asking for the
 * next. A large document (Compose's `services:`) then never exists as one object tree: each
 * entry's objects are garbage once written, so they die young instead of being promoted while
 * the rest is built. The output equals that of the object with the same entries in the same
 * order (undefined values left out, `{}` when none remains); entries are not tagged themselves.
 * Keys must be distinct, since an object would merge repeated ones.
 */
export class StreamedMapping {
  constructor(readonly entries: Iterable<readonly [string, unknown]>) {}
}
