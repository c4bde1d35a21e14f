import { useReactFlow } from '@xyflow/react';
import { useRef, useState } from 'react';
import { FIT_VIEW_ANIMATED } from '../canvas/fit-view';
import { ExportMenu } from '../export/ExportMenu';
import { AutoLayoutButton } from '../layout/AutoLayoutButton';
import { withAutoLayout } from '../layout/auto-layout';
import { LibraryButton } from '../library/LibraryButton';
import { useOpenDocument } from '../library/open-document';
import { ShortcutsHelp } from '../menus/ShortcutsHelp';
import { selectBlueprint, selectCanRedo, selectCanUndo } from '../store/store';
import { useApp, useDocuments } from '../store/useApp';
import { TeachButton } from '../teaching/TeachButton';
import { EMPTY_TEMPLATE, TEMPLATE_ENTRIES } from '../templates/catalog';
import { ThemeToggle } from '../theme/ThemeToggle';
import { OpenFileButton } from './OpenFileButton';

/**
 * The toolbar reads only the blueprint's name: what an edit changes (undo and redo, the last
 * refusal) is read by the parts that show it, so the first edit does not render every menu again.
 */
export function Toolbar() {
  const name = useApp((s) => selectBlueprint(s).metadata.name);
  const { fitView, setViewport } = useReactFlow();
  // Templates are read by the worker (the YAML readers and the schema are not in the initial chunk).
  const documents = useDocuments();
  const openDocument = useOpenDocument();
  // The template being opened (read, laid out by ELK): the picker says so until the canvas shows it.
  // A pick while one opens is not refused (as before): the status follows the last pick.
  const [opening, setOpening] = useState<string>();
  const picks = useRef(0);
  const openTemplate = async (id: string) => {
    if (!id) return;
    const pick = ++picks.current;
    setOpening(id === EMPTY_TEMPLATE ? 'an empty blueprint' : (TEMPLATE_ENTRIES.find((t) => t.id === id)?.title ?? 'the template'));
    try {
      await openTemplateNow(id);
      // The canvas renders the new nodes in the next frame.
      await new Promise((resolve) => requestAnimationFrame(resolve));
    } finally {
      if (pick === picks.current) setOpening(undefined);
    }
  };
  const openTemplateNow = async (id: string) => {
    const blueprint = await documents.template(id);
    if (id === EMPTY_TEMPLATE) {
      if (openDocument(blueprint) === 'failed') return;
      // No fitView: with no nodes it would wait for the first one added and then move the view under the user.
      void setViewport({ x: 0, y: 0, zoom: 1 });
      return;
    }
    // A template without a layout is laid out by ELK (loaded on first use); a blueprint with
    // anything in it is kept in the library and the template opens as a new one (open-document.ts).
    if (openDocument(await withAutoLayout(blueprint)) === 'failed') return;
    setTimeout(() => void fitView(FIT_VIEW_ANIMATED), 50);
  };
  return (
    <header className="toolbar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">Blaupause</span>
        <LibraryButton fallbackName={name} />
      </div>
      <div className="toolbar-actions">
        <UndoRedo />
        <AutoLayoutButton />
        <OpenFileButton />
        <span className="template-picker">
          {/* Busy, not disabled, while a template opens: disabling it would drop the keyboard focus. */}
          <select
            className="button template-select"
            aria-label="Start from a template"
            aria-busy={opening ? true : undefined}
            aria-describedby={opening ? 'template-opening' : undefined}
            value=""
            onChange={(e) => void openTemplate(e.target.value)}
          >
            <option value="">Templates…</option>
            <option value={EMPTY_TEMPLATE}>Empty blueprint</option>
            {TEMPLATE_ENTRIES.map((t) => (
              <option key={t.id} value={t.id}>
                {t.title}
              </option>
            ))}
          </select>
          <span id="template-opening" className="busy-status" role="status">
            {opening ? `Opening ${opening}…` : ''}
          </span>
        </span>
        <ExportMenu />
        <TeachButton />
        <ShortcutsHelp />
        <ThemeToggle />
      </div>
      <StatusMessage />
    </header>
  );
}

function UndoRedo() {
  const canUndo = useApp(selectCanUndo);
  const canRedo = useApp(selectCanRedo);
  const undo = useApp((s) => s.undo);
  const redo = useApp((s) => s.redo);
  return (
    <>
      <button type="button" className="button" onClick={undo} disabled={!canUndo} aria-label="Undo" title="Undo (Ctrl+Z)">
        <span aria-hidden="true">↶</span>
        <span className="button-label">Undo</span>
      </button>
      <button type="button" className="button" onClick={redo} disabled={!canRedo} aria-label="Redo" title="Redo (Ctrl+Shift+Z)">
        <span aria-hidden="true">↷</span>
        <span className="button-label">Redo</span>
      </button>
    </>
  );
}

/** Why the last command was refused, announced. */
function StatusMessage() {
  const lastError = useApp((s) => s.lastError);
  return (
    <output className="status-message" aria-live="polite">
      {lastError}
    </output>
  );
}
