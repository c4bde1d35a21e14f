import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DB_NAME, isQuotaError, openDocumentDb } from './doc-db';

describe('the documents database (IndexedDB)', () => {
  it('keeps texts by id, lists, replaces and deletes them; two connections (page and worker) see the same', async () => {
    const page = openDocumentDb();
    const worker = openDocumentDb();
    expect(await page.get('a')).toBeUndefined();
    await worker.put('a', '{"a":1}');
    await worker.put('b', '{"b":2}');
    expect(await page.get('a')).toBe('{"a":1}');
    expect((await page.ids()).sort()).toEqual(['a', 'b']);
    await page.put('a', '{"a":3}');
    expect(await worker.get('a')).toBe('{"a":3}');
    await page.delete('b');
    expect(await worker.ids()).toEqual(['a']);
    await page.delete('a');
  });

  it('lets another page delete the database (closing its connection) and opens it again on the next call', async () => {
    const db = openDocumentDb();
    await db.put('x', 'text');
    await new Promise<void>((resolve, reject) => {
      const del = indexedDB.deleteDatabase(DB_NAME);
      del.onsuccess = () => resolve();
      del.onerror = () => reject(del.error);
      del.onblocked = () => reject(new Error('blocked: the connection was not closed'));
    });
    expect(await db.get('x')).toBeUndefined();
    await db.put('y', 'again');
    expect(await db.ids()).toEqual(['y']);
    await db.delete('y');
  });

  it('tells a full storage from other refusals', () => {
    expect(isQuotaError(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError(new Error('UnknownError'))).toBe(false);
  });
});
