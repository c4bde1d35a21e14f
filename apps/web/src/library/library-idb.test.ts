import 'fake-indexeddb/auto';
import type { Blueprint } from '@blaupause/model';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { withDefaultLayout } from '../flow/default-layout';
import { restoreDocument } from '../persistence/autosave';
import { openDocumentDb } from '../persistence/doc-db';
import type { WorkerSaveOutcome } from '../persistence/document-text';
import { createAppStore, selectBlueprint } from '../store/store';
import { EMPTY_TEMPLATE, emptyBlueprint, templateBlueprint } from '../templates/templates';
import { hybridStorage } from './browser-storage';
import { docKey, LIBRARY_KEY } from './library';
import { createLibrary } from './library-controller';
import { memoryStorage } from './testing';

/** Full, it refuses only documents' keys: the index still fits. */
const memory = (initial: Record<string, string> = {}) => memoryStorage(initial, (k) => k.startsWith('blaupause:blueprint:'));

/**
 * The worker's save (worker/dispatch.ts) in-process: the document's text into IndexedDB over a
 * connection of its own. `mode` makes it refuse like a full IndexedDB or answer "another document
 * now"; `hold` keeps answers until released.
 */
function fakeWorker() {
  const db = openDocumentDb();
  const w = {
    mode: 'ok' as 'ok' | 'quota' | 'stale',
    calls: 0,
    /** Saves answered. */
    done: 0,
    held: undefined as Array<() => void> | undefined,
    async save(bp: Blueprint, doc: string): Promise<WorkerSaveOutcome> {
      w.calls++;
      if (w.held) await new Promise<void>((resolve) => w.held?.push(resolve));
      if (w.mode === 'stale') return { ok: false, stale: true };
      if (w.mode === 'quota') return { ok: false, error: 'QuotaExceededError', quota: true };
      await db.put(doc, JSON.stringify(bp));
      w.done++;
      return { ok: true };
    },
  };
  return w;
}

/** The page's startup (main.tsx) with IndexedDB (fake-indexeddb) and the worker's restore and save in-process. */
async function start(ls = memory(), worker = fakeWorker(), tab = 'bp') {
  let t = 100;
  let n = 0;
  const hybrid = hybridStorage(ls, openDocumentDb());
  expect(await hybrid.loadIds()).toBe(true);
  const library = createLibrary({
    storage: hybrid,
    restore: async (entries) => restoreDocument({ getItem: (k) => entries[k] ?? null, setItem: () => {} }),
    template: async (id) => withDefaultLayout(id === EMPTY_TEMPLATE ? emptyBlueprint() : templateBlueprint(id)),
    withLayout: withDefaultLayout,
    now: () => ++t,
    newId: () => `${tab}-${++n}`,
    documents: hybrid,
    saveInWorker: (bp, doc) => worker.save(bp, doc),
  });
  const entries = await library.restoreEntries();
  const restored = restoreDocument({ getItem: (k) => entries[k] ?? null, setItem: () => {} });
  const store = createAppStore(withDefaultLayout(restored ?? templateBlueprint('seed-compose')));
  library.attach(store, restored !== undefined);
  await hybrid.move();
  return { library, store, ls, worker, hybrid };
}

type App = Awaited<ReturnType<typeof start>>;
const names = (a: App) => Object.keys(selectBlueprint(a.store.getState()).services);
const localDocs = (a: App) => [...a.ls.data.keys()].filter((k) => k.startsWith('blaupause:blueprint:'));
const dbText = (id: string) => openDocumentDb().get(id);
const currentId = (a: App) => a.library.state().index.current ?? '';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory(); // an empty browser profile per test
});

describe('library with its documents in IndexedDB', () => {
  it('autosave: the worker writes the document into IndexedDB, the page only the index; a reload opens it from there', async () => {
    const app = await start();
    expect(localDocs(app)).toEqual([]); // the first entry was moved into IndexedDB
    const setItem = vi.spyOn(app.ls, 'setItem');
    app.store.getState().dispatch({ kind: 'addService', name: 'api' });
    const before = app.library.state().index.entries[0]?.updatedAt ?? 0;
    app.library.scheduleSave(0);
    await vi.waitFor(() => expect(app.library.state().index.entries[0]?.updatedAt).toBeGreaterThan(before));
    expect(app.worker.calls).toBe(1);
    expect(setItem.mock.calls.map(([k]) => k)).toEqual([LIBRARY_KEY]);
    expect(JSON.parse((await dbText(currentId(app))) ?? '{}').services).toHaveProperty('api');
    // Nothing owed: leaving the page writes nothing.
    setItem.mockClear();
    app.library.flush();
    expect(setItem).not.toHaveBeenCalled();
    const again = await start(app.ls);
    expect(names(again)).toContain('api');
    expect(again.library.state().index.entries.map((e) => e.title)).toEqual(['seed-haproxy']);
  });

  it('first start of this version: the blueprints of localStorage move into IndexedDB, then their keys go; the library lists them all', async () => {
    const a = JSON.stringify(templateBlueprint('patterns'));
    const b = JSON.stringify(templateBlueprint('seed-compose'));
    const index = {
      current: 'old-a',
      entries: [
        { id: 'old-a', title: 'Patterns', createdAt: 1, updatedAt: 2 },
        { id: 'old-b', title: 'Seed', createdAt: 1, updatedAt: 1 },
      ],
    };
    const ls = memory({ [LIBRARY_KEY]: JSON.stringify(index), [docKey('old-a')]: a, [docKey('old-b')]: b });
    const app = await start(ls);
    expect(names(app)).toEqual(Object.keys(templateBlueprint('patterns').services));
    expect(localDocs(app)).toEqual([]);
    expect(await dbText('old-a')).toBe(a);
    expect(await dbText('old-b')).toBe(b);
    expect(JSON.parse(ls.data.get(LIBRARY_KEY) ?? '{}')).toEqual(index);
    const again = await start(ls);
    expect(again.library.state().index.entries.map((e) => e.id)).toEqual(['old-a', 'old-b']);
    expect(await again.library.open('old-b')).toBe(true);
    expect(names(again)).toEqual(Object.keys(templateBlueprint('seed-compose').services));
  });

  it('IndexedDB refuses a save (full, unusable): the page saves into localStorage as before, nothing lost, no error', async () => {
    const app = await start();
    app.worker.mode = 'quota';
    app.store.getState().dispatch({ kind: 'addService', name: 'api' });
    app.library.scheduleSave(0);
    await vi.waitFor(() => expect(localDocs(app)).toHaveLength(1));
    expect(app.library.state().error).toBeUndefined();
    // The copy in localStorage is the newer one: a reload reads it, not IndexedDB's older one.
    const again = await start(app.ls, fakeWorker());
    expect(names(again)).toContain('api');
  });

  it('both storages full: the error is shown and the work stays on the canvas; the next save clears it', async () => {
    const app = await start();
    app.worker.mode = 'quota';
    app.ls.full = true;
    app.store.getState().dispatch({ kind: 'addService', name: 'api' });
    app.library.scheduleSave(0);
    await vi.waitFor(() => expect(app.library.state().error).toMatch(/full: “seed-haproxy” was not saved/));
    expect(names(app)).toContain('api');
    app.worker.mode = 'ok';
    app.store.getState().dispatch({ kind: 'addService', name: 'more' });
    app.library.scheduleSave(0);
    await vi.waitFor(() => expect(app.library.state().error).toBeUndefined());
    expect(JSON.parse((await dbText(currentId(app))) ?? '{}').services).toHaveProperty('more');
  });

  it('the worker holding another document: asked again, then serialised here', async () => {
    const app = await start();
    app.worker.mode = 'stale';
    app.store.getState().dispatch({ kind: 'addService', name: 'api' });
    app.library.scheduleSave(0);
    await vi.waitFor(() => expect(localDocs(app)).toHaveLength(1), { timeout: 3000 });
    expect(app.worker.calls).toBe(3);
    expect(app.ls.data.get(localDocs(app)[0] ?? '')).toContain('"api"');
  });

  it('leaving the page while the worker saves: the document is written to localStorage at once and that newer copy is kept', async () => {
    const app = await start();
    app.worker.held = [];
    app.store.getState().dispatch({ kind: 'addService', name: 'api' });
    app.library.scheduleSave(0);
    await vi.waitFor(() => expect(app.worker.calls).toBe(1));
    app.store.getState().dispatch({ kind: 'addService', name: 'later' });
    app.library.flush();
    expect(localDocs(app)).toHaveLength(1);
    for (const release of app.worker.held) release();
    await vi.waitFor(async () => expect(await dbText(currentId(app))).toContain('"api"'));
    expect(localDocs(app)).toHaveLength(1); // the older save by the worker did not remove the newer copy
    const again = await start(app.ls, fakeWorker());
    expect(names(again)).toContain('later');
    expect(localDocs(again)).toEqual([]); // and the next start moved it into IndexedDB
  });

  it('deleting the open blueprint while the worker saves it: its document does not come back', async () => {
    const app = await start();
    const first = currentId(app);
    expect(await app.library.createFromTemplate('patterns', 'Patterns')).toBe(true);
    const doomed = currentId(app);
    app.worker.held = [];
    app.store.getState().dispatch({ kind: 'addService', name: 'api' });
    app.library.scheduleSave(0);
    await vi.waitFor(() => expect(app.worker.calls).toBe(1));
    expect(await app.library.remove(doomed)).toBe(true);
    expect(currentId(app)).toBe(first);
    for (const release of app.worker.held) release();
    app.worker.held = undefined;
    await vi.waitFor(() => expect(app.worker.done).toBe(1)); // written after the deletion
    await vi.waitFor(async () => expect(await openDocumentDb().ids()).toEqual([first]));
    const again = await start(app.ls);
    expect(again.library.state().index.entries.map((e) => e.title)).toEqual(['seed-haproxy']);
  });

  it('create, duplicate, rename, delete and switch work over IndexedDB', async () => {
    const app = await start();
    const first = currentId(app);
    expect(await app.library.createFromTemplate('patterns', 'Patterns')).toBe(true);
    const patterns = currentId(app);
    expect(await app.library.duplicate(patterns)).toBe(true);
    const copy = currentId(app);
    expect(app.library.state().index.entries.find((e) => e.id === copy)?.title).toBe('Patterns (copy)');
    expect(names(app)).toEqual(Object.keys(templateBlueprint('patterns').services));
    expect(app.library.rename(copy, 'Mine')).toBe(true);
    expect(await app.library.open(first)).toBe(true);
    expect(names(app)).toEqual(['weba', 'webb', 'haproxy']);
    expect(await app.library.remove(patterns)).toBe(true);
    await vi.waitFor(async () => expect(await dbText(patterns)).toBeUndefined());
    const again = await start(app.ls);
    expect(
      again.library
        .state()
        .index.entries.map((e) => e.title)
        .sort(),
    ).toEqual(['Mine', 'seed-haproxy']);
    expect(await again.library.open(copy)).toBe(true);
    expect(names(again)).toEqual(Object.keys(templateBlueprint('patterns').services));
  });
});
