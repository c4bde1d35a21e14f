import { type IDBPDatabase, openDB } from 'idb';

/**
 * The library's documents in IndexedDB: one record per blueprint (its library id → its JSON text).
 * localStorage is synchronous and main-thread-only: writing a 1,000-service blueprint's text there
 * (several MB) blocked the page 16–54 ms per autosave. IndexedDB is asynchronous and open to the
 * analysis worker, which makes the text and writes it itself (worker/save-host.ts, dispatch.ts).
 * The library's index stays in localStorage (library/library.ts): small, read synchronously at
 * start, and its 'storage' events tell other tabs of changes. Used by the page and by the worker.
 */
export const DB_NAME = 'blaupause';
export const DB_VERSION = 1;
export const DOC_STORE = 'documents';

export interface DocumentDb {
  get(id: string): Promise<string | undefined>;
  put(id: string, text: string): Promise<void>;
  delete(id: string): Promise<void>;
  ids(): Promise<string[]>;
}

/** The error of a refused write, as the library words it: a full storage or a refusal. */
export function isQuotaError(e: unknown): boolean {
  return e instanceof Error && /quota/i.test(`${e.name} ${e.message}`);
}

/**
 * The documents' database (opened on first use, again after a failure or when another version
 * asks to upgrade or delete it). Every call rejects when IndexedDB is missing or refuses (private
 * modes, disabled storage, a full disk): callers fall back to localStorage.
 */
export function openDocumentDb(): DocumentDb {
  let db: Promise<IDBPDatabase> | undefined;
  const open = (): Promise<IDBPDatabase> => {
    if (typeof indexedDB === 'undefined') return Promise.reject(new Error('IndexedDB is not available'));
    db ??= openDB(DB_NAME, DB_VERSION, {
      upgrade(d) {
        if (!d.objectStoreNames.contains(DOC_STORE)) d.createObjectStore(DOC_STORE);
      },
      // Another page wants to upgrade or delete the database: let it, and open again on the next call.
      blocking(_current, _next, event) {
        (event.target as IDBDatabase).close();
        db = undefined;
      },
      terminated() {
        db = undefined;
      },
    }).catch((e: unknown) => {
      db = undefined;
      throw e;
    });
    return db;
  };
  return {
    async get(id) {
      const v: unknown = await (await open()).get(DOC_STORE, id);
      return typeof v === 'string' ? v : undefined;
    },
    async put(id, text) {
      await (await open()).put(DOC_STORE, text, id);
    },
    async delete(id) {
      await (await open()).delete(DOC_STORE, id);
    },
    async ids() {
      return (await (await open()).getAllKeys(DOC_STORE)).filter((k): k is string => typeof k === 'string');
    },
  };
}
