import type { TextEdit } from '../../worker/delta-apply';
import { textSplice } from '../../worker/text-splice';

export type YamlTab = 'blueprint' | 'compose' | 'swarm' | 'kubernetes';

/** The language of the editable Blueprint model: monaco-yaml's (schema, validation, completion). */
export const BLUEPRINT_LANGUAGE = 'yaml';

/**
 * The language of the compiled previews (Compose, Swarm, Kubernetes): registered in monaco-setup.ts
 * with YAML's grammar but none of monaco-yaml's providers. Those run for every 'yaml' model in the
 * YAML worker — on a 1,000-service blueprint every edit had it validate, outline and fold
 * megabytes of read-only, valid-by-construction output and send the results back to the main
 * thread (bench:edit).
 */
export const OUTPUT_LANGUAGE = 'yaml-output';

/** The language of a tab's model. */
export function modelLanguage(tab: YamlTab): string {
  return tab === 'blueprint' ? BLUEPRINT_LANGUAGE : OUTPUT_LANGUAGE;
}

/**
 * The one edit that turns a preview's `before` text into `after`: offsets [at, end) of `before`
 * replaced by `text` (common prefix and suffix left alone); undefined when they are equal. Applied
 * as a model edit, Monaco re-tokenises and re-renders only the lines around it, where replacing the
 * whole 1.4 MB text re-read and re-tokenised all of it on every edit.
 */
export function previewEdit(before: string, after: string): { at: number; end: number; text: string } | undefined {
  if (before === after) return undefined;
  const [at, end] = textSplice(before, after);
  return { at, end, text: after.slice(at, after.length - (before.length - end)) };
}

/** A preview edit: offsets [at, end) of the shown text replaced by `text`. */
export type PreviewEdit = { at: number; end: number; text: string };

/**
 * How a preview model that holds `shown` (written last, from the compiled file `shown.file`; the
 * model's length `modelLength`) comes to hold `text` of `file`: 'whole' (nothing written yet, or
 * the model is not what was written), undefined (nothing to do), or one edit. When `file` was made
 * from `shown.file` by a text splice of its content (`editOf`, worker/delta-apply.ts), that splice
 * is the edit: no re-reading of the megabyte texts. Otherwise (the tab was switched, two answers
 * arrived in one render) the texts are compared (previewEdit).
 */
export function previewUpdate(
  shown: { text: string; file: object | undefined } | undefined,
  modelLength: number,
  text: string,
  file: object | undefined,
  editOf: (o: object, key: string) => { from: object; edit: TextEdit } | undefined,
): PreviewEdit | 'whole' | undefined {
  if (shown === undefined || modelLength !== shown.text.length) return 'whole';
  if (file !== undefined && file === shown.file) return undefined;
  const splice = file && shown.file ? editOf(file, 'content') : undefined;
  if (splice && splice.from === shown.file && splice.edit.at + splice.edit.del <= modelLength) {
    const { at, del, ins } = splice.edit;
    return del === 0 && ins === '' ? undefined : { at, end: at + del, text: ins };
  }
  return previewEdit(shown.text, text);
}

/**
 * Previews longer than this lose the editor features that go over the whole text after every
 * change: indentation folding (scans every line, then replaces a decoration per region), link
 * detection (the editor worker finds the links, the page replaces their decorations) and colour
 * decorators (the same round trip for CSS colours, which compiled YAML does not hold). At 1,000
 * services (40,000 lines of Compose) they cost 75–280 and 30–170 ms of main-thread work per edit
 * (bench:edit --profile), growing with the text; below this a few ms. A large preview folds by
 * blueprint element instead (element-folding.ts: one region per service, pod, volume…) and is
 * navigated by selecting on the canvas (its lines are highlighted and revealed).
 */
export const WHOLE_TEXT_FEATURES_MAX_LINES = 4000;

/**
 * Whether the editor folds by indentation and detects links in a model of this tab with this many
 * lines. A preview whose text has not been written yet (`written` false) gets them only once it has:
 * a detector started on the empty model sends the model to the editor worker when its request gets
 * there (the worker starts after the first line) — by then the long text, 1.6 MB at 1,000 services.
 */
export function wholeTextFeatures(tab: YamlTab, lineCount: number, written = true): boolean {
  return tab === 'blueprint' || (written && lineCount <= WHOLE_TEXT_FEATURES_MAX_LINES);
}
