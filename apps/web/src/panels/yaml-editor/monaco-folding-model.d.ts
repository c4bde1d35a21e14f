// Monaco's folding model (no types of its own in the package): folding-keep.ts wraps its update.
declare module 'monaco-editor/esm/vs/editor/contrib/folding/browser/foldingModel.js' {
  export class FoldingModel {
    update(next: unknown, selection?: unknown): void;
  }
}
