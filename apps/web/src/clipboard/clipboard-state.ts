import { keepFocusOnCanvas } from '../canvas/focus-node';
import { deletionCommand } from '../canvas/gestures';
import { type AppStore, selectBlueprint } from '../store/store';
import { copyFragment } from './fragment';

/**
 * What was copied last in this tab: the fallback when the system clipboard cannot be read (no
 * permission, an older browser). Module state on purpose — one clipboard per tab, like the system's.
 */
let memory: string | undefined;

/** The last copy of this tab, if any. */
export const remembered = (): string | undefined => memory;

/** Pasted files larger than this are left alone (the file picker reports them). */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/**
 * The YAML writer and reader (compiler and model) are not in the initial chunk: they load when
 * something is first selected, ahead of a copy, because the browser's copy event must be answered
 * synchronously.
 */
type TextModule = typeof import('./clipboard-text');
let textModule: TextModule | undefined;

/** Whether the YAML writer has loaded (copies are YAML from then on). */
export const textLoaded = (): boolean => textModule !== undefined;
export const loadText = async (): Promise<TextModule> => {
  textModule ??= await import('./clipboard-text');
  return textModule;
};

/**
 * The selection as clipboard text, remembered in memory too; undefined when nothing copyable is
 * selected. Blueprint YAML; JSON (which YAML readers read as well) only if a copy comes before the
 * writer has loaded.
 */
export function copyText(store: AppStore): string | undefined {
  const state = store.getState();
  const fragment = copyFragment(selectBlueprint(state), state.selection);
  if (!fragment) return undefined;
  memory = textModule ? textModule.fragmentText(fragment) : JSON.stringify(fragment, null, 2);
  return memory;
}

export function cutSelection(store: AppStore): void {
  const { selection, dispatch } = store.getState();
  // Edge ids name both ends (link:a->b); what is cut is the nodes, with the edges they take along.
  const cmd = deletionCommand(
    selection.filter((id) => !id.includes('->')),
    [],
  );
  if (cmd) dispatch(cmd);
  keepFocusOnCanvas();
}
