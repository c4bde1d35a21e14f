import { describe, expect, it } from 'vitest';
import { type FoldingModelLike, foldingUnchanged, keepFoldingWhenUnchanged, type RegionsLike } from './folding-keep';

type R = { start: number; end: number; collapsed?: boolean; source?: number; type?: string };

const regions = (rs: R[]): RegionsLike => ({
  length: rs.length,
  getStartLineNumber: (i) => rs[i]?.start ?? 0,
  getEndLineNumber: (i) => rs[i]?.end ?? 0,
  getType: (i) => rs[i]?.type,
  isCollapsed: (i) => rs[i]?.collapsed ?? false,
  getSource: (i) => rs[i]?.source ?? 0,
});

const EXPANDED = { expanded: true };

/** A fake of Monaco's FoldingModel: update() decorates the regions where they are (counting its calls). */
function fakeModel(option: { current: unknown } = { current: EXPANDED }) {
  const lines = new Map<string, { startLineNumber: number; endLineNumber: number }>();
  let next = 0;
  const proto = {
    calls: 0,
    update(this: FoldingModelLike & { calls: number }, rs: RegionsLike) {
      this.calls++;
      this._editorDecorationIds = [];
      for (let i = 0; i < rs.length; i++) {
        const id = `d${next++}`;
        lines.set(id, { startLineNumber: rs.getStartLineNumber(i), endLineNumber: rs.getEndLineNumber(i) });
        this._editorDecorationIds.push(id);
      }
      this._regions = rs;
    },
  };
  keepFoldingWhenUnchanged(proto);
  const model = Object.assign(Object.create(proto) as typeof proto & FoldingModelLike, {
    calls: 0,
    _regions: regions([]),
    _editorDecorationIds: [] as string[],
    _textModel: { getDecorationRange: (id: string) => lines.get(id) ?? null },
    _decorationProvider: { getDecorationOption: () => option.current },
  });
  /** An edit that moved the decorations at and after `line` by `by` lines. */
  const shift = (line: number, by: number) => {
    for (const r of lines.values()) {
      if (r.startLineNumber >= line) r.startLineNumber += by;
      if (r.endLineNumber >= line) r.endLineNumber += by;
    }
  };
  return { model, shift };
}

const SERVICES: R[] = [
  { start: 2, end: 10 },
  { start: 11, end: 19 },
  { start: 20, end: 28 },
];

describe('folding updates that change nothing are skipped', () => {
  it('skips the same regions whose decorations are still on their lines', () => {
    const { model } = fakeModel();
    model.update(regions(SERVICES));
    expect(model.calls).toBe(1);
    const ids = model._editorDecorationIds;
    model.update(regions(SERVICES.map((r) => ({ ...r }))));
    expect(model.calls).toBe(1);
    expect(model._editorDecorationIds).toBe(ids);
  });

  it('updates when a region changed, appeared or went', () => {
    const { model } = fakeModel();
    model.update(regions(SERVICES));
    model.update(regions([SERVICES[0] as R, { start: 11, end: 18 }, SERVICES[2] as R]));
    expect(model.calls).toBe(2);
    model.update(regions(SERVICES.slice(0, 2)));
    expect(model.calls).toBe(3);
    model.update(regions(SERVICES));
    expect(model.calls).toBe(4);
    model.update(regions(SERVICES.map((r, i) => (i === 1 ? { ...r, type: 'comment' } : r))));
    expect(model.calls).toBe(5);
  });

  it('updates when an edit moved the decorations, even if the new regions equal the old ones', () => {
    const { model, shift } = fakeModel();
    model.update(regions(SERVICES));
    // A line inserted before the second service, and the provider (wrongly or not) answers the old lines:
    // the decorations no longer sit there, so Monaco must decorate again.
    shift(11, 1);
    model.update(regions(SERVICES));
    expect(model.calls).toBe(2);
    // The provider's new lines after such an edit differ from the model's regions: update too.
    shift(11, 1);
    model.update(regions(SERVICES.map((r) => (r.start >= 11 ? { start: r.start + 1, end: r.end + 1 } : r))));
    expect(model.calls).toBe(3);
  });

  it('never skips collapsed or manual regions (Monaco merges those with the new ones)', () => {
    const { model } = fakeModel();
    model.update(regions(SERVICES.map((r, i) => (i === 1 ? { ...r, collapsed: true } : r))));
    model.update(regions(SERVICES.map((r, i) => (i === 1 ? { ...r, collapsed: true } : r))));
    expect(model.calls).toBe(2);
    model.update(regions(SERVICES.map((r, i) => (i === 0 ? { ...r, source: 1 } : r))));
    model.update(regions(SERVICES.map((r, i) => (i === 0 ? { ...r, source: 1 } : r))));
    expect(model.calls).toBe(4);
  });

  it('updates when the decoration options changed (the folding controls setting)', () => {
    const option = { current: EXPANDED as unknown };
    const { model } = fakeModel(option);
    model.update(regions(SERVICES));
    option.current = { expanded: true, controls: 'always' };
    model.update(regions(SERVICES));
    expect(model.calls).toBe(2);
    model.update(regions(SERVICES));
    expect(model.calls).toBe(2);
  });

  it('never skips an empty model (the first update)', () => {
    const { model } = fakeModel();
    model.update(regions([]));
    model.update(regions([]));
    expect(model.calls).toBe(2);
    expect(foldingUnchanged(model, regions([]))).toBe(false);
  });
});
