import { useReactFlow } from '@xyflow/react';
import { useCallback, useEffect } from 'react';
import { focusNode, keepFocusOnCanvas } from '../canvas/focus-node';
import { deletionCommand } from '../canvas/gestures';
import { isUnplaced, withAutoLayout } from '../layout/auto-layout';
import type { XY } from '../model/types';
import { type AppStore, selectBlueprint } from '../store/store';
import { useAppStore } from '../store/useApp';
import { copyFragment } from './fragment';
import { pastePlan } from './paste-plan';

/**
 * What was copied last in this tab: the fallback when the system clipboard cannot be read (no
 * permission, an older browser). Module state on purpose — one clipboard per tab, like the system's.
 */
let memory: string | undefined;

/** Pasted files larger than this are left alone (the file picker reports them). */
const MAX_FILE_BYTES = 5 * 1024 * 1024;

/**
 * The YAML writer and reader (compiler and model) are not in the initial chunk: they load when
 * something is first selected, ahead of a copy, because the browser's copy event must be answered
 * synchronously.
 */
type TextModule = typeof import('./clipboard-text');
let textModule: TextModule | undefined;
const loadText = async (): Promise<TextModule> => {
  textModule ??= await import('./clipboard-text');
  return textModule;
};

/**
 * The selection as clipboard text, remembered in memory too; undefined when nothing copyable is
 * selected. Blueprint YAML; JSON (which YAML readers read as well) only if a copy comes before the
 * writer has loaded.
 */
function copyText(store: AppStore): string | undefined {
  const state = store.getState();
  const fragment = copyFragment(selectBlueprint(state), state.selection);
  if (!fragment) return undefined;
  memory = textModule ? textModule.fragmentText(fragment) : JSON.stringify(fragment, null, 2);
  return memory;
}

function cutSelection(store: AppStore): void {
  const { selection, dispatch } = store.getState();
  // Edge ids name both ends (link:a->b); what is cut is the nodes, with the edges they take along.
  const cmd = deletionCommand(
    selection.filter((id) => !id.includes('->')),
    [],
  );
  if (cmd) dispatch(cmd);
  keepFocusOnCanvas();
}

/** Copy, cut and paste for menus and buttons, through the async Clipboard API with the in-memory fallback. */
export function useClipboard() {
  const store = useAppStore();
  const { screenToFlowPosition, fitView } = useReactFlow();

  const pasteText = useCallback(
    async (text: string, at?: XY) => {
      const read = await (await loadText()).readFragment(text);
      const { dispatch, select, setReport } = store.getState();
      if (!read.ok) {
        setReport({ title: read.error, ok: false, diagnostics: [] });
        return;
      }
      // Text without positions (a Compose file, hand-written YAML) is laid out first, then put in view.
      const unplaced = isUnplaced(read.fragment);
      const fragment = unplaced ? await withAutoLayout(read.fragment) : read.fragment;
      const plan = pastePlan(
        selectBlueprint(store.getState()),
        fragment,
        at ?? (unplaced ? visibleTopLeft(screenToFlowPosition) : undefined),
      );
      if (!plan) return;
      if (!dispatch(plan.command)) return;
      select(plan.ids);
      if (read.imported)
        setReport({ title: `Pasted ${plan.ids.length} element(s) imported from the clipboard`, ok: true, diagnostics: [] });
      if (unplaced) setTimeout(() => void fitView({ nodes: plan.ids.map((id) => ({ id })), padding: 0.3, maxZoom: 1, duration: 200 }), 50);
      focusNode(plan.ids[0]);
    },
    [store, screenToFlowPosition, fitView],
  );

  const copy = useCallback(async () => {
    const text = copyText(store);
    if (text) await navigator.clipboard?.writeText(text).catch(() => undefined);
    return !!text;
  }, [store]);

  const cut = useCallback(async () => {
    if (await copy()) cutSelection(store);
  }, [copy, store]);

  const paste = useCallback(
    async (at?: XY) => {
      const text = await navigator.clipboard?.readText().catch(() => undefined);
      const chosen = text?.trim() ? text : memory;
      if (chosen) await pasteText(chosen, at);
    },
    [pasteText],
  );

  return { copy, cut, paste, pasteText };
}

/** Fields, the YAML editor and selected text keep the browser's own copy and paste. */
function browserOwns(e: ClipboardEvent): boolean {
  const t = e.target;
  if (
    t instanceof HTMLElement &&
    (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName) || t.closest('.monaco-editor'))
  )
    return true;
  const selected = document.getSelection();
  return e.type !== 'paste' && !!selected && !selected.isCollapsed;
}

/**
 * Ctrl+C / Ctrl+X / Ctrl+V anywhere but in a text field: the browser's copy, cut and paste events,
 * which read and write the system clipboard without a permission prompt.
 */
export function useClipboardEvents(pasteText: (text: string) => Promise<void>): void {
  const store = useAppStore();
  useEffect(
    () =>
      store.subscribe((s) => {
        if (s.selection.length > 0 && !textModule) void loadText();
      }),
    [store],
  );
  useEffect(() => {
    const onCopy = (e: ClipboardEvent) => {
      if (browserOwns(e)) return;
      const text = copyText(store);
      if (!text) return;
      e.clipboardData?.setData('text/plain', text);
      e.preventDefault();
      if (e.type === 'cut') cutSelection(store);
    };
    const onPaste = (e: ClipboardEvent) => {
      if (browserOwns(e)) return;
      // A file copied in a file manager (a compose.yaml) pastes like its text.
      const file = e.clipboardData?.files[0];
      if (file && file.size <= MAX_FILE_BYTES) {
        e.preventDefault();
        void file.text().then(pasteText);
        return;
      }
      const text = e.clipboardData?.getData('text/plain') || memory;
      if (!text) return;
      e.preventDefault();
      void pasteText(text);
    };
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCopy);
    document.addEventListener('paste', onPaste);
    return () => {
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCopy);
      document.removeEventListener('paste', onPaste);
    };
  }, [store, pasteText]);
}

/** A point a little inside the visible canvas's top-left corner, in flow coordinates. */
function visibleTopLeft(toFlow: (p: XY) => XY): XY {
  const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
  return pane ? toFlow({ x: pane.left + 60, y: pane.top + 60 }) : { x: 0, y: 0 };
}
