import type { Blueprint } from '@blaupause/model';
import type { WorkerSaveOutcome } from '../persistence/document-text';
import { DOC_PREFIX, LIBRARY_KEY } from '../persistence/keys';
import { type AppStore, selectBlueprint } from '../store/store';
import { EMPTY_TEMPLATE } from '../templates/catalog';
import type { LibraryDocuments } from './browser-storage';
import {
  createEntry,
  deleteEntry,
  docKey,
  duplicateEntry,
  type LibraryIndex,
  type LibraryStorage,
  loadIndex,
  type Result,
  readEntry,
  readIndex,
  recordSave,
  renameEntry,
  saveEntry,
  selectEntry,
  uniqueTitle,
} from './library';

export interface LibraryState {
  index: LibraryIndex;
  /** What went wrong last (a save the storage refused, a blueprint that cannot be opened); shown until dismissed. */
  error: string | undefined;
  /** What loading had to repair, shown once. */
  notices: string[];
}

export interface LibraryDeps {
  storage: LibraryStorage;
  /** Reads a stored document through the schema (in the worker): the library entries give the document to read. */
  restore(entries: Record<string, string>): Promise<Blueprint | undefined>;
  /** A template as a document, laid out. */
  template(id: string): Promise<Blueprint>;
  /** Places nodes a document has no layout for (documents from storage normally have one). */
  withLayout(bp: Blueprint): Blueprint;
  now(): number;
  newId(): string;
  /**
   * The document's autosave text, made off the main thread (persistence/document-text.ts): exactly
   * `JSON.stringify(bp)`, or undefined when it cannot be made now. Without it, saves serialise here.
   */
  text?(bp: Blueprint): Promise<string | undefined>;
  /**
   * Runs `write` when the page is idle (the worker's text is written then, not in the task that
   * receives it); returns a cancel. Default: requestIdleCallback with a timeout where the browser
   * has it, else at once.
   */
  idle?(write: () => void): () => void;
  /**
   * Documents kept outside `storage` (IndexedDB, browser-storage.ts hybridStorage): read
   * asynchronously when a blueprint opens. Without it, documents are read from `storage`.
   */
  documents?: LibraryDocuments;
  /**
   * Autosave by the worker: it makes the document's text and writes it as library document `doc`
   * into IndexedDB itself (persistence/document-text.ts createDocumentSave); the page learns only
   * whether it did. Takes the place of `text` and the write here; a refusal falls back to them.
   */
  saveInWorker?(bp: Blueprint, doc: string): Promise<WorkerSaveOutcome>;
}

/** The longest a save of the worker's text waits for an idle moment (ms). */
export const IDLE_WRITE_TIMEOUT_MS = 1000;

/**
 * requestIdleCallback with a timeout: a 1.5 MB localStorage write (~16 ms at 1,000 services) lands
 * after the frame that shows the edit, not in it; at once where the browser has no idle callbacks.
 */
function whenIdle(write: () => void): () => void {
  if (typeof requestIdleCallback !== 'function') {
    write();
    return () => {};
  }
  const id = requestIdleCallback(write, { timeout: IDLE_WRITE_TIMEOUT_MS });
  return () => cancelIdleCallback(id);
}

/**
 * The library as the page uses it: the index in memory, the store's document saved into the
 * current entry shortly after each change, and the commands of the library dialog. Switching
 * blueprints saves the current one first and opens the other with a fresh undo history.
 * Every failure ends in `error` (and the method returning false); nothing throws at the UI.
 */
export interface LibraryController {
  state(): LibraryState;
  subscribe(listener: () => void): () => void;
  /** What the worker needs to restore the current blueprint: the index naming it and its document (not every blueprint). */
  restoreEntries(): Promise<Record<string, string>>;
  /** Connects the store (startup): `restored` says whether its document is the current entry's. */
  attach(store: AppStore, restored: boolean): void;
  /** Saves the store's document into the current entry after `delay` ms of quiet. */
  scheduleSave(delay?: number): void;
  /** Saves now, if a save is pending. */
  flush(): void;
  open(id: string): Promise<boolean>;
  /** A new blueprint from a template; without a title it is named after the document (and follows its name). */
  createFromTemplate(templateId: string, title?: string): Promise<boolean>;
  /** A new blueprint holding `blueprint` (an imported file, a template picked in the toolbar); named after the document. The current one is saved first and kept. */
  createFromDocument(blueprint: Blueprint): boolean;
  rename(id: string, title: string): boolean;
  duplicate(id: string): Promise<boolean>;
  remove(id: string): Promise<boolean>;
  dismiss(): void;
  /** Re-reads the index as another tab wrote it (no repair: that tab saw its documents); this page keeps its own open blueprint. */
  refresh(): void;
}

const SAVE_DELAY_MS = 400;
/** Times a scheduled save waits again for the worker's text (its document not sent yet) before serialising here. */
const TEXT_RETRIES = 2;

export function createLibrary(deps: LibraryDeps): LibraryController {
  const loaded = loadIndex(deps.storage, deps.now(), deps.newId);
  let state: LibraryState = { index: loaded.index, error: undefined, notices: loaded.notices };
  let store: AppStore | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** The document last written to (or read from) the current entry: no need to write it again. */
  let saved: Blueprint | undefined;
  /** The text last written to the current entry, when known: the same text is not written again. */
  let savedText: string | undefined;
  /** A save is owed: a change was scheduled and not written yet (flush writes it). */
  let owed = false;
  /** The document whose text the worker is making for a scheduled save (a later save or switch drops it). */
  let asked: Blueprint | undefined;
  let retries = 0;
  /** Cancels the write of a worker's text that waits for an idle moment (the save is still owed until it runs). */
  let cancelIdle: (() => void) | undefined;
  const idle = deps.idle ?? whenIdle;
  const dropIdleWrite = () => {
    cancelIdle?.();
    cancelIdle = undefined;
  };
  const listeners = new Set<() => void>();

  const set = (patch: Partial<LibraryState>) => {
    state = { ...state, ...patch };
    for (const l of listeners) l();
  };
  /** Applies a storage result: the new index, or the error shown to the user. */
  const apply = (r: Result<LibraryIndex>): boolean => {
    if (r.ok) set({ index: r.value, error: undefined });
    else set({ error: r.error.message });
    return r.ok;
  };
  const current = () => state.index.entries.find((e) => e.id === state.index.current);

  const write = (bp: Blueprint, text: string) => {
    const entry = current();
    if (!entry) return;
    if (text === savedText) saved = bp;
    else if (apply(saveEntry(deps.storage, state.index, entry.id, text, deps.now(), bp.metadata.name))) {
      saved = bp;
      savedText = text;
    }
  };

  /** Saves the store's document now, serialised here (switching, leaving the page, no worker). */
  const save = () => {
    clearTimeout(timer);
    timer = undefined;
    owed = false;
    asked = undefined;
    dropIdleWrite();
    const entry = current();
    if (!store || !entry) return;
    const bp = selectBlueprint(store.getState());
    if (bp !== saved) write(bp, JSON.stringify(bp));
  };

  /**
   * A scheduled save by the worker into IndexedDB: the page only records it in the index. The
   * worker holding another document (a newer one waits to be sent) asks again later; a refusal
   * (quota, IndexedDB unusable) saves here into localStorage as before, which reports its own failure.
   */
  const saveByWorker = (bp: Blueprint, saveInWorker: NonNullable<LibraryDeps['saveInWorker']>) => {
    const entry = current();
    if (!entry) return;
    asked = bp;
    const mark = deps.documents?.beginSave(entry.id) ?? 0;
    void saveInWorker(bp, entry.id).then((r) => {
      // Deleted meanwhile (here, or in another tab): the worker's write may have landed after the
      // deletion; its document goes again rather than coming back as a recovered blueprint.
      if (r.ok && !state.index.entries.some((e) => e.id === entry.id)) deps.storage.removeItem(docKey(entry.id));
      // A later save, a switch or a flush took over (a flush writes the document here at once).
      if (asked !== bp) return;
      asked = undefined;
      // Another blueprint is open, or this one was deleted meanwhile (in another tab): nothing to record.
      if (current()?.id !== entry.id) return;
      if (r.ok) {
        retries = 0;
        deps.documents?.savedByWorker(entry.id, mark);
        saved = bp;
        savedText = undefined;
        // A change since has its own save scheduled (and owed).
        if (!store || selectBlueprint(store.getState()) === bp) owed = false;
        apply(recordSave(deps.storage, state.index, entry.id, deps.now(), bp.metadata.name));
      } else if (r.stale && retries++ < TEXT_RETRIES) timer = setTimeout(saveSoon, SAVE_DELAY_MS);
      else {
        retries = 0;
        save();
      }
    });
  };

  /** A scheduled save: by the worker, or with the worker's text when it comes, if the store still shows that document. */
  const saveSoon = () => {
    timer = undefined;
    const bp = store ? selectBlueprint(store.getState()) : undefined;
    if (deps.saveInWorker && bp && bp !== saved) return saveByWorker(bp, deps.saveInWorker);
    if (!deps.text || !bp || bp === saved) return save();
    asked = bp;
    void deps.text(bp).then((text) => {
      // A later save or a switch took over; or the document changed since (its own save follows).
      if (asked !== bp) return;
      asked = undefined;
      if (!store || selectBlueprint(store.getState()) !== bp) return;
      if (text !== undefined) {
        retries = 0;
        // Written when the page is idle: after the frame that shows the edit. Still owed until then
        // (leaving the page writes at once), and not written if the document changed meanwhile.
        dropIdleWrite();
        cancelIdle = idle(() => {
          cancelIdle = undefined;
          if (!store || selectBlueprint(store.getState()) !== bp) return;
          owed = false;
          write(bp, text);
        });
      } else if (retries++ < TEXT_RETRIES) timer = setTimeout(saveSoon, SAVE_DELAY_MS);
      else {
        retries = 0;
        save();
      }
    });
  };

  /** Adds a document as a new entry (titled by the user, or following the document's name), makes it current and shows it. */
  const adopt = (bp: Blueprint, title: string | undefined): boolean => {
    save();
    const init = {
      id: deps.newId(),
      title: title ?? uniqueTitle(state.index, bp.metadata.name),
      followsName: title === undefined,
      text: JSON.stringify(bp),
      now: deps.now(),
    };
    if (!apply(createEntry(deps.storage, state.index, init))) return false;
    show(bp);
    savedText = init.text;
    // Written to localStorage (at once, so a closed tab keeps it); IndexedDB takes it over.
    void deps.documents?.move();
    return true;
  };

  /** The storage as readEntry sees it, with document `id`'s text read (from IndexedDB when it is not in localStorage). */
  const withDocument = async (id: string): Promise<LibraryStorage> => {
    const docs = deps.documents;
    if (!docs) return deps.storage;
    const read = await docs.read(id).then(
      (text) => ({ text }),
      (error: unknown) => ({ error }),
    );
    return {
      ...deps.storage,
      getItem: (k) => {
        if (k !== docKey(id)) return deps.storage.getItem(k);
        if ('error' in read) throw read.error;
        return read.text;
      },
    };
  };

  const show = (bp: Blueprint) => {
    saved = bp;
    savedText = undefined;
    store?.getState().openDocument(bp);
  };

  return {
    state: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async restoreEntries(): Promise<Record<string, string>> {
      const entry = current();
      const text = entry ? readEntry(await withDocument(entry.id), entry) : undefined;
      if (!entry || !text?.ok) return {};
      return { [LIBRARY_KEY]: JSON.stringify({ current: entry.id, entries: [] }), [`${DOC_PREFIX}${entry.id}`]: text.value };
    },

    attach(s, restored) {
      store = s;
      const bp = selectBlueprint(s.getState());
      // Not a change: nothing to save (and, when the current entry did not load, nothing may overwrite it).
      saved = bp;
      const entry = current();
      if (restored && entry) return;
      // Nothing to reopen (first visit), or the current entry would not load: the document shown
      // becomes an entry of its own, and a damaged one stays in the list untouched.
      if (entry)
        set({ error: `“${entry.title}” could not be opened: it is damaged or from an incompatible version. It is kept in the list.` });
      const error = state.error;
      if (adopt(bp, undefined) && error) set({ error });
    },

    scheduleSave(delay = SAVE_DELAY_MS) {
      owed = true;
      retries = 0;
      dropIdleWrite();
      clearTimeout(timer);
      timer = setTimeout(saveSoon, delay);
    },
    flush() {
      if (owed) save();
    },

    async open(id) {
      const entry = state.index.entries.find((e) => e.id === id);
      if (!entry) return false;
      save();
      const text = readEntry(await withDocument(id), entry);
      if (!text.ok) {
        set({ error: text.error.message });
        return false;
      }
      const bp = await deps.restore({ [LIBRARY_KEY]: JSON.stringify({ current: id, entries: [] }), [`${DOC_PREFIX}${id}`]: text.value });
      if (!bp) {
        set({
          error: `“${entry.title}” could not be opened: it is damaged or from an incompatible version. The other blueprints are not affected.`,
        });
        return false;
      }
      apply(selectEntry(deps.storage, state.index, id));
      show(deps.withLayout(bp));
      return true;
    },

    async createFromTemplate(templateId, title) {
      try {
        return adopt(await deps.template(templateId), title?.trim() ? uniqueTitle(state.index, title.trim()) : undefined);
      } catch (e) {
        set({ error: `Could not create the blueprint: ${e instanceof Error ? e.message : String(e)}` });
        return false;
      }
    },

    createFromDocument(blueprint) {
      return adopt(blueprint, undefined);
    },

    rename(id, title) {
      return apply(renameEntry(deps.storage, state.index, id, title));
    },

    async duplicate(id) {
      save();
      const copy = deps.newId();
      if (!apply(duplicateEntry(await withDocument(id), state.index, id, copy, deps.now()))) return false;
      void deps.documents?.move();
      // The copy is current now: open it (it is the same document, read back through the schema).
      return this.open(copy);
    },

    async remove(id) {
      const wasCurrent = id === state.index.current;
      if (!apply(deleteEntry(deps.storage, state.index, id))) return false;
      if (!wasCurrent) return true;
      // What the deleted blueprint had not saved yet goes with it (and must not land in the next one).
      clearTimeout(timer);
      timer = undefined;
      owed = false;
      asked = undefined;
      dropIdleWrite();
      saved = store ? selectBlueprint(store.getState()) : undefined;
      savedText = undefined;
      const next = state.index.current;
      if (next && (await this.open(next))) return true;
      // Nothing left (or the next one is damaged): start an empty blueprint so there is always one open.
      const error = state.error;
      const ok = await this.createFromTemplate(EMPTY_TEMPLATE);
      if (error) set({ error });
      return ok;
    },

    dismiss() {
      set({ error: undefined, notices: [] });
    },

    refresh() {
      const mine = state.index.current;
      const index = readIndex(deps.storage);
      if (!index) return;
      const kept = mine !== undefined && index.entries.some((e) => e.id === mine);
      set({ index: { ...index, current: kept ? mine : index.current } });
      if (mine !== undefined && !kept) {
        // Deleted elsewhere: the work shown here goes into a new entry rather than nowhere.
        const bp = store ? selectBlueprint(store.getState()) : undefined;
        if (bp) {
          const r = createEntry(deps.storage, state.index, {
            id: deps.newId(),
            title: uniqueTitle(state.index, bp.metadata.name),
            followsName: true,
            text: JSON.stringify(bp),
            now: deps.now(),
          });
          if (r.ok)
            set({
              index: r.value,
              error: 'This blueprint was deleted in another tab; what is open here was saved again as a new blueprint.',
            });
          else set({ error: r.error.message });
          saved = bp;
          savedText = undefined;
          void deps.documents?.move();
        }
      }
    },
  };
}
