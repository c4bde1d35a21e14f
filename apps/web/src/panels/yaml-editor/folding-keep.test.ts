import { describe, expect, it } from 'vitest';
import { seeded } from '../../testing/seeded';
import {
  type ContentChangeLike,
  type FoldingModelLike,
  foldingUnchanged,
  keepFoldingWhenUnchanged,
  type RegionsLike,
} from './folding-keep';

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

/**
 * A fake of Monaco's TextModel as far as folding-keep reads it: decorations by line, moved by edits the
 * way Monaco moves them — lines after the edited ones by the lines it added or removed, those on its
 * lines to one of the lines of the replacement (`inside` picks which: Monaco's stickiness) — and the
 * content event after each edit.
 */
function fakeText() {
  const lines = new Map<string, { startLineNumber: number; endLineNumber: number }>();
  const listeners: Array<(e: { changes: ContentChangeLike[]; isFlush: boolean }) => void> = [];
  const fire = (changes: ContentChangeLike[], isFlush = false) => {
    for (const l of listeners) l({ changes, isFlush });
  };
  return {
    lines,
    model: {
      getDecorationRange: (id: string) => {
        const r = lines.get(id);
        return r ? { ...r } : null;
      },
      onDidChangeContent(l: (e: { changes: ContentChangeLike[]; isFlush: boolean }) => void) {
        listeners.push(l);
      },
    },
    /** Lines from…to replaced by text with `breaks` line breaks. */
    edit(from: number, to: number, breaks: number, inside: (line: number) => number = (l) => Math.min(l, from + breaks)) {
      const by = breaks - (to - from);
      const move = (l: number) => (l > to ? l + by : l >= from ? inside(l) : l);
      for (const r of lines.values()) {
        r.startLineNumber = move(r.startLineNumber);
        r.endLineNumber = Math.max(r.startLineNumber, move(r.endLineNumber));
      }
      fire([{ range: { startLineNumber: from, endLineNumber: to }, text: `${'x\n'.repeat(breaks)}y` }]);
    },
    /** setValue: every decoration is gone. */
    flush() {
      lines.clear();
      fire([], true);
    },
    fire,
  };
}

/** A fake of Monaco's FoldingModel: update() decorates the regions where they are (counting its calls). */
function fakeModel(option: { current: unknown } = { current: EXPANDED }) {
  const text = fakeText();
  let next = 0;
  const proto = {
    calls: 0,
    update(this: FoldingModelLike & { calls: number }, rs: RegionsLike) {
      this.calls++;
      for (const id of this._editorDecorationIds) text.lines.delete(id);
      this._editorDecorationIds = [];
      for (let i = 0; i < rs.length; i++) {
        const id = `d${next++}`;
        text.lines.set(id, { startLineNumber: rs.getStartLineNumber(i), endLineNumber: rs.getEndLineNumber(i) });
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
    _textModel: text.model,
    _decorationProvider: { getDecorationOption: () => option.current },
  });
  /** An edit that moved the decorations at and after `line` by `by` lines (lines inserted before it). */
  const shift = (line: number, by: number) => text.edit(line - 1, line - 1, by);
  return { model, shift, text };
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

/** folding-keep's answer as it was before the decorations' lines were followed: every range read from the model. */
function readAll(model: FoldingModelLike, next: RegionsLike): boolean {
  const cur = model._regions;
  const ids = model._editorDecorationIds;
  if (cur.length !== next.length || ids.length !== cur.length || cur.length === 0) return false;
  for (let i = 0; i < cur.length; i++) {
    const start = next.getStartLineNumber(i);
    const end = next.getEndLineNumber(i);
    if (cur.isCollapsed(i) || cur.getSource(i) !== 0 || next.isCollapsed(i) || next.getSource(i) !== 0) return false;
    if (cur.getStartLineNumber(i) !== start || cur.getEndLineNumber(i) !== end || cur.getType(i) !== next.getType(i)) return false;
    const at = model._textModel.getDecorationRange(ids[i] as string);
    if (!at || at.startLineNumber !== start || at.endLineNumber !== end) return false;
  }
  return true;
}

/** Counts the model's decoration reads. */
function countReads(text: FoldingModelLike['_textModel']) {
  const read = text.getDecorationRange;
  const counter = { reads: 0 };
  text.getDecorationRange = (id) => {
    counter.reads++;
    return read(id);
  };
  return counter;
}

describe("the decorations' lines are followed through edits, not read back", () => {
  const many = (n: number): R[] => Array.from({ length: n }, (_, i) => ({ start: 2 + 10 * i, end: 10 + 10 * i }));

  it('reads no decoration after an edit within one line', () => {
    const { model, text } = fakeModel();
    model.update(regions(many(100)));
    const counter = countReads(model._textModel);
    model.update(regions(many(100)));
    expect(model.calls).toBe(1);
    text.edit(55, 55, 0);
    text.fire([
      { range: { startLineNumber: 3, endLineNumber: 3 }, text: 'abc' },
      { range: { startLineNumber: 7, endLineNumber: 7 }, text: '' },
    ]);
    model.update(regions(many(100)));
    expect(model.calls).toBe(1);
    expect(counter.reads).toBe(0);
  });

  it('after an edit that adds lines, reads only the regions on its lines and follows the rest', () => {
    const { model, text } = fakeModel();
    model.update(regions(many(100)));
    model.update(regions(many(100)));
    const counter = countReads(model._textModel);
    // Two lines into region 5 (lines 52-60), the provider answering the old lines: every region after
    // it moved, so the first one that differs is enough to update.
    text.edit(55, 56, 3);
    model.update(regions(many(100)));
    expect(model.calls).toBe(2);
    expect(counter.reads).toBe(0);
    // Monaco answers with the moved lines: decorated there now, nothing to read next time.
    const moved = many(100).map((r, i) => (i === 5 ? { ...r, end: r.end + 2 } : i > 5 ? { start: r.start + 2, end: r.end + 2 } : r));
    model.update(regions(moved));
    model.update(regions(moved));
    expect(model.calls).toBe(3);
    expect(counter.reads).toBe(0);
    // Two lines replaced by two from a region's first line on: that region is read back, no other.
    text.edit(32, 33, 1);
    model.update(regions(moved));
    expect(counter.reads).toBe(1);
    expect(model.calls).toBe(3);
    // It went elsewhere (Monaco's stickiness): decorated again.
    text.edit(32, 33, 1, () => 33);
    model.update(regions(moved));
    expect(counter.reads).toBe(2);
    expect(model.calls).toBe(4);
    // The same on a region's last line (region 3 ends on line 40).
    text.edit(39, 40, 1, () => 39);
    model.update(regions(moved));
    expect(model.calls).toBe(5);
  });

  it('reads everything again after a new text (setValue) or several changes that move lines', () => {
    const { model, text } = fakeModel();
    model.update(regions(many(20)));
    model.update(regions(many(20)));
    const counter = countReads(model._textModel);
    text.fire([
      { range: { startLineNumber: 150, endLineNumber: 150 }, text: '\n' },
      { range: { startLineNumber: 100, endLineNumber: 101 }, text: '' },
    ]);
    model.update(regions(many(20)));
    expect(counter.reads).toBe(20);
    expect(model.calls).toBe(1);
    text.flush();
    model.update(regions(many(20)));
    expect(model.calls).toBe(2);
  });

  it('answers as reading every range would, over random edits (seeded)', () => {
    const rnd = seeded(12345).int;
    let disagreements = 0;
    let skips = 0;
    for (let run = 0; run < 200; run++) {
      const { model, text } = fakeModel();
      const count = 1 + rnd(12);
      let rs = Array.from({ length: count }, (_, i) => ({ start: 1 + 6 * i, end: 1 + 6 * i + 1 + rnd(5) }));
      model.update(regions(rs));
      for (let step = 0; step < 30; step++) {
        const op = rnd(10);
        if (op < 6) {
          // An edit: within a line (no break), or over lines, adding or removing some.
          const from = 1 + rnd(6 * count + 4);
          const to = op < 2 ? from : from + rnd(4);
          const breaks = op < 2 ? 0 : rnd(4);
          const pick = rnd(3);
          text.edit(from, to, breaks, (l) => (pick === 0 ? from : pick === 1 ? from + breaks : Math.min(l, from + breaks)));
        } else if (op === 6 && rnd(4) === 0) text.flush();
        // The provider's answer: the lines the decorations are on now (as Monaco would compute them
        // from the edited text), the old regions, or either with one region moved.
        const now = model._editorDecorationIds.map((id) => model._textModel.getDecorationRange(id));
        const ask = rnd(3);
        let next: R[] =
          ask === 0 || now.some((r) => !r)
            ? rs.map((r) => ({ ...r }))
            : now.map((r) => ({ start: r?.startLineNumber ?? 0, end: r?.endLineNumber ?? 0 }));
        if (ask === 2 && next.length > 0) {
          const i = rnd(next.length);
          next = next.map((r, j) => (j === i ? { start: r.start + 1, end: r.end + 1 } : r));
        }
        const expected = readAll(model, regions(next));
        if (foldingUnchanged(model, regions(next)) !== expected) disagreements++;
        const calls = model.calls;
        model.update(regions(next));
        if (expected) skips++;
        expect(model.calls).toBe(expected ? calls : calls + 1);
        rs = next;
      }
    }
    expect(disagreements).toBe(0);
    expect(skips).toBeGreaterThan(500);
  });
});
