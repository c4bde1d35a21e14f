import { type Blueprint, loadBlueprintValue } from '@blaupause/model';

/** Where the working document is kept between visits. Versioned so a format change can start over. */
export const AUTOSAVE_KEY = 'blaupause:autosave:v1';

/** Minimal storage interface (window.localStorage fits), so the logic is testable without a browser. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function saveDocument(storage: KeyValueStorage, bp: Blueprint): boolean {
  try {
    storage.setItem(AUTOSAVE_KEY, JSON.stringify(bp));
    return true;
  } catch {
    return false; // quota exceeded or storage disabled: keep working, just without autosave
  }
}

/**
 * The saved document, if there is one that still passes the schema (semantic problems are fine:
 * the canvas shows them). Anything else (absent, corrupt, from an incompatible version) is ignored.
 */
export function restoreDocument(storage: KeyValueStorage): Blueprint | undefined {
  let text: string | null;
  try {
    text = storage.getItem(AUTOSAVE_KEY);
  } catch {
    return undefined;
  }
  if (!text) return undefined;
  try {
    return loadBlueprintValue(JSON.parse(text)).blueprint;
  } catch {
    return undefined;
  }
}
