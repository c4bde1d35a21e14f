import { describe, expect, it } from 'vitest';
import { elementFoldingOf, elementFoldingRanges, setElementFolding } from './element-folding';

describe('element folding of long previews', () => {
  const map = [
    { elementId: 'service:web', startLine: 3, endLine: 20 },
    { elementId: 'container:web/nginx', startLine: 6, endLine: 12 },
    { elementId: 'service:db', startLine: 21, endLine: 21 },
    { elementId: 'volume:data', startLine: 30, endLine: 33 },
    { elementId: 'service:web', startLine: 3, endLine: 20 },
  ];

  it('gives one range per top-level element spanning several lines, in line order', () => {
    expect(elementFoldingRanges([map[3], ...map] as typeof map)).toEqual([
      { start: 3, end: 20 },
      { start: 30, end: 33 },
    ]);
  });

  it('answers for a model only while it has a source map (null: Monaco folds by indentation)', () => {
    const model = {};
    expect(elementFoldingOf(model)).toBeNull();
    setElementFolding(model, map);
    expect(elementFoldingOf(model)).toHaveLength(2);
    setElementFolding(model, undefined);
    expect(elementFoldingOf(model)).toBeNull();
  });
});
