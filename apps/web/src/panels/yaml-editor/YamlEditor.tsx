import type { Blueprint } from '@blaupause/model';
import Editor, { type OnMount } from '@monaco-editor/react';
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { blueprintYaml } from '../../analysis/analyze';
import { withDefaultLayout } from '../../flow/default-layout';
import type { DraftReveal } from '../../store/draft-slice';
import { elementExists } from '../../store/selection';
import { selectBlueprint } from '../../store/store';
import { useAppStore } from '../../store/useApp';
import { useTheme } from '../../theme/ThemeContext';
import { textEditOf } from '../../worker/delta-apply';
import { elementAtLine } from '../yaml-lines';
import { diagnosticMarkers, markedRanges, sameLineRanges } from './editor-data';
import { setElementFolding } from './element-folding';
import { afterFirstLine, editorMounted } from './first-line';
import { modelLanguage, previewUpdate, wholeTextFeatures, type YamlTab } from './languages';
import { BLUEPRINT_URI, monaco } from './monaco-setup';

export type { YamlTab };

interface SourceRange {
  elementId: string;
  startLine: number;
  endLine: number;
}

export interface YamlEditorProps {
  tab: YamlTab;
  /** What the store says the tab shows: the document's YAML or a compiled file. */
  text: string;
  /**
   * The compiled file whose `content` the text is (absent on the Blueprint tab): the worker's splice
   * that made it from the file shown before is applied as is (worker/delta-apply.ts textEditOf).
   */
  file?: object | undefined;
  /** The compiled file's source map; absent on the Blueprint tab. */
  sourceMap: readonly SourceRange[] | undefined;
  selection: readonly string[];
  /** Shown until Monaco has started. */
  fallback: ReactNode;
  /** A position of the Blueprint text to show and put the cursor at (from the problems panel). */
  reveal?: DraftReveal | undefined;
}

const URIS: Record<YamlTab, string> = {
  blueprint: BLUEPRINT_URI,
  compose: 'inmemory://blaupause/compose.yaml',
  swarm: 'inmemory://blaupause/swarm.yaml',
  kubernetes: 'inmemory://blaupause/kubernetes.yaml',
};
const MARKER_OWNER = 'blaupause';
/** The reader of the edited text: loaded once the editor shows its first line, before the first edit needs it. */
const loadReader = () => import('./read-text');
void afterFirstLine.then(() => loadReader().catch(() => undefined));
const DEBOUNCE_MS = 300;

type CodeEditor = monaco.editor.IStandaloneCodeEditor;

/**
 * A long preview (languages.ts WHOLE_TEXT_FEATURES_MAX_LINES) is read, not typed into: it drops the
 * editor's helpers that redo work after every edit of its text (bench:edit --profile, 1,000
 * services). Sticky scroll recomputed its model and re-rendered its lines after each change (the
 * selected element's lines are revealed and highlighted instead); bracket matching and the
 * occurrence/selection highlights answer the cursor in a text nobody types into. Its model's bracket
 * pair colours are off too (bracketColours: the brackets of compiled YAML are one-line flow lists).
 * Two more redo work in every render of the preview: the whitespace dots of selected text
 * (renderWhitespace 'selection' reads each shown line's tokens and decorations even with nothing
 * selected) and the highlight of the indent guide around the cursor (the cursor of a preview stays
 * on its first lines: Monaco walks every line from it down to the shown ones, tens of thousands,
 * to find its block). The indent guides themselves stay. With the textarea input (editContext
 * below), Monaco's render after a one-line edit of the 1,000-service Compose preview: median 2.5 →
 * 2.1 ms, p75 4.2 → 3.3 (40 renders each, alternating in one page, loaded host).
 * The Blueprint tab and short previews keep them all (FULL_OPTIONS: Monaco's defaults, named so that
 * switching back restores them).
 */
const LONG_PREVIEW_OPTIONS = {
  stickyScroll: { enabled: false },
  matchBrackets: 'never',
  occurrencesHighlight: 'off',
  selectionHighlight: false,
  renderWhitespace: 'none',
  guides: { highlightActiveIndentation: false },
} as const;
const FULL_OPTIONS = {
  stickyScroll: { enabled: true, maxLineCount: 2 }, // a short editor (1024×700: ~14 lines) keeps its text in view
  matchBrackets: 'always',
  occurrencesHighlight: 'singleFile',
  selectionHighlight: true,
  renderWhitespace: 'selection',
  guides: { highlightActiveIndentation: true },
} as const;

/**
 * Bracket pair colours of a model on or off. On, Monaco keeps a bracket tree of the whole text,
 * re-parsed after every edit and read on every render (2–8 ms per edit of a 1,000-service preview).
 */
function bracketColours(m: monaco.editor.ITextModel, on: boolean): void {
  if (m.getOptions().bracketPairColorizationOptions.enabled !== on)
    m.updateOptions({ bracketColorizationOptions: { enabled: on, independentColorPoolPerBracketType: false } });
}

/**
 * The YAML panel's Monaco editor (lazy-loaded). One model per tab: the compiled targets are
 * read-only, the Blueprint is editable; a valid edit becomes one undoable replaceDocument command,
 * an invalid one shows markers and leaves the document alone.
 */
export default function YamlEditor({ tab, text, file, sourceMap, selection, fallback, reveal }: YamlEditorProps) {
  const store = useAppStore();
  const theme = useTheme();
  const [editor, setEditor] = useState<CodeEditor>();
  const host = useRef<HTMLDivElement>(null);
  /** Links, colour decorators and indentation folding: off for long previews (languages.ts): they go over the whole text per edit. */
  // Off on a preview until its text is known: a detector started on the empty model would send it to
  // the editor worker once it holds the long text (its request waits for the worker to start).
  const [whole, setWhole] = useState(() => tab === 'blueprint');
  const [marked, setMarked] = useState<Array<[number, number]>>([]);
  const models = useRef(new Map<YamlTab, monaco.editor.ITextModel>());
  const decorations = useRef<monaco.editor.IEditorDecorationsCollection | undefined>(undefined);
  const timer = useRef<number | undefined>(undefined);
  /** The document this editor last dispatched: the store echoing it back must not rewrite the user's text. */
  const applied = useRef<Blueprint | undefined>(undefined);
  /**
   * The document the Blueprint text was being edited over while that text could not be applied. The
   * draft outlives tab switches and focus changes (the problems panel points into it) until the
   * document changes under it: then the store's text wins.
   */
  const draftBase = useRef<Blueprint | undefined>(undefined);
  const current = useRef({ tab, sourceMap });
  current.current = { tab, sourceMap };

  const model = (t: YamlTab) => tabModel(models.current, t);

  // Models live as long as the panel; the pending edit is dropped with them.
  useEffect(() => {
    const all = models.current;
    return () => {
      window.clearTimeout(timer.current);
      for (const m of all.values()) m.dispose();
      all.clear();
    };
  }, []);

  // The edited Blueprint text → the document, debounced.
  useEffect(() => {
    if (!editor) return;
    const m = tabModel(models.current, 'blueprint');
    const commit = async () => {
      timer.current = undefined;
      if (m.isDisposed()) return;
      const text = m.getValue();
      const { loadBlueprint } = await loadReader();
      // Typed on meanwhile (only while the reader loads): the next commit reads the newer text.
      if (m.isDisposed() || m.getValue() !== text) return;
      const r = loadBlueprint(text);
      monaco.editor.setModelMarkers(
        m,
        MARKER_OWNER,
        diagnosticMarkers(
          r.diagnostics.filter((d) => d.severity !== 'info'),
          (l) => (l >= 1 && l <= m.getLineCount() ? m.getLineLength(l) : 0),
        ),
      );
      // What kept the text from becoming the document goes to the problems panel too.
      store.getState().setDraftProblems(r.ok ? [] : r.diagnostics.filter((d) => d.severity !== 'info'));
      if (!r.ok || !r.blueprint) {
        draftBase.current ??= selectBlueprint(store.getState());
        return;
      }
      draftBase.current = undefined;
      const state = store.getState();
      const before = selectBlueprint(state);
      const next = withDefaultLayout(r.blueprint);
      if (blueprintYaml(next) === blueprintYaml(before)) return;
      applied.current = next;
      state.dispatch({ kind: 'replaceDocument', blueprint: next });
    };
    const sub = m.onDidChangeContent((e) => {
      if (e.isFlush) return;
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void commit(), DEBOUNCE_MS);
    });
    return () => sub.dispose();
  }, [editor, store]);

  // The tab's model in the editor: read-only unless it is the Blueprint.
  useEffect(() => {
    if (!editor) return;
    const m = tabModel(models.current, tab);
    // The whole-text features (links, colour decorators) are off before a long preview is shown and
    // on only once a short model is: either way round, the long one would be sent whole to the editor
    // worker and scanned for links and colours.
    const w = wholeTextFeatures(tab, m.getLineCount(), written.has(m));
    if (!w) editor.updateOptions({ links: false, colorDecorators: false });
    if (editor.getModel() !== m) editor.setModel(m);
    editor.updateOptions({ readOnly: tab !== 'blueprint', domReadOnly: tab !== 'blueprint', links: w, colorDecorators: w });
    setWhole(w);
  }, [editor, tab]);

  // What the store says → the model, unless the user is typing into it. A preview's text is known by
  // its file: comparing two megabyte texts (as effect dependencies are) reads them both.
  const latestText = useRef(text);
  latestText.current = text;
  const shown: object | string = tab !== 'blueprint' && file ? file : text;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `shown` stands for the text (read from latestText)
  useEffect(() => {
    if (!editor) return;
    const text = latestText.current;
    const m = tabModel(models.current, tab);
    if (tab !== 'blueprint') {
      showPreview(m, text, file);
      // In the same task as the new text: the link and colour detectors' timers (started by the edit)
      // find them off before they would send a long preview to the editor worker.
      const short = wholeTextFeatures(tab, m.getLineCount());
      // Only when it changes: Monaco's standalone updateOptions serialises the whole configuration
      // service's settings on every call, changed or not.
      if (editor.getOption(monaco.editor.EditorOption.links) !== short) editor.updateOptions({ links: short, colorDecorators: short });
      // A long preview folds by element (set before Monaco's folding, which runs after the edit, asks).
      setElementFolding(m, short ? undefined : (sourceMap ?? []));
      bracketColours(m, short);
      setWhole(short);
      return;
    }
    if (m.getValue() === text) return;
    const doc = selectBlueprint(store.getState());
    const typing = editor.hasTextFocus() && (timer.current !== undefined || applied.current === doc);
    if (typing || draftBase.current === doc) return;
    draftBase.current = undefined;
    monaco.editor.setModelMarkers(m, MARKER_OWNER, []);
    store.getState().setDraftProblems([]);
    m.setValue(text);
  }, [editor, tab, shown, file, sourceMap, store]);

  // Source map: the selected elements' lines are decorated and revealed.
  useEffect(() => {
    if (!editor) return;
    const ranges = sourceMap ? markedRanges(sourceMap, selection) : [];
    decorations.current ??= editor.createDecorationsCollection();
    // After an edit the source map is new but the lines rarely move: the decorations (which follow
    // the model's edits) are replaced only when they are not on the wanted lines already.
    const shown = decorations.current.getRanges().map((r): [number, number] => [r.startLineNumber, r.endLineNumber]);
    if (!sameLineRanges(shown, ranges))
      decorations.current.set(
        ranges.map(([start, end]) => ({
          range: new monaco.Range(start, 1, end, 1),
          options: { isWholeLine: true, className: 'yaml-marked', linesDecorationsClassName: 'yaml-marked-gutter' },
        })),
      );
    setMarked((was) => (sameLineRanges(was, ranges) ? was : ranges));
    const first = ranges[0];
    if (first) editor.revealLinesInCenterIfOutsideViewport(first[0], first[1], monaco.editor.ScrollType.Smooth);
  }, [editor, sourceMap, selection]);

  // The problems panel asked to show a position of the Blueprint text (each request once).
  const revealed = useRef(0);
  useEffect(() => {
    if (!editor || tab !== 'blueprint' || !reveal || reveal.seq === revealed.current) return;
    if (editor.getModel() !== tabModel(models.current, 'blueprint')) return;
    revealed.current = reveal.seq;
    editor.setPosition({ lineNumber: reveal.line, column: reveal.col });
    editor.revealLineInCenter(reveal.line, monaco.editor.ScrollType.Smooth);
    editor.focus();
  }, [editor, tab, reveal]);

  // One object while nothing in it changes: @monaco-editor/react calls updateOptions for every new
  // one, and a nested object (minimap) counts as a changed setting — the editor recomputes its options
  // and the configuration service serialises and announces them, on every reply of the worker.
  const options = useMemo(
    () => ({
      readOnly: tab !== 'blueprint',
      minimap: { enabled: false },
      automaticLayout: true,
      scrollBeyondLastLine: false,
      fontSize: 12,
      lineNumbersMinChars: 3,
      // Long previews fold by element (element-folding.ts), the rest by indentation.
      folding: true,
      links: whole,
      colorDecorators: whole,
      tabSize: 2,
      renderLineHighlight: 'none' as const,
      wordWrap: 'off' as const,
      fixedOverflowWidgets: true,
      // A preview takes no typing: its keyboard input goes through Monaco's classic textarea. The
      // EditContext input (Chromium's default, for typing and IME) measures the editor's box with
      // getBoundingClientRect and rewrites its screen-reader copy in every render; after the
      // worker's reply that read forces the page's style and layout inside Monaco's frame (2–4 ms
      // self time in CPU profiles of a 1,000-service edit). The textarea measures nothing itself
      // (on Linux Monaco's indent guides still read the shown lines' positions). The Blueprint tab keeps it.
      editContext: tab === 'blueprint',
      ...(whole ? FULL_OPTIONS : LONG_PREVIEW_OPTIONS),
    }),
    [tab, whole],
  );

  const onMount: OnMount = (ed) => {
    // The default model @monaco-editor/react made is replaced by the tab's own.
    const initial = ed.getModel();
    ed.setModel(model(current.current.tab));
    if (initial && !URIS_SET.has(initial.uri.toString())) initial.dispose();
    // Clicking a compiled line selects the element that produced it (the innermost range).
    ed.onMouseDown((e) => {
      const { tab: t, sourceMap: map } = current.current;
      const line = e.target.position?.lineNumber;
      if (t === 'blueprint' || !map || !line) return;
      const id = elementAtLine(map, line);
      const state = store.getState();
      if (id && elementExists(selectBlueprint(state), id)) state.select([id]);
    });
    // Test hook (e2e, bench:edit): the shown model, read on demand — Monaco renders only the visible lines.
    if (host.current) Object.assign(host.current, { yamlModel: () => ed.getModel() });
    setEditor(ed);
    editorMounted();
  };

  return (
    <div
      ref={host}
      className={tab === 'blueprint' ? 'yaml-editor is-editable' : 'yaml-editor is-linked'}
      data-model={tab}
      data-ready={editor ? 'true' : 'false'}
      data-marked-lines={marked.map(([s, e]) => (s === e ? `${s}` : `${s}-${e}`)).join(' ')}
    >
      <Editor
        height="100%"
        defaultLanguage="yaml"
        keepCurrentModel
        theme={theme === 'dark' ? 'vs-dark' : 'vs'}
        loading={fallback}
        onMount={onMount}
        options={options}
      />
    </div>
  );
}

/** The tab's model, created on first use. */
function tabModel(models: Map<YamlTab, monaco.editor.ITextModel>, t: YamlTab): monaco.editor.ITextModel {
  let m = models.get(t);
  if (!m || m.isDisposed()) {
    m = monaco.editor.createModel('', modelLanguage(t), monaco.Uri.parse(URIS[t]));
    // The previews' offsets are the compiler's: one character per line end.
    if (t !== 'blueprint') m.setEOL(monaco.editor.EndOfLineSequence.LF);
    models.set(t, m);
  }
  return m;
}

/** The text last written into each preview model, and the file it came from: the next one is compared with it, not with getValue(). */
const written = new WeakMap<monaco.editor.ITextModel, { text: string; file: object | undefined }>();

/**
 * A preview model gets the new compiled text as one edit of the changed span, not the whole text:
 * the view keeps its scroll position and Monaco re-tokenises the lines around the edit only.
 * The span is the worker's own splice when the model holds the text it was made from
 * (previewUpdate), else the two texts are compared (previewEdit). applyEdits keeps no undo stack
 * (the previews are read-only), so it does not grow.
 */
function showPreview(m: monaco.editor.ITextModel, text: string, file: object | undefined): void {
  const before = written.get(m);
  const update = previewUpdate(before, m.getValueLength(), text, file, textEditOf);
  if (update === 'whole') m.setValue(text);
  else if (update) {
    const start = m.getPositionAt(update.at);
    const end = m.getPositionAt(update.end);
    m.applyEdits([{ range: new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column), text: update.text }]);
  }
  written.set(m, { text, file });
}

const URIS_SET = new Set(Object.values(URIS).map((u) => monaco.Uri.parse(u).toString()));
