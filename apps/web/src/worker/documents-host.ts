import type { Blueprint } from '@blaupause/model';
import { type KeyValueStorage, restoreDocument } from '../persistence/autosave';
import { EMPTY_TEMPLATE, emptyBlueprint, templateBlueprint } from '../templates/templates';
import type { DocumentCall } from './protocol';

/** The worker's side of a document call (no worker globals, so it can be tested). Throws for a bug. */
export function documentCall(call: DocumentCall): Blueprint | undefined {
  switch (call.method) {
    case 'restore':
      return restoreDocument(memoryStorage(call.entries));
    case 'template':
      return call.id === EMPTY_TEMPLATE ? emptyBlueprint() : templateBlueprint(call.id);
  }
}

/** The page's storage entries as the worker sees them: a copy (what the worker writes stays there). */
function memoryStorage(entries: Record<string, string>): KeyValueStorage {
  const map = new Map(Object.entries(entries));
  return {
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
  };
}
