import type { Blueprint } from '@blaupause/model';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { withDefaultLayout } from '../flow/default-layout';
import { restoreDocument } from '../persistence/autosave';
import { createAppStore, selectBlueprint } from '../store/store';
import { EMPTY_TEMPLATE, emptyBlueprint, templateBlueprint } from '../templates/templates';
import { docKey, LIBRARY_KEY } from './library';
import { createLibrary, type LibraryDeps } from './library-controller';
import { memoryStorage as memory } from './testing';

/** The page's startup (main.tsx) with the worker's restore run in-process. */
async function start(storage = memory(), tab = 'bp', text?: LibraryDeps['text'], idle?: LibraryDeps['idle']) {
  let t = 100;
  let n = 0;
  const deps: LibraryDeps = {
    storage,
    restore: async (entries) => restoreDocument({ getItem: (k) => entries[k] ?? null, setItem: () => {} }),
    template: async (id) => withDefaultLayout(id === EMPTY_TEMPLATE ? emptyBlueprint() : templateBlueprint(id)),
    withLayout: withDefaultLayout,
    now: () => ++t,
    newId: () => `${tab}-${++n}`,
    ...(text ? { text } : {}),
    ...(idle ? { idle } : {}),
  };
  const library = createLibrary(deps);
  const entries = await library.restoreEntries();
  const restored = restoreDocument({ getItem: (k) => entries[k] ?? null, setItem: () => {} });
  const store = createAppStore(withDefaultLayout(restored ?? templateBlueprint('seed-compose')));
  library.attach(store, restored !== undefined);
  return { library, store, storage };
}

const names = (s: Awaited<ReturnType<typeof start>>) => Object.keys(selectBlueprint(s.store.getState()).services);
const titles = (s: Awaited<ReturnType<typeof start>>) => s.library.state().index.entries.map((e) => e.title);

describe('library controller', () => {
  it('first visit: the seed becomes the first entry; edits are saved into it and come back on reload', async () => {
    const app = await start();
    expect(titles(app)).toEqual(['seed-haproxy']);
    app.store.getState().dispatch({ kind: 'addService', name: 'api' });
    app.library.scheduleSave();
    app.library.flush();
    const again = await start(app.storage);
    expect(titles(again)).toEqual(['seed-haproxy']);
    expect(names(again)).toContain('api');
  });

  it('switches between blueprints, saving the one left and giving each a fresh history', async () => {
    const app = await start();
    const first = app.library.state().index.current ?? '';
    expect(await app.library.createFromTemplate('patterns', 'Patterns')).toBe(true);
    expect(names(app)).toEqual(Object.keys(templateBlueprint('patterns').services));
    app.store.getState().dispatch({ kind: 'addService', name: 'extra' });
    app.library.scheduleSave(10_000); // still pending when we switch
    expect(await app.library.open(first)).toBe(true);
    expect(names(app)).toEqual(['weba', 'webb', 'haproxy']);
    expect(app.store.getState().history.past).toEqual([]);
    const second = app.library.state().index.entries.find((e) => e.title === 'Patterns')?.id ?? '';
    expect(await app.library.open(second)).toBe(true);
    expect(names(app)).toContain('extra');
    // Reload reopens the current one.
    expect(names(await start(app.storage))).toContain('extra');
  });

  it('a document opened as a new blueprint keeps the one that was open, as it was, across a reload', async () => {
    const app = await start();
    const first = app.library.state().index.current ?? '';
    app.store.getState().dispatch({ kind: 'addService', name: 'mine' });
    app.library.scheduleSave(10_000); // still pending when the new one opens
    expect(app.library.createFromDocument(templateBlueprint('patterns'))).toBe(true);
    expect(app.library.state().index.current).not.toBe(first);
    expect(names(app)).toEqual(Object.keys(templateBlueprint('patterns').services));
    expect(app.store.getState().history.past).toEqual([]);
    const again = await start(app.storage);
    expect(titles(again)).toEqual(['seed-haproxy', templateBlueprint('patterns').metadata.name]);
    expect(names(again)).toEqual(Object.keys(templateBlueprint('patterns').services));
    return again.library.open(first).then((ok) => {
      expect(ok).toBe(true);
      expect(names(again)).toEqual(['weba', 'webb', 'haproxy', 'mine']);
    });
  });

  it('renames, duplicates and deletes; deleting the open one opens the next, deleting the last starts an empty one', async () => {
    const app = await start();
    const first = app.library.state().index.current ?? '';
    expect(app.library.rename(first, 'Shop')).toBe(true);
    expect(app.library.rename(first, ' ')).toBe(false);
    expect(app.library.state().error).toMatch(/needs a name/);
    app.library.dismiss();
    expect(await app.library.duplicate(first)).toBe(true);
    expect(titles(app)).toEqual(['Shop', 'Shop (copy)']);
    const copy = app.library.state().index.current ?? '';
    expect(copy).not.toBe(first);
    app.store.getState().dispatch({ kind: 'addService', name: 'only-in-copy' });
    app.library.scheduleSave(10_000);
    expect(await app.library.remove(copy)).toBe(true);
    expect(app.library.state().index.current).toBe(first);
    expect(names(app)).not.toContain('only-in-copy');
    expect(app.storage.data.get(docKey(first))).not.toContain('only-in-copy');
    expect(await app.library.remove(first)).toBe(true);
    expect(titles(app)).toEqual(['untitled']); // named after the empty blueprint's own name
    expect(names(app)).toEqual([]);
  });

  it('a damaged current blueprint is kept and reported; the page opens a new one, the others are untouched', async () => {
    const app = await start();
    await app.library.createFromTemplate('patterns', 'Patterns');
    const damaged = app.library.state().index.current ?? '';
    app.storage.data.set(
      docKey(damaged),
      JSON.stringify({ apiVersion: 'blaupause.dev/v1', kind: 'Blueprint', metadata: { name: 'Bad Name' } }),
    );
    const again = await start(app.storage, 'reload'); // a new page: ids of its own
    expect(again.library.state().error).toMatch(/“Patterns” could not be opened/);
    expect(titles(again)).toEqual(['seed-haproxy', 'Patterns', 'seed-haproxy 2']);
    expect(again.storage.data.get(docKey(damaged))).toContain('Bad Name');
    expect(await again.library.open(damaged)).toBe(false);
    expect(again.library.state().error).toMatch(/other blueprints are not affected/);
    const seed = again.library.state().index.entries[0]?.id ?? '';
    expect(await again.library.open(seed)).toBe(true);
    expect(JSON.parse(again.storage.data.get(LIBRARY_KEY) ?? '{}').current).toBe(seed);
  });

  it('shows a full storage as an error and keeps the work in memory', async () => {
    const app = await start();
    app.storage.full = true;
    app.store.getState().dispatch({ kind: 'addService', name: 'api' });
    app.library.scheduleSave();
    app.library.flush();
    expect(app.library.state().error).toMatch(/storage for this site is full/);
    expect(names(app)).toContain('api');
    app.storage.full = false;
    app.library.scheduleSave();
    app.library.flush();
    expect(app.library.state().error).toBeUndefined();
    expect(names(await start(app.storage))).toContain('api');
  });
});

describe('two tabs on one storage', () => {
  it("a tab refreshing sees the other's new blueprint and keeps its own open one; one deleted elsewhere is saved again", async () => {
    const a = await start();
    const b = await start(a.storage, 'tab-b');
    expect(b.library.state().index.current).toBe(a.library.state().index.current);
    await a.library.createFromTemplate('patterns', 'From A');
    b.library.refresh();
    expect(titles(b)).toEqual(['seed-haproxy', 'From A']);
    // b still has the seed open, a the new one.
    expect(names(b)).toEqual(['weba', 'webb', 'haproxy']);
    const seedId = b.library.state().index.current ?? '';
    expect(seedId).not.toBe(a.library.state().index.current);
    // a deletes the blueprint b has open: b's work is not lost.
    a.library.refresh();
    expect(await a.library.remove(seedId)).toBe(true);
    b.library.refresh();
    expect(b.library.state().error).toMatch(/deleted in another tab/);
    expect(titles(b)).toEqual(['From A', 'seed-haproxy']);
    expect(b.library.state().index.current).not.toBe(seedId);
  });
});

describe('saves with the text made off the main thread', () => {
  /**
   * start() with a `text` dep whose answers the test releases; `null` answers "cannot now". With
   * `idleQueue`, writes that wait for an idle moment queue there until the test runs them.
   */
  async function withText(storage = memory(), idleQueue?: Array<() => void>) {
    const asked: Array<{ bp: Blueprint; answer: (text?: string | null) => void }> = [];
    const idle = idleQueue
      ? (write: () => void) => {
          idleQueue.push(write);
          return () => idleQueue.splice(idleQueue.indexOf(write) >>> 0, 1);
        }
      : undefined;
    const app = await start(
      storage,
      'bp',
      (bp) => new Promise((resolve) => asked.push({ bp, answer: (t) => resolve(t === null ? undefined : (t ?? JSON.stringify(bp))) })),
      idle,
    );
    const writes = vi.spyOn(app.storage, 'setItem');
    return { ...app, asked, writes };
  }
  const stored = (app: Awaited<ReturnType<typeof start>>) => app.storage.data.get(docKey(app.library.state().index.current ?? ''));
  const doc = (app: Awaited<ReturnType<typeof start>>) => selectBlueprint(app.store.getState());

  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('a scheduled save writes the text the worker made, without serialising the document here', async () => {
    const app = await withText();
    app.store.getState().dispatch({ kind: 'addService', name: 'api' });
    const stringify = vi.spyOn(JSON, 'stringify');
    app.library.scheduleSave();
    await vi.advanceTimersByTimeAsync(400);
    expect(app.asked.map((a) => a.bp)).toEqual([doc(app)]);
    app.asked[0]?.answer('{"made":"by the worker"}');
    await vi.advanceTimersByTimeAsync(0);
    expect(stored(app)).toBe('{"made":"by the worker"}');
    expect(stringify.mock.calls.filter(([v]) => v === doc(app))).toEqual([]);
    stringify.mockRestore();
    // Nothing owed any more: leaving the page writes nothing.
    app.writes.mockClear();
    app.library.flush();
    expect(app.writes).not.toHaveBeenCalled();
  });

  it('leaving the page before the text arrives writes the latest document at once; the late text is dropped', async () => {
    const app = await withText();
    app.store.getState().dispatch({ kind: 'addService', name: 'api' });
    app.library.scheduleSave();
    await vi.advanceTimersByTimeAsync(400);
    app.store.getState().dispatch({ kind: 'addService', name: 'later' }); // not scheduled yet (e.g. mid-gesture)
    app.library.flush();
    expect(JSON.parse(stored(app) ?? '{}').services).toHaveProperty('later');
    app.asked[0]?.answer('{"stale":true}');
    await vi.advanceTimersByTimeAsync(1000);
    expect(stored(app)).not.toContain('stale');
  });

  it('a text for a document changed since is not written; the next save writes the newer one', async () => {
    const app = await withText();
    app.store.getState().dispatch({ kind: 'addService', name: 'api' });
    app.library.scheduleSave();
    await vi.advanceTimersByTimeAsync(400);
    app.store.getState().dispatch({ kind: 'addService', name: 'newer' });
    app.asked[0]?.answer();
    await vi.advanceTimersByTimeAsync(0);
    expect(stored(app)).not.toContain('"api"');
    app.library.scheduleSave();
    await vi.advanceTimersByTimeAsync(400);
    app.asked[1]?.answer();
    await vi.advanceTimersByTimeAsync(0);
    expect(stored(app)).toBe(JSON.stringify(doc(app)));
    expect(stored(app)).toContain('"newer"');
  });

  it('when the worker cannot make the text it asks again, then serialises here', async () => {
    const app = await withText();
    app.store.getState().dispatch({ kind: 'addService', name: 'api' });
    app.library.scheduleSave();
    for (let i = 0; i < 3; i++) {
      await vi.advanceTimersByTimeAsync(400);
      expect(app.asked).toHaveLength(i + 1);
      expect(stored(app)).not.toContain('"api"');
      app.asked[i]?.answer(null);
      await vi.advanceTimersByTimeAsync(0);
    }
    expect(stored(app)).toBe(JSON.stringify(doc(app)));
    expect(app.asked).toHaveLength(3);
  });

  it('switching blueprints while a text is on its way: it does not land in the other one', async () => {
    const app = await withText();
    const first = app.library.state().index.current ?? '';
    app.store.getState().dispatch({ kind: 'addService', name: 'api' });
    app.library.scheduleSave();
    await vi.advanceTimersByTimeAsync(400);
    expect(await app.library.createFromTemplate('patterns', 'Patterns')).toBe(true);
    expect(app.storage.data.get(docKey(first))).toContain('"api"'); // saved here on leaving
    app.asked[0]?.answer();
    await vi.advanceTimersByTimeAsync(0);
    expect(stored(app)).not.toContain('"api"');
    expect(names(await start(app.storage))).toEqual(Object.keys(templateBlueprint('patterns').services));
  });

  it("the worker's text is written when the page is idle, not in the task it arrives in", async () => {
    const queue: Array<() => void> = [];
    const app = await withText(memory(), queue);
    app.store.getState().dispatch({ kind: 'addService', name: 'api' });
    app.library.scheduleSave();
    await vi.advanceTimersByTimeAsync(400);
    app.asked[0]?.answer();
    await vi.advanceTimersByTimeAsync(0);
    expect(stored(app)).not.toContain('"api"');
    expect(queue).toHaveLength(1);
    queue.shift()?.();
    expect(stored(app)).toBe(JSON.stringify(doc(app)));
    // Written: nothing owed any more.
    app.writes.mockClear();
    app.library.flush();
    expect(app.writes).not.toHaveBeenCalled();
  });

  it('leaving the page while the text waits for an idle moment writes at once; the waiting write is dropped', async () => {
    const queue: Array<() => void> = [];
    const app = await withText(memory(), queue);
    app.store.getState().dispatch({ kind: 'addService', name: 'api' });
    app.library.scheduleSave();
    await vi.advanceTimersByTimeAsync(400);
    app.asked[0]?.answer('{"late":true}');
    await vi.advanceTimersByTimeAsync(0);
    app.library.flush();
    expect(stored(app)).toBe(JSON.stringify(doc(app)));
    expect(queue).toHaveLength(0);
  });

  it('a document changed while its text waits for an idle moment: that text is not written, the newer one is', async () => {
    const queue: Array<() => void> = [];
    const app = await withText(memory(), queue);
    app.store.getState().dispatch({ kind: 'addService', name: 'api' });
    app.library.scheduleSave();
    await vi.advanceTimersByTimeAsync(400);
    app.asked[0]?.answer('{"older":true}');
    await vi.advanceTimersByTimeAsync(0);
    app.store.getState().dispatch({ kind: 'addService', name: 'newer' }); // mid-gesture: no save scheduled yet
    for (const write of queue.splice(0)) write();
    expect(stored(app)).not.toContain('older');
    app.library.flush(); // still owed
    expect(stored(app)).toContain('"newer"');
  });

  it('does not write the same text again', async () => {
    const app = await withText();
    const before = doc(app);
    app.store.getState().dispatch({ kind: 'addService', name: 'api' });
    app.library.scheduleSave();
    await vi.advanceTimersByTimeAsync(400);
    app.asked[0]?.answer();
    await vi.advanceTimersByTimeAsync(0);
    app.store.getState().dispatch({ kind: 'replaceDocument', blueprint: structuredClone(doc(app)) }); // a new object, same content
    expect(doc(app)).not.toBe(before);
    app.writes.mockClear();
    app.library.scheduleSave();
    await vi.advanceTimersByTimeAsync(400);
    app.asked[1]?.answer();
    await vi.advanceTimersByTimeAsync(0);
    expect(app.asked).toHaveLength(2);
    expect(app.writes).not.toHaveBeenCalled();
  });

  it('a refused save shows as an error', async () => {
    const app = await withText();
    app.storage.full = true;
    app.store.getState().dispatch({ kind: 'addService', name: 'api' });
    app.library.scheduleSave();
    await vi.advanceTimersByTimeAsync(400);
    app.asked[0]?.answer();
    await vi.advanceTimersByTimeAsync(0);
    expect(app.library.state().error).toMatch(/storage for this site is full/);
  });
});
