// Monaco's shown line (no types of its own in the package): line-start.ts wraps its range reading.
declare module 'monaco-editor/esm/vs/editor/browser/viewParts/viewLines/viewLine.js' {
  export class ViewLine {
    getVisibleRangesForRange(lineNumber: number, startColumn: number, endColumn: number, context: unknown): unknown;
  }
}
