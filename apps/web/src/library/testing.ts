import type { LibraryStorage } from './library';

/** A LibraryStorage in memory for tests: its entries in `data`; `full` makes it refuse writes. */
export interface MemoryStorage extends LibraryStorage {
  data: Map<string, string>;
  full: boolean;
}

/**
 * Test data: a LibraryStorage over a Map, starting with `initial`. While `full` is set, a write of
 * a key `refuses` accepts throws as a full browser storage does (QuotaExceededError) — every key
 * by default; `(k) => k.startsWith('blaupause:blueprint:')` refuses only documents, so the index
 * still fits.
 */
export function memoryStorage(initial: Record<string, string> = {}, refuses: (key: string) => boolean = () => true): MemoryStorage {
  const data = new Map(Object.entries(initial));
  const s: MemoryStorage = {
    data,
    full: false,
    getItem: (k) => data.get(k) ?? null,
    setItem(k, v) {
      if (s.full && refuses(k)) throw Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
      data.set(k, v);
    },
    removeItem: (k) => void data.delete(k),
    keys: () => [...data.keys()],
  };
  return s;
}
