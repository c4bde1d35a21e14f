import type { DocumentDb } from '../persistence/doc-db';
import { DOC_PREFIX } from '../persistence/keys';
import type { LibraryStorage } from './library';

/** localStorage as the library's storage (it lists keys by index, not as an array). */
export function libraryStorage(storage: Storage): LibraryStorage {
  return {
    getItem: (k) => storage.getItem(k),
    setItem: (k, v) => storage.setItem(k, v),
    removeItem: (k) => storage.removeItem(k),
    keys: () => Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter((k): k is string => k !== null),
  };
}

/**
 * The library's documents outside its synchronous storage (IndexedDB): what the library controller
 * needs beyond LibraryStorage (library-controller.ts).
 */
export interface LibraryDocuments {
  /** A document's text: the localStorage copy when there is one (it is the newer), else IndexedDB's; null when neither has it. */
  read(id: string): Promise<string | null>;
  /** The worker is asked to save document `id` into IndexedDB: a mark of its localStorage copy now, for `savedByWorker`. */
  beginSave(id: string): number;
  /** The worker saved document `id` into IndexedDB: its localStorage copy goes, unless written again since `mark`. */
  savedByWorker(id: string, mark: number): void;
  /** Moves the documents in localStorage into IndexedDB; each copy is removed only once IndexedDB holds it. */
  move(): Promise<void>;
}

export type HybridStorage = LibraryStorage &
  LibraryDocuments & { /** Reads which documents IndexedDB holds; false when it is unusable. */ loadIds(): Promise<boolean> };

/**
 * The library's storage with its documents in IndexedDB (persistence/doc-db.ts) and its index in
 * localStorage. Documents the page writes (a new blueprint, a save at pagehide, one serialised here
 * because the worker could not) go to localStorage first — synchronous, so they survive a closed tab
 * at once — and are moved into IndexedDB afterwards (`move`: at start, after a new blueprint) or
 * superseded by the worker's next save of the same document. So a document in localStorage is always
 * the newest copy, and `read` takes it first. Autosave itself goes from the worker into IndexedDB.
 * `keys` lists the documents of both stores (IndexedDB's as read by `loadIds` and kept up to date
 * by this page's writes and deletions).
 */
export function hybridStorage(ls: LibraryStorage, db: DocumentDb): HybridStorage {
  const ids = new Set<string>();
  /** Per document, a count of this page's writes and removals of its localStorage copy. */
  const writes = new Map<string, number>();
  /** Documents the worker was asked to save: their moves are left to the worker's saves (the newer). */
  const byWorker = new Set<string>();
  const idOf = (key: string) => (key.startsWith(DOC_PREFIX) ? key.slice(DOC_PREFIX.length) : undefined);
  const touched = (key: string) => {
    const id = idOf(key);
    if (id !== undefined) writes.set(id, (writes.get(id) ?? 0) + 1);
  };
  const dropLocal = (id: string) => {
    const key = `${DOC_PREFIX}${id}`;
    try {
      if (ls.getItem(key) !== null) {
        ls.removeItem(key);
        touched(key);
      }
    } catch {
      // left behind: it is moved again at the next start
    }
  };

  return {
    getItem: (k) => ls.getItem(k),
    setItem(k, v) {
      ls.setItem(k, v);
      touched(k);
    },
    removeItem(k) {
      ls.removeItem(k);
      touched(k);
      const id = idOf(k);
      if (id === undefined) return;
      ids.delete(id);
      // A failure leaves the document in IndexedDB: listed again as a recovered blueprint, not lost.
      db.delete(id).catch(() => {});
    },
    keys: () => [...new Set([...ls.keys(), ...[...ids].map((id) => `${DOC_PREFIX}${id}`)])],

    async loadIds() {
      try {
        for (const id of await db.ids()) ids.add(id);
        return true;
      } catch {
        return false;
      }
    },
    async read(id) {
      const local = ls.getItem(`${DOC_PREFIX}${id}`);
      if (local !== null) return local;
      return (await db.get(id)) ?? null;
    },
    beginSave(id) {
      byWorker.add(id);
      ids.add(id);
      return writes.get(id) ?? 0;
    },
    savedByWorker(id, mark) {
      ids.add(id);
      if ((writes.get(id) ?? 0) === mark) dropLocal(id);
    },
    async move() {
      const local = ls
        .keys()
        .map(idOf)
        .filter((id): id is string => id !== undefined && !byWorker.has(id));
      for (const id of local) {
        const text = ls.getItem(`${DOC_PREFIX}${id}`);
        if (text === null) continue;
        try {
          await db.put(id, text);
        } catch {
          return; // IndexedDB refuses: the documents stay in localStorage (read from there), tried again next start
        }
        ids.add(id);
        // Written again meanwhile (a newer copy, by this page or another tab) or saved by the worker
        // since: that copy stays until it is superseded.
        if (!byWorker.has(id) && ls.getItem(`${DOC_PREFIX}${id}`) === text) dropLocal(id);
      }
    },
  };
}

/** A library id: time-ordered and unique enough for one browser (matches library.ts's id pattern). */
export function newLibraryId(): string {
  return `${Date.now().toString(36)}-${crypto.randomUUID().slice(0, 8)}`;
}
