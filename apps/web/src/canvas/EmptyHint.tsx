import { useRef } from 'react';
import { FilePicker, type FilePickerHandle } from '../files/FilePicker';
import { useOpenFile } from '../files/useOpenFile';
import { usePaletteAdd } from './usePaletteAdd';

/**
 * What an empty blueprint shows in the middle of the canvas instead of a blank grid: how to begin,
 * with the palette's, the templates menu's and the Open button's actions one Tab away. Gone as soon
 * as the canvas has an element. It lies inside React Flow's wrapper, so a palette item or a file
 * dropped on it lands on the canvas as anywhere else.
 */
export function EmptyHint() {
  const add = usePaletteAdd();
  const openFile = useOpenFile();
  const picker = useRef<FilePickerHandle>(null);
  return (
    <div className="empty-hint">
      <section className="empty-hint-card" aria-labelledby="empty-hint-title">
        <h2 id="empty-hint-title" className="empty-hint-title">
          An empty blueprint
        </h2>
        <p className="empty-hint-text">Drag a service or volume from the palette onto the canvas, or:</p>
        <div className="empty-hint-actions">
          <button type="button" className="button primary" onClick={() => add('service')}>
            Add a service
          </button>
          <button type="button" className="button" onClick={openTemplates} title="The toolbar's templates menu">
            Start from a template…
          </button>
          <button
            type="button"
            className="button"
            onClick={() => picker.current?.open()}
            title="Open a blueprint, or import a Compose file or Kubernetes YAML"
          >
            Import a file…
          </button>
        </div>
        <p className="empty-hint-text">
          Or paste Compose or Kubernetes YAML here (<kbd>Ctrl</kbd>+<kbd>V</kbd>) or drop the file on the canvas.
        </p>
        <FilePicker ref={picker} onFile={(file) => void openFile(file)} />
      </section>
    </div>
  );
}

/** Focuses the toolbar's templates menu (panels/Toolbar.tsx opens the pick) and opens its list where the browser can. */
function openTemplates() {
  const select = document.querySelector<HTMLSelectElement>('select.template-select');
  if (!select) return;
  select.focus();
  try {
    (select as HTMLSelectElement & { showPicker?: () => void }).showPicker?.();
  } catch {
    // Not allowed here (no user activation) or not supported: the focused menu opens with Alt+↓ or Space.
  }
}
