import { useAutoLayout } from './useAutoLayout';

/** The toolbar's "Auto layout" (also Ctrl+Shift+L and the canvas's context menus). */
export function AutoLayoutButton() {
  const autoLayout = useAutoLayout();
  return (
    <button
      type="button"
      className="button"
      onClick={() => void autoLayout()}
      aria-label="Auto layout"
      aria-keyshortcuts="Control+Shift+L"
      title="Arrange by dependency, left to right (Ctrl+Shift+L)"
    >
      ⇶ Auto layout
    </button>
  );
}
