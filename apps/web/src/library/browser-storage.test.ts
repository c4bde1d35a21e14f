import { describe, expect, it } from 'vitest';
import type { DocumentDb } from '../persistence/doc-db';
import { hybridStorage } from './browser-storage';
import { docKey, LIBRARY_KEY } from './library';
import { memoryStorage as memory } from './testing';

/** An IndexedDB stand-in whose puts can be refused per id or held until released. */
function fakeDb(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  const refuse = new Set<string>();
  const held: Array<() => void> = [];
  let hold = false;
  const db: DocumentDb & { data: Map<string, string>; refuse: Set<string>; hold(on: boolean): void; release(): Promise<void> } = {
    data,
    refuse,
    hold: (on) => {
      hold = on;
    },
    async release() {
      for (let r = held.shift(); r; r = held.shift()) r();
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
    get: async (id) => data.get(id),
    async put(id, text) {
      if (hold) await new Promise<void>((resolve) => held.push(resolve));
      if (refuse.has(id)) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      data.set(id, text);
    },
    delete: async (id) => void data.delete(id),
    ids: async () => [...data.keys()],
  };
  return db;
}

const INDEX = JSON.stringify({ current: 'a', entries: [] });

describe('library storage with its documents in IndexedDB', () => {
  it('moves the documents of localStorage into IndexedDB and only then removes them; the index stays', async () => {
    const ls = memory({ [LIBRARY_KEY]: INDEX, [docKey('a')]: '{"a":1}', [docKey('b')]: '{"b":1}', other: 'x' });
    const db = fakeDb({ c: '{"c":1}' });
    const s = hybridStorage(ls, db);
    expect(await s.loadIds()).toBe(true);
    expect(s.keys().sort()).toEqual([LIBRARY_KEY, docKey('a'), docKey('b'), docKey('c'), 'other'].sort());
    await s.move();
    expect(Object.fromEntries(db.data)).toEqual({ a: '{"a":1}', b: '{"b":1}', c: '{"c":1}' });
    expect([...ls.data.keys()].sort()).toEqual([LIBRARY_KEY, 'other']);
    expect(s.keys().sort()).toEqual([LIBRARY_KEY, docKey('a'), docKey('b'), docKey('c'), 'other'].sort());
    expect(await s.read('a')).toBe('{"a":1}');
    expect(await s.read('nope')).toBeNull();
  });

  it('a refused copy keeps the old keys (that one and the ones after it) until a later move succeeds', async () => {
    const ls = memory({ [docKey('a')]: '{"a":1}', [docKey('b')]: '{"b":1}', [docKey('c')]: '{"c":1}' });
    const db = fakeDb();
    db.refuse.add('b');
    const s = hybridStorage(ls, db);
    await s.move();
    expect([...db.data.keys()]).toEqual(['a']);
    expect([...ls.data.keys()].sort()).toEqual([docKey('b'), docKey('c')]);
    // Nothing lost: every document still reads.
    expect(await s.read('b')).toBe('{"b":1}');
    expect(await s.read('c')).toBe('{"c":1}');
    db.refuse.clear();
    await s.move();
    expect([...ls.data.keys()]).toEqual([]);
    expect(Object.fromEntries(db.data)).toEqual({ a: '{"a":1}', b: '{"b":1}', c: '{"c":1}' });
  });

  it('a document written to localStorage again while its copy is on its way stays there (it is the newer one)', async () => {
    const ls = memory({ [docKey('a')]: 'old' });
    const db = fakeDb();
    const s = hybridStorage(ls, db);
    db.hold(true);
    const moving = s.move();
    s.setItem(docKey('a'), 'newer'); // e.g. a save at pagehide, or another tab
    await db.release();
    await moving;
    expect(ls.data.get(docKey('a'))).toBe('newer');
    expect(await s.read('a')).toBe('newer');
  });

  it("the worker's save removes the localStorage copy only when that copy is not newer than the save", async () => {
    const ls = memory({ [docKey('a')]: 'flushed before' });
    const db = fakeDb();
    const s = hybridStorage(ls, db);
    const mark = s.beginSave('a');
    db.data.set('a', 'by the worker');
    s.savedByWorker('a', mark);
    expect(ls.data.has(docKey('a'))).toBe(false);
    expect(await s.read('a')).toBe('by the worker');

    const next = s.beginSave('a');
    s.setItem(docKey('a'), 'flushed after'); // pagehide while the worker saves
    s.savedByWorker('a', next);
    expect(await s.read('a')).toBe('flushed after');
  });

  it('does not move a document the worker saves (its copy would be older than the worker’s)', async () => {
    const ls = memory({ [docKey('a')]: 'old' });
    const db = fakeDb();
    const s = hybridStorage(ls, db);
    s.beginSave('a');
    db.data.set('a', 'by the worker');
    await s.move();
    expect(db.data.get('a')).toBe('by the worker');
  });

  it('removing a document removes it from both stores', async () => {
    const ls = memory({ [docKey('a')]: 'a' });
    const db = fakeDb({ a: 'a', b: 'b' });
    const s = hybridStorage(ls, db);
    await s.loadIds();
    s.removeItem(docKey('a'));
    s.removeItem(docKey('b'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(db.data.size).toBe(0);
    expect(ls.data.size).toBe(0);
    expect(s.keys()).toEqual([]);
  });

  it('reports an unusable IndexedDB (the page then keeps documents in localStorage)', async () => {
    const db = fakeDb();
    db.ids = () => Promise.reject(new Error('IndexedDB is not available'));
    expect(await hybridStorage(memory(), db).loadIds()).toBe(false);
  });
});
