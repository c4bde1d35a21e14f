import { type KeyboardEvent, memo, useId, useState } from 'react';

interface Props {
  label: string;
  value: string;
  /** A message when the draft cannot be committed; shown as you type. */
  validate?: (draft: string) => string | undefined;
  onCommit: (draft: string) => void;
  type?: 'text' | 'number';
  min?: number;
  placeholder?: string;
}

/**
 * A field that edits a draft, validates it as you type, and commits on Enter or when focus
 * leaves (one command, one undo step). Escape restores the value. A new `value` (the commit
 * itself, an undo, another edit) replaces the draft in the same render; the input stays mounted
 * and keeps the focus — keying the field by its value replaced the focused input on every commit,
 * and removing it forced a layout of the page in the keydown task (~6–13 ms at 1,000 services).
 * Memoised: with stable callbacks, a field whose value an edit did not change is not rendered.
 */
export const CommitField = memo(function CommitField({ label, value, validate, onCommit, type = 'text', min, placeholder }: Props) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    // React's "adjusting state when a prop changes": re-renders at once, before the children.
    setShown(value);
    setDraft(value);
  }
  const problem = draft === value ? undefined : validate?.(draft);
  const commit = () => {
    if (draft !== value && !problem) onCommit(draft);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      // No keypress: Chromium's default handling of Enter's keypress in a text field (editing) lays out
      // the page in the keydown task (~6 ms at 1,000 services); the next frame lays it out anyway.
      e.preventDefault();
      commit();
    } else if (e.key === 'Escape') setDraft(value);
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        min={min}
        value={draft}
        placeholder={placeholder}
        spellCheck={false}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={onKeyDown}
      />
      {problem && (
        <p id={`${id}-problem`} className="field-problem">
          {problem}
        </p>
      )}
    </div>
  );
});
