// The anchor of the edit benchmark (bench:edit, row K3): the app's Monaco (same version, resolved
// from apps/web) showing the same compiled Compose text at the same editor size and place, with
// YAML's grammar and the view options the app gives a long preview; Monaco's defaults otherwise, no
// folding and none of the app's patches. One edit: Enter in the plain <input> applies, in the
// keydown task, the one-line splice the app's worker would send (the image line's value, position
// precomputed by the bench: no compile, no store, no React) — what the editor alone costs per edit.
import { conf, language } from 'monaco-editor/esm/vs/basic-languages/yaml/yaml.js';
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api.js';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker?worker';

export interface StockEdit {
  text: string;
  /** The edited line (1-based) and the column its value starts at (the value runs to the line's end). */
  line: number;
  start: number;
  /** The app's editor box (px, page coordinates). */
  box: { left: number; top: number; width: number; height: number };
}

declare global {
  interface Window {
    __BENCH_STOCK__?: StockEdit;
  }
}

self.MonacoEnvironment = { getWorker: () => new EditorWorker() };
monaco.languages.register({ id: 'yaml' });
monaco.languages.setMonarchTokensProvider('yaml', language);
monaco.languages.setLanguageConfiguration('yaml', conf);

const stock = window.__BENCH_STOCK__ ?? { text: '', line: 1, start: 1, box: { left: 700, top: 100, width: 700, height: 700 } };
const host = document.querySelector('.yaml-editor') as HTMLElement;
Object.assign(host.style, {
  left: `${stock.box.left}px`,
  top: `${stock.box.top}px`,
  width: `${stock.box.width}px`,
  height: `${stock.box.height}px`,
});

const model = monaco.editor.createModel(stock.text, 'yaml');
model.setEOL(monaco.editor.EndOfLineSequence.LF);
model.updateOptions({ bracketColorizationOptions: { enabled: false, independentColorPoolPerBracketType: false } });
const editor = monaco.editor.create(host, {
  model,
  // The app's preview options (panels/yaml-editor/YamlEditor.tsx, a preview over 4,000 lines).
  readOnly: true,
  minimap: { enabled: false },
  automaticLayout: true,
  scrollBeyondLastLine: false,
  fontSize: 12,
  lineNumbersMinChars: 3,
  folding: false,
  links: false,
  colorDecorators: false,
  tabSize: 2,
  renderLineHighlight: 'none',
  wordWrap: 'off',
  fixedOverflowWidgets: true,
  editContext: false,
  stickyScroll: { enabled: false },
  matchBrackets: 'never',
  occurrencesHighlight: 'off',
  selectionHighlight: false,
  renderWhitespace: 'none',
  guides: { highlightActiveIndentation: false },
});
// The edited service's lines in view, as the app reveals the selected service's.
editor.revealLineInCenter(stock.line);
// The probe's hook (bench/src/edit-probe.ts), as the app's editor host has it.
Object.assign(host, { yamlModel: () => editor.getModel() });
host.dataset.ready = 'true';

const input = document.getElementById('image') as HTMLInputElement;
input.addEventListener('keydown', (e) => {
  if (e.key !== 'Enter') return;
  e.preventDefault();
  const { line, start } = stock;
  // The value's end moves with each edit: the line's end, as the image is the line's last field.
  model.applyEdits([{ range: new monaco.Range(line, start, line, model.getLineMaxColumn(line)), text: input.value }]);
});
