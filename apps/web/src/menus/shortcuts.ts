/** Every keyboard shortcut of the designer, for the help dialog (`?`). Keep in step with the handlers. */
export const SHORTCUTS: ReadonlyArray<{ group: string; keys: readonly string[]; what: string }> = [
  { group: 'Edit', keys: ['Ctrl+Z'], what: 'Undo' },
  { group: 'Edit', keys: ['Ctrl+Shift+Z', 'Ctrl+Y'], what: 'Redo' },
  { group: 'Edit', keys: ['Ctrl+C'], what: 'Copy the selected services and volumes (as blueprint YAML)' },
  { group: 'Edit', keys: ['Ctrl+X'], what: 'Cut' },
  { group: 'Edit', keys: ['Ctrl+V'], what: 'Paste (blueprint, Compose or Kubernetes YAML)' },
  { group: 'Edit', keys: ['Ctrl+D'], what: 'Duplicate the selected services' },
  { group: 'Edit', keys: ['Delete', 'Backspace'], what: 'Delete the selection' },
  { group: 'Canvas', keys: ['Ctrl+A'], what: 'Select all nodes' },
  { group: 'Canvas', keys: ['Ctrl+Shift+L'], what: 'Auto layout (by dependency, left to right)' },
  { group: 'Canvas', keys: ['Tab', 'Shift+Tab'], what: 'Move focus between nodes, edges and panels' },
  { group: 'Canvas', keys: ['Enter', 'Space'], what: 'Select the focused node' },
  {
    group: 'Canvas',
    keys: ['←', '↑', '→', '↓'],
    what: 'Move the selected nodes (with Shift: four grid steps); presses in a row are one undo step',
  },
  { group: 'Canvas', keys: ['Shift+F10', 'Menu'], what: 'Open the context menu of the focused node or edge' },
  { group: 'Canvas', keys: ['Escape'], what: 'Close a menu or dialog' },
  { group: 'Palette', keys: ['Enter'], what: 'Add the focused palette item in the middle of the view' },
  { group: 'Help', keys: ['?'], what: 'Show these shortcuts' },
];
