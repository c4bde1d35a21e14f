/**
 * Monaco's folding model (contrib/folding/browser/foldingModel.js) recomputes its regions after
 * every edit of a model and replaces every one of their decorations, even when the regions came
 * out the same: for a long preview folded by element (element-folding.ts, a region per service)
 * that is ~1,000 decorations removed from and put back into the model's decoration tree, 10–30 ms
 * of main-thread work after each edit of a 1,000-service blueprint (bench:edit --profile, the
 * follow-up). `keepFoldingWhenUnchanged` makes `update` do nothing when it would change nothing:
 * the same regions (same lines and types, none collapsed or manual — those Monaco merges with the
 * new ones) whose decorations still sit on those lines, decorated as they would be now.
 *
 * Where the decorations sit is followed through the text model's edits (DecorationLines) rather than
 * read back from the model each time: reading a decoration's range walks the decoration tree and
 * turns two offsets into positions, ~6 ms for 1,000 regions after every edit (bench:edit --profile).
 * An edit within one line moves no decoration to another line; one that adds or removes lines moves
 * those after it by as many lines, and only those on its own lines are read back.
 */

/** What of Monaco's FoldingRegions this reads. */
export interface RegionsLike {
  readonly length: number;
  getStartLineNumber(i: number): number;
  getEndLineNumber(i: number): number;
  getType(i: number): string | undefined;
  isCollapsed(i: number): boolean;
  getSource(i: number): number;
}

/** What of Monaco's FoldingModel this reads (its private fields, as monaco-editor 0.54 names them). */
export interface FoldingModelLike {
  _regions: RegionsLike;
  _editorDecorationIds: string[];
  _textModel: TextModelLike;
  _decorationProvider: { getDecorationOption(isCollapsed: boolean, isHidden: boolean, isManual: boolean): unknown };
}

/** One change of a text model's content event (Monaco's IModelContentChange, as far as read here). */
export interface ContentChangeLike {
  readonly range: { readonly startLineNumber: number; readonly endLineNumber: number };
  readonly text: string;
}

/** What of Monaco's TextModel this reads. */
export interface TextModelLike {
  getDecorationRange(id: string): { startLineNumber: number; endLineNumber: number } | null;
  onDidChangeContent(listener: (e: { readonly changes: readonly ContentChangeLike[]; readonly isFlush: boolean }) => void): unknown;
}

const LINE_BREAK = /\r\n|\r|\n/g;
const HAS_LINE_BREAK = /[\r\n]/;

/**
 * The lines a folding model's decorations sit on, kept current through the text model's edits:
 * `ids` (the folding model's decoration list, by identity) and for region i its start and end line
 * at 2i, 2i+1. A decoration on a line an edit replaced or split may have gone to any line of the
 * replacement (Monaco's stickiness decides): its region is `unknown` and read from the model.
 */
export class DecorationLines {
  ids: readonly string[] | undefined;
  lines: number[] = [];
  readonly unknown = new Set<number>();

  constructor(text: TextModelLike) {
    text.onDidChangeContent((e) => this.edited(e.changes, e.isFlush));
  }

  /** The decorations `ids` sit on the lines of `regions` (region i: decoration i). */
  set(ids: readonly string[], regions: RegionsLike): void {
    this.ids = ids;
    this.lines = new Array<number>(regions.length * 2);
    for (let i = 0; i < regions.length; i++) {
      this.lines[2 * i] = regions.getStartLineNumber(i);
      this.lines[2 * i + 1] = regions.getEndLineNumber(i);
    }
    this.unknown.clear();
  }

  edited(changes: readonly ContentChangeLike[], flush: boolean): void {
    if (this.ids === undefined) return;
    // A new text drops every decoration; several changes that add or remove lines: not followed.
    const moving = changes.filter((c) => c.range.endLineNumber !== c.range.startLineNumber || HAS_LINE_BREAK.test(c.text));
    if (flush || moving.length > 1) {
      this.ids = undefined;
      return;
    }
    const change = moving[0];
    if (!change) return;
    const from = change.range.startLineNumber;
    const to = change.range.endLineNumber;
    const by = (change.text.match(LINE_BREAK)?.length ?? 0) - (to - from);
    const lines = this.lines;
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i] as number;
      if (l > to) lines[i] = l + by;
      else if (l >= from) this.unknown.add(i >> 1);
    }
  }
}

/** Each text model's DecorationLines (one editor shows a model at a time: the last folding model to decorate it owns it). */
const tracked = new WeakMap<TextModelLike, DecorationLines>();
function linesOf(text: TextModelLike): DecorationLines {
  let t = tracked.get(text);
  if (!t) {
    t = new DecorationLines(text);
    tracked.set(text, t);
  }
  return t;
}

/** The decoration options each model's regions were last decorated with (all expanded, from the provider). */
const decoratedWith = new WeakMap<object, unknown>();

/** Whether `update(next)` would leave `model` as it is. */
export function foldingUnchanged(model: FoldingModelLike, next: RegionsLike): boolean {
  const cur = model._regions;
  const ids = model._editorDecorationIds;
  if (cur.length !== next.length || ids.length !== cur.length || cur.length === 0) return false;
  if (decoratedWith.get(model) !== model._decorationProvider.getDecorationOption(false, false, false)) return false;
  const known = linesOf(model._textModel);
  const followed = known.ids === ids;
  for (let i = 0; i < cur.length; i++) {
    const start = next.getStartLineNumber(i);
    const end = next.getEndLineNumber(i);
    if (cur.isCollapsed(i) || cur.getSource(i) !== 0 || next.isCollapsed(i) || next.getSource(i) !== 0) return false;
    if (cur.getStartLineNumber(i) !== start || cur.getEndLineNumber(i) !== end || cur.getType(i) !== next.getType(i)) return false;
    if (followed && !known.unknown.has(i)) {
      if (known.lines[2 * i] !== start || known.lines[2 * i + 1] !== end) return false;
      continue;
    }
    const id = ids[i];
    const at = id === undefined ? null : model._textModel.getDecorationRange(id);
    if (!at || at.startLineNumber !== start || at.endLineNumber !== end) return false;
  }
  // Every decoration is on its region's lines: followed from here on.
  known.set(ids, next);
  return true;
}

/** Wraps FoldingModel.prototype.update (once): an update that would change nothing is skipped. */
export function keepFoldingWhenUnchanged(proto: { update(this: FoldingModelLike, next: RegionsLike, selection?: unknown): void }): void {
  const marked = proto as { update: typeof proto.update; __keepsUnchanged?: true };
  if (marked.__keepsUnchanged) return;
  marked.__keepsUnchanged = true;
  const update = proto.update;
  proto.update = function (this: FoldingModelLike, next: RegionsLike, selection?: unknown) {
    if (foldingUnchanged(this, next)) return;
    update.call(this, next, selection);
    decoratedWith.set(this, this._decorationProvider.getDecorationOption(false, false, false));
    // Monaco's updatePost puts decoration i on the lines of region i.
    linesOf(this._textModel).set(this._editorDecorationIds, this._regions);
  };
}
