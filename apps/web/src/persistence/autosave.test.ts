import { describe, expect, it } from 'vitest';
import { applyCommand } from '../model/commands';
import { templateBlueprint } from '../templates/templates';
import { AUTOSAVE_KEY, type KeyValueStorage, restoreDocument, saveDocument } from './autosave';

function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe('autosave', () => {
  it('restores what was saved, layout included', () => {
    const storage = memoryStorage();
    const r = applyCommand(templateBlueprint('seed-compose'), { kind: 'moveNodes', moves: [{ id: 'service:weba', x: 5, y: 7 }] });
    if (!r.ok) throw new Error(r.error);
    expect(saveDocument(storage, r.value)).toBe(true);
    expect(restoreDocument(storage)).toEqual(r.value);
  });

  it('ignores nothing saved, corrupt text and documents the schema refuses', () => {
    const storage = memoryStorage();
    expect(restoreDocument(storage)).toBeUndefined();
    storage.data.set(AUTOSAVE_KEY, '{not json');
    expect(restoreDocument(storage)).toBeUndefined();
    storage.data.set(AUTOSAVE_KEY, JSON.stringify({ apiVersion: 'blaupause.dev/v1', kind: 'Blueprint', metadata: { name: 'Bad Name' } }));
    expect(restoreDocument(storage)).toBeUndefined();
  });

  it('keeps working when storage refuses to save or read', () => {
    const broken: KeyValueStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
    };
    expect(saveDocument(broken, templateBlueprint('seed-compose'))).toBe(false);
    expect(restoreDocument(broken)).toBeUndefined();
  });
});
