/**
 * What the app keeps in the browser's storage, by key. A module of its own (no schema, no model)
 * so the page can name the keys without loading what reads the documents (that runs in the worker).
 */

/** The single autosaved document of earlier versions; the library moves it into itself on first load. */
export const AUTOSAVE_KEY = 'blaupause:autosave:v1';
/** The library's index: titles, times, which blueprint is open (library/library.ts). */
export const LIBRARY_KEY = 'blaupause:library:v1';
/** Prefix of each library document's key; the rest is the blueprint's library id. */
export const DOC_PREFIX = 'blaupause:blueprint:v1:';

/** Minimal storage interface (window.localStorage fits), so the logic is testable without a browser. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}
