import { describe, expect, it } from 'vitest';
import { restoreDocument } from '../persistence/autosave';
import { AUTOSAVE_KEY } from '../persistence/keys';
import { templateBlueprint } from '../templates/templates';
import {
  byRecent,
  createEntry,
  deleteEntry,
  docKey,
  duplicateEntry,
  LIBRARY_KEY,
  type LibraryIndex,
  type LibraryStorage,
  loadIndex,
  readEntry,
  renameEntry,
  saveEntry,
  selectEntry,
  uniqueTitle,
} from './library';
import { memoryStorage as memory } from './testing';

function ids() {
  let n = 0;
  return () => `id-${++n}`;
}

const ok = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

const seed = JSON.stringify(templateBlueprint('seed-compose'));
const patterns = JSON.stringify(templateBlueprint('patterns'));

describe('library storage', () => {
  it('moves the old single autosave into the library once, as the current blueprint', () => {
    const storage = memory({ [AUTOSAVE_KEY]: patterns });
    const { index, notices } = loadIndex(storage, 1000, ids());
    expect(notices).toEqual([]);
    expect(index.entries).toEqual([{ id: 'id-1', title: 'patterns', followsName: true, createdAt: 1000, updatedAt: 1000 }]);
    expect(index.current).toBe('id-1');
    expect(storage.data.get(docKey('id-1'))).toBe(patterns);
    expect(storage.data.has(AUTOSAVE_KEY)).toBe(false);
    expect(JSON.parse(storage.data.get(LIBRARY_KEY) ?? '')).toEqual(index);
    // The worker's restore reopens it from the library.
    expect(restoreDocument(storage)).toEqual(templateBlueprint('patterns'));
    // A second load changes nothing.
    expect(loadIndex(storage, 2000, ids()).index).toEqual(index);
  });

  it('keeps the old autosave when the library cannot be written (full storage), and says so', () => {
    const storage = memory({ [AUTOSAVE_KEY]: patterns });
    storage.full = true;
    const { index, notices } = loadIndex(storage, 1000, ids());
    expect(index.entries).toEqual([]);
    expect(notices.join(' ')).toMatch(/full/);
    expect(storage.data.get(AUTOSAVE_KEY)).toBe(patterns);
  });

  it('creates, saves, renames, selects, duplicates and deletes, each document under its own key', () => {
    const storage = memory();
    let index: LibraryIndex = loadIndex(storage, 0, ids()).index;
    expect(index).toEqual({ current: undefined, entries: [] });
    index = ok(createEntry(storage, index, { id: 'a', title: '  Shop   front ', text: seed, now: 1 }));
    index = ok(createEntry(storage, index, { id: 'b', title: 'Patterns', text: patterns, now: 2 }));
    expect(index.current).toBe('b');
    expect(index.entries.map((e) => e.title)).toEqual(['Shop front', 'Patterns']);
    expect(createEntry(storage, index, { id: 'a', title: 'Again', text: seed, now: 3 })).toMatchObject({ ok: false });
    expect(storage.data.get(docKey('a'))).toBe(seed);

    index = ok(saveEntry(storage, index, 'a', patterns, 5));
    expect(storage.data.get(docKey('a'))).toBe(patterns);
    expect(storage.data.get(docKey('b'))).toBe(patterns);
    expect(byRecent(index.entries).map((e) => e.id)).toEqual(['a', 'b']);

    index = ok(renameEntry(storage, index, 'a', 'Shop'));
    expect(renameEntry(storage, index, 'a', '   ')).toMatchObject({ ok: false, error: { code: 'BAD_TITLE' } });
    expect(renameEntry(storage, index, 'a', 'x'.repeat(81))).toMatchObject({ ok: false, error: { code: 'BAD_TITLE' } });
    index = ok(selectEntry(storage, index, 'a'));
    expect(index.current).toBe('a');

    index = ok(duplicateEntry(storage, index, 'a', 'c', 9));
    expect(index.entries.find((e) => e.id === 'c')?.title).toBe('Shop (copy)');
    expect(index.current).toBe('c');
    expect(storage.data.get(docKey('c'))).toBe(patterns);
    expect(uniqueTitle(index, 'Shop (copy)')).toBe('Shop (copy) 2');

    index = ok(deleteEntry(storage, index, 'c'));
    expect(storage.data.has(docKey('c'))).toBe(false);
    expect(index.current).toBe('a'); // the most recently changed of the others
    expect(JSON.parse(storage.data.get(LIBRARY_KEY) ?? '')).toEqual(index);
    // What was stored is what a reload finds.
    expect(loadIndex(storage, 99, ids())).toEqual({ index, notices: [] });
    expect(restoreDocument(storage)).toEqual(templateBlueprint('patterns'));
    expect(deleteEntry(storage, index, 'zzz')).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ID' } });
  });

  it("a title that follows the document's name changes with it, stays unique, and stops following once renamed", () => {
    const storage = memory();
    let index = ok(createEntry(storage, loadIndex(storage, 0, ids()).index, { id: 'a', title: 'web', text: seed, now: 1 }));
    index = ok(createEntry(storage, index, { id: 'b', title: 'seed-haproxy', text: seed, now: 2, followsName: true }));
    index = ok(saveEntry(storage, index, 'b', seed, 3, 'web'));
    expect(index.entries.map((e) => e.title)).toEqual(['web', 'web 2']);
    index = ok(saveEntry(storage, index, 'b', seed, 4, 'web'));
    expect(index.entries[1]?.title).toBe('web 2');
    index = ok(saveEntry(storage, index, 'a', seed, 5, 'shop')); // 'a' was named by the user
    expect(index.entries[0]?.title).toBe('web');
    index = ok(renameEntry(storage, index, 'b', 'Mine'));
    index = ok(saveEntry(storage, index, 'b', seed, 6, 'shop'));
    expect(index.entries[1]).toEqual({ id: 'b', title: 'Mine', createdAt: 2, updatedAt: 6 });
  });

  it('reports a full storage on save as an error, leaving the stored blueprints as they were', () => {
    const storage = memory();
    let index = ok(createEntry(storage, loadIndex(storage, 0, ids()).index, { id: 'a', title: 'A', text: seed, now: 1 }));
    index = ok(createEntry(storage, index, { id: 'b', title: 'B', text: seed, now: 1 }));
    const before = new Map(storage.data);
    storage.full = true;
    const r = saveEntry(storage, index, 'a', patterns, 7);
    expect(r).toMatchObject({ ok: false, error: { code: 'QUOTA' } });
    expect(r.ok ? '' : r.error.message).toMatch(/storage for this site is full: “A” was not saved/);
    expect(createEntry(storage, index, { id: 'c', title: 'C', text: seed, now: 1 })).toMatchObject({ ok: false, error: { code: 'QUOTA' } });
    expect(storage.data).toEqual(before);
  });

  it('isolates a damaged blueprint: it reads as an error, the others load', () => {
    const storage = memory();
    let index = ok(createEntry(storage, loadIndex(storage, 0, ids()).index, { id: 'a', title: 'A', text: seed, now: 1 }));
    index = ok(createEntry(storage, index, { id: 'b', title: 'B', text: patterns, now: 2 }));
    storage.data.set(docKey('a'), '{"apiVersion": "blaupause.dev/v1", "kind": "Bluepr');
    const [a, b] = index.entries as [(typeof index.entries)[0], (typeof index.entries)[0]];
    expect(readEntry(storage, a)).toMatchObject({ ok: false, error: { code: 'CORRUPT' } });
    expect(readEntry(storage, b)).toEqual({ ok: true, value: patterns });
    expect(loadIndex(storage, 3, ids()).index.entries.map((e) => e.id)).toEqual(['a', 'b']);
  });

  it('rebuilds a damaged index from the documents, drops entries whose document is gone, recovers orphans', () => {
    const storage = memory({ [docKey('x1')]: seed, [docKey('x2')]: patterns, [LIBRARY_KEY]: '{"current": "x1", "entr' });
    const rebuilt = loadIndex(storage, 50, ids());
    expect(rebuilt.notices.join(' ')).toMatch(/damaged; it has been rebuilt/);
    expect(rebuilt.index.entries.map((e) => [e.id, e.title])).toEqual([
      ['x1', 'seed-haproxy'],
      ['x2', 'patterns'],
    ]);
    expect(rebuilt.index.current).toBe('x1');

    storage.data.delete(docKey('x1'));
    const repaired = loadIndex(storage, 60, ids());
    expect(repaired.notices).toEqual(["“seed-haproxy” was no longer in the browser's storage and has been removed from the list."]);
    expect(repaired.index).toMatchObject({ current: 'x2', entries: [{ id: 'x2' }] });
  });

  it('keeps working when the storage refuses access', () => {
    const refusing: LibraryStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('SecurityError');
      },
      removeItem: () => {},
      keys: () => [],
    };
    const { index, notices } = loadIndex(refusing, 0, ids());
    expect(index.entries).toEqual([]);
    expect(notices[0]).toMatch(/refused/);
    expect(createEntry(refusing, index, { id: 'a', title: 'A', text: seed, now: 0 })).toMatchObject({
      ok: false,
      error: { code: 'UNAVAILABLE' },
    });
  });
});
