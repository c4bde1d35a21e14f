/**
 * Monaco's folding model (contrib/folding/browser/foldingModel.js) recomputes its regions after
 * every edit of a model and replaces every one of their decorations, even when the regions came
 * out the same: for a long preview folded by element (element-folding.ts, a region per service)
 * that is ~1,000 decorations removed from and put back into the model's decoration tree, 10–30 ms
 * of main-thread work after each edit of a 1,000-service blueprint (bench:edit --profile, the
 * follow-up). `keepFoldingWhenUnchanged` makes `update` do nothing when it would change nothing:
 * the same regions (same lines and types, none collapsed or manual — those Monaco merges with the
 * new ones) whose decorations still sit on those lines, decorated as they would be now.
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
  _textModel: { getDecorationRange(id: string): { startLineNumber: number; endLineNumber: number } | null };
  _decorationProvider: { getDecorationOption(isCollapsed: boolean, isHidden: boolean, isManual: boolean): unknown };
}

/** The decoration options each model's regions were last decorated with (all expanded, from the provider). */
const decoratedWith = new WeakMap<object, unknown>();

/** Whether `update(next)` would leave `model` as it is. */
export function foldingUnchanged(model: FoldingModelLike, next: RegionsLike): boolean {
  const cur = model._regions;
  const ids = model._editorDecorationIds;
  if (cur.length !== next.length || ids.length !== cur.length || cur.length === 0) return false;
  if (decoratedWith.get(model) !== model._decorationProvider.getDecorationOption(false, false, false)) return false;
  for (let i = 0; i < cur.length; i++) {
    const start = next.getStartLineNumber(i);
    const end = next.getEndLineNumber(i);
    if (cur.isCollapsed(i) || cur.getSource(i) !== 0 || next.isCollapsed(i) || next.getSource(i) !== 0) return false;
    if (cur.getStartLineNumber(i) !== start || cur.getEndLineNumber(i) !== end || cur.getType(i) !== next.getType(i)) return false;
    const id = ids[i];
    const at = id === undefined ? null : model._textModel.getDecorationRange(id);
    if (!at || at.startLineNumber !== start || at.endLineNumber !== end) return false;
  }
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
  };
}
