// The editor's features first, then the API (the order of monaco-editor's own edcore.main).
import './monaco-features';
import { loader } from '@monaco-editor/react';
import { conf as yamlConf, language as yamlGrammar } from 'monaco-editor/esm/vs/basic-languages/yaml/yaml.js';
// A shown line's class, so that the indent guides' read of each line's start needs no layout (line-start.ts).
import { ViewLine } from 'monaco-editor/esm/vs/editor/browser/viewParts/viewLines/viewLine.js';
// The colour detector's class, to stop it when colour decorators are off (color-stop.ts).
import { ColorDetector } from 'monaco-editor/esm/vs/editor/contrib/colorPicker/browser/colorDetector.js';
// The folding model's class, to skip its updates that change nothing (folding-keep.ts).
import { FoldingModel } from 'monaco-editor/esm/vs/editor/contrib/folding/browser/foldingModel.js';
// The lean entry: the editor core without the full entry's 80 languages and 4 language services
// (monaco-features.ts lists what the panel keeps). The full entry also adapts createWebWorker to
// the {moduleId, label} form monaco-yaml uses: see moduleWorkers below.
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api.js';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker?worker';
import { configureMonacoYaml } from 'monaco-yaml';
import YamlWorker from 'monaco-yaml/yaml.worker?worker';
import blueprintSchema from '../../../../../packages/model/blueprint.schema.json';
import { stopColorsWhenOff } from './color-stop';
import { elementFoldingOf } from './element-folding';
import { afterFirstLine } from './first-line';
import { keepFoldingWhenUnchanged } from './folding-keep';
import { OUTPUT_LANGUAGE, WHOLE_TEXT_FEATURES_MAX_LINES } from './languages';
import { knowLineStarts } from './line-start';
import { warmOnFirstText } from './warm-edit';

/** The URI of the editable Blueprint model: the blueprint JSON Schema applies to it only. */
export const BLUEPRINT_URI = 'inmemory://blaupause/blueprint.yaml';

/**
 * Monaco from the bundle, never from a CDN (issue 3: works offline). Its workers are Vite `?worker`
 * chunks of this origin. Imported only by the lazy YAML editor, so none of this is in the initial chunk.
 * The workers start once the editor has shown its first line: loading the YAML worker (1 MB) and
 * the editor worker would otherwise compete with the editor's own start on the main thread's core.
 */
self.MonacoEnvironment = {
  getWorker(_moduleId: string, label: string) {
    return afterFirstLine.then(() => (label === 'yaml' ? new YamlWorker() : new EditorWorker()));
  },
};
moduleWorkers(monaco);

loader.config({ monaco });

configureMonacoYaml(monaco, {
  enableSchemaRequest: false,
  validate: true,
  completion: true,
  hover: true,
  schemas: [
    { uri: 'https://blaupause.dev/schemas/blueprint-v1.schema.json', fileMatch: [BLUEPRINT_URI], schema: blueprintSchema as object },
  ],
});

// The compiled previews' own language (languages.ts): YAML's colours and brackets, none of
// monaco-yaml's providers. The editable Blueprint model stays 'yaml'. A long preview folds by
// blueprint element (element-folding.ts); a short one answers null and folds by indentation.
monaco.languages.register({ id: OUTPUT_LANGUAGE, aliases: ['YAML (compiled)'] });
monaco.languages.setMonarchTokensProvider(OUTPUT_LANGUAGE, yamlGrammar);
monaco.languages.setLanguageConfiguration(OUTPUT_LANGUAGE, yamlConf);
monaco.languages.registerFoldingRangeProvider(OUTPUT_LANGUAGE, {
  provideFoldingRanges: (model) => elementFoldingOf(model),
});
// After each edit Monaco replaces every folding decoration even when the regions stay the same
// (a long preview: one per service); folding-keep.ts skips such an update.
keepFoldingWhenUnchanged(FoldingModel.prototype as unknown as Parameters<typeof keepFoldingWhenUnchanged>[0]);
// Colour decorators switched off (long previews) stop the detector's per-edit scans in the editor worker.
stopColorsWhenOff(ColorDetector.prototype as unknown as Parameters<typeof stopColorsWhenOff>[0]);
// The indent guides' offset of column 1 of a line rendered afresh is 0, not read from the page's layout.
knowLineStarts(ViewLine.prototype as unknown as Parameters<typeof knowLineStarts>[0]);
// A long preview's edit path runs once, unseen, before the user's first edit (warm-edit.ts).
monaco.editor.onDidCreateModel((m) => {
  if (m.getLanguageId() === OUTPUT_LANGUAGE) warmOnFirstText(m, () => monaco.editor.getEditors(), WHOLE_TEXT_FEATURES_MAX_LINES);
});

export { monaco, OUTPUT_LANGUAGE };

/**
 * What the full entry (editor.main.js) adds to createWebWorker and monaco-yaml needs: a worker
 * named by {moduleId, label} (no `worker` given) comes from MonacoEnvironment.getWorker, and gets
 * the two messages editor.main sends it before the protocol starts ("ignore", then createData).
 */
function moduleWorkers(m: typeof monaco): void {
  const editorApi = m.editor as unknown as { createWebWorker(opts: Record<string, unknown>): unknown };
  const internal = editorApi.createWebWorker.bind(m.editor);
  editorApi.createWebWorker = (opts) => {
    if (opts.worker !== undefined) return internal(opts);
    const label = typeof opts.label === 'string' ? opts.label : 'monaco-editor-worker';
    const worker = Promise.resolve(self.MonacoEnvironment?.getWorker?.(String(opts.moduleId ?? ''), label)).then((w) => {
      if (!w) throw new Error(`no worker for ${label}`);
      w.postMessage('ignore');
      w.postMessage(opts.createData);
      return w;
    });
    return internal({ worker, host: opts.host, keepIdleModels: opts.keepIdleModels });
  };
}

// Monaco cancels its pending language requests (folding, links, validation…) when a model changes or
// is switched, and some of those cancellations surface as unhandled rejections named "Canceled". They
// are expected, not errors: keep them out of the console.
window.addEventListener('unhandledrejection', (e) => {
  const reason: unknown = e.reason;
  if (reason instanceof Error && reason.name === 'Canceled' && reason.message === 'Canceled') e.preventDefault();
});
