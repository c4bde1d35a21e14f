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

/** A library id: time-ordered and unique enough for one browser (matches library.ts's id pattern). */
export function newLibraryId(): string {
  return `${Date.now().toString(36)}-${crypto.randomUUID().slice(0, 8)}`;
}
