import type { KeyValueStorage } from '../persistence/autosave';

/** A view preference, not part of the document: kept in the browser beside the autosave. */
export const SNAP_KEY = 'blaupause:snap-to-grid';

/** On unless turned off; storage that cannot be read counts as "never set". */
export function readSnap(storage: KeyValueStorage | undefined): boolean {
  try {
    return storage?.getItem(SNAP_KEY) !== 'off';
  } catch {
    return true;
  }
}

export function writeSnap(storage: KeyValueStorage | undefined, on: boolean): void {
  try {
    storage?.setItem(SNAP_KEY, on ? 'on' : 'off');
  } catch {
    // Quota or disabled storage: the toggle still works for this visit.
  }
}
