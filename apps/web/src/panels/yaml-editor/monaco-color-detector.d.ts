// Monaco's colour detector class (color-stop.ts patches its prototype); its types are not published.
declare module 'monaco-editor/esm/vs/editor/contrib/colorPicker/browser/colorDetector.js' {
  export const ColorDetector: { prototype: { stop(): void; removeAllDecorations(): void } };
}
