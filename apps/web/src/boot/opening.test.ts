import type { Blueprint } from '@blaupause/model';
import { describe, expect, it, vi } from 'vitest';
import { templateBlueprint } from '../templates/templates';
import { openingDocument } from './opening';

const seed = templateBlueprint('seed-compose');
const stored = templateBlueprint('three-tier');

describe('openingDocument', () => {
  it('a first visit gets the seed at once, without asking the worker', () => {
    const restore = vi.fn(async () => stored);
    const opening = openingDocument({}, restore, seed);
    expect(opening).toEqual({ blueprint: seed, restored: false });
    expect(opening).not.toBeInstanceOf(Promise);
    expect(restore).not.toHaveBeenCalled();
  });

  it('stored entries go to the worker, and what it restores is opened', async () => {
    const entries = { 'blaupause.library': '{}', 'blaupause.doc.x': '{}' };
    const restore = vi.fn(async (_: Record<string, string>): Promise<Blueprint | undefined> => stored);
    expect(await openingDocument(entries, restore, seed)).toEqual({ blueprint: stored, restored: true });
    expect(restore).toHaveBeenCalledWith(entries);
  });

  it('a stored blueprint that does not load opens the seed (the library keeps the damaged one)', async () => {
    expect(await openingDocument({ 'blaupause.doc.x': 'nonsense' }, async () => undefined, seed)).toEqual({
      blueprint: seed,
      restored: false,
    });
  });
});
