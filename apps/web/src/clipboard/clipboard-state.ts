import { blueprintYaml } from '@blaupause/compiler';
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

/** The reading half (schema, YAML reader, importers) loads on the first paste. */
type TextModule = typeof import('./clipboard-text');
let textModule: TextModule | undefined;
export const loadText = async (): Promise<TextModule> => {
  textModule ??= await import('./clipboard-text');
  return textModule;
};

/**
 * The selection as clipboard text (blueprint YAML), remembered in memory too; undefined when
 * nothing copyable is selected. Synchronous, because the browser's copy event must be answered so:
 * the YAML writer is in the initial chunk already (the app writes blueprints for autosave and export).
 */
export function copyText(store: AppStore): string | undefined {
  const state = store.getState();
  const fragment = copyFragment(selectBlueprint(state), state.selection);
  if (!fragment) return undefined;
  memory = blueprintYaml(fragment);
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

/**
 * The report after pasting Compose or Kubernetes YAML, e.g. "Pasted 3 services and 1 volume
 * imported from the clipboard" (the ids are element ids such as service:web).
 */
export function pastedTitle(ids: readonly string[]): string {
  const kinds: Array<[string, string, string]> = [
    ['service', 'service', 'services'],
    ['volume', 'volume', 'volumes'],
    ['network', 'network', 'networks'],
  ];
  const parts: string[] = [];
  let counted = 0;
  for (const [kind, one, many] of kinds) {
    const n = ids.filter((id) => id.startsWith(`${kind}:`)).length;
    counted += n;
    if (n > 0) parts.push(`${n} ${n === 1 ? one : many}`);
  }
  const rest = ids.length - counted;
  if (rest > 0) parts.push(`${rest} ${rest === 1 ? 'other element' : 'other elements'}`);
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : (parts[0] ?? 'nothing');
  return `Pasted ${list} imported from the clipboard`;
}
