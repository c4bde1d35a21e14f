import { type Blueprint, loadBlueprintValue } from '@blaupause/model';
import { AUTOSAVE_KEY, DOC_PREFIX, type KeyValueStorage, LIBRARY_KEY } from './keys';

export { AUTOSAVE_KEY, type KeyValueStorage } from './keys';

/** The old single-document format (the library keeps several now: library/library.ts); kept for its callers and tests. */
export function saveDocument(storage: KeyValueStorage, bp: Blueprint): boolean {
  try {
    storage.setItem(AUTOSAVE_KEY, JSON.stringify(bp));
    return true;
  } catch {
    return false; // quota exceeded or storage disabled: keep working, just without autosave
  }
}

/**
 * The document to reopen: the library's current blueprint, or (before the library existed) the
 * single autosave. Only one that still passes the schema (semantic problems are fine: the canvas
 * shows them); anything else (absent, corrupt, from an incompatible version) gives undefined.
 * Runs in the worker, on a copy of the storage entries.
 */
export function restoreDocument(storage: KeyValueStorage): Blueprint | undefined {
  const index = read(storage, LIBRARY_KEY);
  if (index === undefined) return parse(read(storage, AUTOSAVE_KEY));
  let current: unknown;
  try {
    current = (JSON.parse(index) as { current?: unknown })?.current;
  } catch {
    return undefined;
  }
  return typeof current === 'string' ? parse(read(storage, `${DOC_PREFIX}${current}`)) : undefined;
}

function read(storage: KeyValueStorage, key: string): string | undefined {
  try {
    return storage.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

function parse(text: string | undefined): Blueprint | undefined {
  if (!text) return undefined;
  try {
    return loadBlueprintValue(JSON.parse(text)).blueprint;
  } catch {
    return undefined;
  }
}
