import { AUTOSAVE_KEY, DOC_PREFIX, type KeyValueStorage, LIBRARY_KEY } from '../persistence/keys';

/**
 * Several named blueprints in the browser's storage: an index (titles, times, which one is open)
 * under one key and each document under a key of its own, so that saving one never rewrites the
 * others and one damaged entry costs only itself. Pure functions over an injected storage (tests
 * use a Map); every failure is returned as data, never thrown.
 */
export { LIBRARY_KEY };
export const docKey = (id: string): string => `${DOC_PREFIX}${id}`;

export interface LibraryStorage extends KeyValueStorage {
  removeItem(key: string): void;
  /** Every key in the storage (to find documents whose index entry was lost). */
  keys(): string[];
}

export interface LibraryEntry {
  id: string;
  title: string;
  /** Set while the title is the document's own name (metadata.name) and follows it; a rename ends it. */
  followsName?: true;
  createdAt: number;
  updatedAt: number;
}

export interface LibraryIndex {
  /** The blueprint open in the designer (reopened on the next visit). */
  current: string | undefined;
  entries: LibraryEntry[];
}

export type LibraryErrorCode = 'QUOTA' | 'UNAVAILABLE' | 'MISSING' | 'CORRUPT' | 'UNKNOWN_ID' | 'BAD_TITLE';
export interface LibraryError {
  code: LibraryErrorCode;
  message: string;
}
export type Result<T> = { ok: true; value: T } | { ok: false; error: LibraryError };

export const EMPTY_INDEX: LibraryIndex = { current: undefined, entries: [] };
const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const MAX_TITLE = 80;

/** The loaded index and what loading it had to repair (shown to the user once). */
export interface Loaded {
  index: LibraryIndex;
  notices: string[];
}

/**
 * The index as stored, repaired where needed: a missing index is built from the old single
 * autosave (migrated once, so nobody loses the work of before) and from documents without an
 * entry; a damaged one is rebuilt from the documents; entries whose document is gone are dropped.
 */
export function loadIndex(storage: LibraryStorage, now: number, newId: () => string): Loaded {
  const notices: string[] = [];
  let raw: string | null;
  try {
    raw = storage.getItem(LIBRARY_KEY);
  } catch {
    return { index: EMPTY_INDEX, notices: ['The browser refused access to its storage: blueprints are not saved in this session.'] };
  }
  let index = raw === null ? undefined : parseIndex(raw);
  if (raw !== null && !index) notices.push('The list of saved blueprints was damaged; it has been rebuilt from the blueprints themselves.');
  let changed = !index;
  index ??= { current: undefined, entries: [] };

  const keys = safeKeys(storage);
  const present = new Set(keys.filter((k) => k.startsWith(DOC_PREFIX)).map((k) => k.slice(DOC_PREFIX.length)));
  const kept = index.entries.filter((e) => present.has(e.id));
  for (const e of index.entries)
    if (!present.has(e.id)) notices.push(`“${e.title}” was no longer in the browser's storage and has been removed from the list.`);
  if (kept.length !== index.entries.length) changed = true;
  const known = new Set(kept.map((e) => e.id));
  for (const id of present) {
    if (known.has(id) || !ID.test(id)) continue;
    const title = titleOf(read(storage, docKey(id)));
    kept.push({
      id,
      title: title ?? 'Recovered blueprint',
      ...(title ? { followsName: true as const } : {}),
      createdAt: now,
      updatedAt: now,
    });
    changed = true;
  }
  index = { current: index.current, entries: kept };

  // The single autosave of earlier versions becomes the first entry of the library.
  const legacy = raw === null ? read(storage, AUTOSAVE_KEY) : null;
  let migrated = false;
  if (legacy !== null) {
    const id = newId();
    const title = titleOf(legacy);
    const entry = {
      id,
      title: title ?? 'Recovered blueprint',
      ...(title ? { followsName: true as const } : {}),
      createdAt: now,
      updatedAt: now,
    };
    const written = write(storage, docKey(id), legacy);
    if (written.ok) {
      index = { current: id, entries: [...index.entries, entry] };
      changed = true;
      migrated = true;
    } else notices.push(`Your earlier blueprint could not be moved into the library: ${written.error.message}`);
  }

  const currentId = index.current;
  if (!currentId || !index.entries.some((e) => e.id === currentId)) {
    index = { ...index, current: mostRecent(index.entries)?.id };
    changed = changed || index.entries.length > 0;
  }
  if (changed) {
    const saved = writeIndex(storage, index);
    if (!saved.ok) notices.push(`The list of blueprints could not be saved: ${saved.error.message}`);
    // Only once the library holds it is the old autosave removed (a failed write keeps it for next time).
    else if (migrated) remove(storage, AUTOSAVE_KEY);
  }
  return { index, notices };
}

/** Adds a blueprint (its document as JSON text) and makes it the current one. */
export function createEntry(
  storage: LibraryStorage,
  index: LibraryIndex,
  init: { id: string; title: string; text: string; now: number; followsName?: boolean },
): Result<LibraryIndex> {
  const title = cleanTitle(init.title);
  if (!title.ok) return title;
  if (!ID.test(init.id) || index.entries.some((e) => e.id === init.id))
    return { ok: false, error: { code: 'UNKNOWN_ID', message: `Cannot add a blueprint with the id ${init.id}.` } };
  const written = write(storage, docKey(init.id), init.text);
  if (!written.ok) return written;
  const entry = {
    id: init.id,
    title: title.value,
    ...(init.followsName ? { followsName: true as const } : {}),
    createdAt: init.now,
    updatedAt: init.now,
  };
  const next = { current: init.id, entries: [...index.entries, entry] };
  const saved = writeIndex(storage, next);
  if (!saved.ok) remove(storage, docKey(init.id)); // no document without an entry
  return saved.ok ? { ok: true, value: next } : saved;
}

/**
 * Saves a blueprint's document (autosave); the index records when, and the document's `name`
 * becomes the title of an entry that follows it.
 */
export function saveEntry(
  storage: LibraryStorage,
  index: LibraryIndex,
  id: string,
  text: string,
  now: number,
  name?: string,
): Result<LibraryIndex> {
  const entry = index.entries.find((e) => e.id === id);
  if (!entry) return unknown(id);
  const written = write(storage, docKey(id), text, entry.title);
  if (!written.ok) return written;
  return recordSave(storage, index, id, now, name);
}

/**
 * Records in the index that a blueprint's document was saved (by saveEntry, or by the worker into
 * IndexedDB): when, and the document's `name` as the title of an entry that follows it.
 */
export function recordSave(storage: LibraryStorage, index: LibraryIndex, id: string, now: number, name?: string): Result<LibraryIndex> {
  const entry = index.entries.find((e) => e.id === id);
  if (!entry) return unknown(id);
  // Unique among the others, so two blueprints of the same name stay apart in the list ("web 2").
  const others = { current: index.current, entries: index.entries.filter((e) => e.id !== id) };
  const title = entry.followsName && name?.trim() ? uniqueTitle(others, name) : entry.title;
  const next = { ...index, entries: index.entries.map((e) => (e.id === id ? { ...e, title, updatedAt: now } : e)) };
  // The document is saved; a failed index write only loses the time stamp, so it is not an error.
  writeIndex(storage, next);
  return { ok: true, value: next };
}

/** The index as stored, unrepaired (another tab wrote it); undefined when absent, damaged or unreadable. */
export function readIndex(storage: LibraryStorage): LibraryIndex | undefined {
  const raw = read(storage, LIBRARY_KEY);
  return raw === null ? undefined : parseIndex(raw);
}

export function renameEntry(storage: LibraryStorage, index: LibraryIndex, id: string, title: string): Result<LibraryIndex> {
  if (!index.entries.some((e) => e.id === id)) return unknown(id);
  const clean = cleanTitle(title);
  if (!clean.ok) return clean;
  const renamed = (e: LibraryEntry): LibraryEntry => ({ id: e.id, title: clean.value, createdAt: e.createdAt, updatedAt: e.updatedAt });
  const next = { ...index, entries: index.entries.map((e) => (e.id === id ? renamed(e) : e)) };
  const saved = writeIndex(storage, next);
  return saved.ok ? { ok: true, value: next } : saved;
}

/** Removes a blueprint. When it was the current one, the most recently changed of the others becomes current. */
export function deleteEntry(storage: LibraryStorage, index: LibraryIndex, id: string): Result<LibraryIndex> {
  if (!index.entries.some((e) => e.id === id)) return unknown(id);
  const entries = index.entries.filter((e) => e.id !== id);
  const next = { current: index.current === id ? mostRecent(entries)?.id : index.current, entries };
  const saved = writeIndex(storage, next);
  if (!saved.ok) return saved;
  remove(storage, docKey(id));
  return { ok: true, value: next };
}

/** A copy of a blueprint under a new id and "<title> (copy)"; the copy becomes current. */
export function duplicateEntry(storage: LibraryStorage, index: LibraryIndex, id: string, newId: string, now: number): Result<LibraryIndex> {
  const entry = index.entries.find((e) => e.id === id);
  if (!entry) return unknown(id);
  const text = readEntry(storage, entry);
  if (!text.ok) return text;
  return createEntry(storage, index, { id: newId, title: uniqueTitle(index, `${entry.title} (copy)`), text: text.value, now });
}

export function selectEntry(storage: LibraryStorage, index: LibraryIndex, id: string): Result<LibraryIndex> {
  if (!index.entries.some((e) => e.id === id)) return unknown(id);
  const next = { ...index, current: id };
  // Which blueprint is open is a convenience: if it cannot be recorded, it still opens.
  writeIndex(storage, next);
  return { ok: true, value: next };
}

/** A blueprint's stored JSON text (its schema is checked by whoever loads it). */
export function readEntry(storage: LibraryStorage, entry: LibraryEntry): Result<string> {
  let text: string | null;
  try {
    text = storage.getItem(docKey(entry.id));
  } catch {
    return { ok: false, error: { code: 'UNAVAILABLE', message: 'The browser refused access to its storage.' } };
  }
  if (text === null) return { ok: false, error: { code: 'MISSING', message: `“${entry.title}” is no longer in the browser's storage.` } };
  try {
    JSON.parse(text);
  } catch {
    return { ok: false, error: { code: 'CORRUPT', message: `“${entry.title}” is damaged (its saved text is not readable).` } };
  }
  return { ok: true, value: text };
}

/** `base`, or `base 2`, `base 3`… when a blueprint has that title already. */
export function uniqueTitle(index: LibraryIndex, base: string): string {
  const taken = new Set(index.entries.map((e) => e.title));
  const clean = base.trim().slice(0, MAX_TITLE) || 'Untitled';
  if (!taken.has(clean)) return clean;
  for (let n = 2; ; n++) if (!taken.has(`${clean} ${n}`)) return `${clean} ${n}`;
}

/** Entries newest first, as the library lists them. */
export const byRecent = (entries: readonly LibraryEntry[]): LibraryEntry[] => [...entries].sort((a, b) => b.updatedAt - a.updatedAt);

const mostRecent = (entries: readonly LibraryEntry[]) => byRecent(entries)[0];

function cleanTitle(title: string): Result<string> {
  const t = title.replace(/\s+/g, ' ').trim();
  if (!t) return { ok: false, error: { code: 'BAD_TITLE', message: 'A blueprint needs a name.' } };
  if (t.length > MAX_TITLE) return { ok: false, error: { code: 'BAD_TITLE', message: `A name can have at most ${MAX_TITLE} characters.` } };
  return { ok: true, value: t };
}

function parseIndex(raw: string): LibraryIndex | undefined {
  try {
    const v: unknown = JSON.parse(raw);
    if (!v || typeof v !== 'object' || !Array.isArray((v as LibraryIndex).entries)) return undefined;
    const entries = (v as { entries: unknown[] }).entries.filter(isEntry).map((e) => ({
      id: e.id,
      title: e.title,
      ...(e.followsName === true ? { followsName: true as const } : {}),
      createdAt: e.createdAt,
      updatedAt: e.updatedAt,
    }));
    const current = (v as { current?: unknown }).current;
    return { current: typeof current === 'string' ? current : undefined, entries };
  } catch {
    return undefined;
  }
}

function isEntry(e: unknown): e is LibraryEntry {
  if (!e || typeof e !== 'object') return false;
  const x = e as Record<string, unknown>;
  return (
    typeof x.id === 'string' &&
    ID.test(x.id) &&
    typeof x.title === 'string' &&
    typeof x.createdAt === 'number' &&
    typeof x.updatedAt === 'number'
  );
}

/** A readable title for a stored document: its metadata.name, if the text is a JSON blueprint. */
function titleOf(text: string | null): string | undefined {
  if (!text) return undefined;
  try {
    const name = (JSON.parse(text) as { metadata?: { name?: unknown } })?.metadata?.name;
    return typeof name === 'string' && name.trim() ? name.trim().slice(0, MAX_TITLE) : undefined;
  } catch {
    return undefined;
  }
}

function writeIndex(storage: LibraryStorage, index: LibraryIndex): Result<void> {
  return write(storage, LIBRARY_KEY, JSON.stringify(index));
}

function write(storage: LibraryStorage, key: string, value: string, title?: string): Result<void> {
  try {
    storage.setItem(key, value);
    return { ok: true, value: undefined };
  } catch (e) {
    const quota = e instanceof Error && /quota/i.test(`${e.name} ${e.message}`);
    const what = title ? `“${title}”` : 'It';
    return quota
      ? {
          ok: false,
          error: {
            code: 'QUOTA',
            message: `The browser's storage for this site is full: ${what} was not saved. Delete or export blueprints you no longer need.`,
          },
        }
      : { ok: false, error: { code: 'UNAVAILABLE', message: `The browser refused to save: ${what} was not saved.` } };
  }
}

function read(storage: LibraryStorage, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

function remove(storage: LibraryStorage, key: string): void {
  try {
    storage.removeItem(key);
  } catch {
    // left behind: loadIndex lists an orphaned document again rather than losing it
  }
}

function safeKeys(storage: LibraryStorage): string[] {
  try {
    return storage.keys();
  } catch {
    return [];
  }
}

const unknown = (id: string): Result<never> => ({
  ok: false,
  error: { code: 'UNKNOWN_ID', message: `No blueprint ${id} in the library.` },
});
