import { type FormEvent, useId, useState } from 'react';
import type { WordsField } from '../model/container-commands';
import { useApp } from '../store/useApp';
import { focusRowAt } from './focus-row';

const WORDS: Record<WordsField, { label: string; hint: string }> = {
  command: { label: 'Command', hint: 'replaces the image’s entrypoint (Compose entrypoint, Kubernetes command)' },
  args: { label: 'Arguments', hint: 'replace the image’s command (Compose command, Kubernetes args)' },
};

/** A container's command and arguments, each a list of words: one argv entry per word, no shell in between. */
export function CommandForm({
  service,
  container,
  command,
  args,
}: {
  service: string;
  container: string;
  command?: string[];
  args?: string[];
}) {
  const dispatch = useApp((s) => s.dispatch);
  return (
    <div className="env-form">
      <h4 className="subheading">Command</h4>
      {(['command', 'args'] as const).map((field) => (
        <WordsForm
          key={field}
          label={WORDS[field].label}
          hint={WORDS[field].hint}
          container={container}
          words={(field === 'command' ? command : args) ?? []}
          onChange={(words) => dispatch({ kind: 'setWords', service, container, field, words })}
        />
      ))}
    </div>
  );
}

interface WordsProps {
  /** What the words are, e.g. Command: names the fields and the buttons. */
  label: string;
  hint?: string;
  container: string;
  words: readonly string[];
  /** At least this many words stay (a remove button is not offered below it). */
  min?: number;
  onChange(words: string[]): boolean;
}

/**
 * A list of words (an argv), one field per word, committed on Enter or when focus leaves, Escape
 * restores; a field to add one. Each change is one command. Words are kept as typed, spaces and
 * quotes included: no shell splits or joins them.
 */
export function WordsForm({ label, hint, container, words, min = 0, onChange }: WordsProps) {
  const id = useId();
  const [word, setWord] = useState('');
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (word === '') return;
    if (onChange([...words, word])) {
      setWord('');
      e.currentTarget.querySelector('input')?.focus();
    }
  };
  const lower = label.toLowerCase();
  return (
    <div className="words-form">
      <p className="muted words-label" id={`${id}-label`}>
        {label}
        {hint && <span> — {hint}</span>}
      </p>
      {words.length > 0 && (
        <ol className="env-list" aria-label={`${label} of ${container}`}>
          {words.map((w, i) => (
            <WordRow
              // biome-ignore lint/suspicious/noArrayIndexKey: a word is its position in the argv
              key={i}
              index={i}
              label={label}
              container={container}
              word={w}
              removable={words.length > min}
              onCommit={(to) => onChange(words.map((x, j) => (j === i ? to : x)))}
              onRemove={() => onChange(words.filter((_, j) => j !== i))}
            />
          ))}
        </ol>
      )}
      <form className="env-add words-add" onSubmit={submit} aria-label={`Add a word to the ${lower} of ${container}`}>
        <label htmlFor={`${id}-word`} className="sr-only">
          {`New ${lower} word`}
        </label>
        <input
          id={`${id}-word`}
          value={word}
          placeholder={words.length === 0 ? `${lower}: one word per field` : 'next word'}
          spellCheck={false}
          onChange={(e) => setWord(e.target.value)}
        />
        <button type="submit" className="button" disabled={word === ''} aria-label={`Add word to the ${lower} of ${container}`}>
          Add
        </button>
      </form>
    </div>
  );
}

interface WordRowProps {
  index: number;
  label: string;
  container: string;
  word: string;
  removable: boolean;
  onCommit(word: string): boolean;
  onRemove(): boolean;
}

function WordRow({ index, label, container, word, removable, onCommit, onRemove }: WordRowProps) {
  const [draft, setDraft] = useState(word);
  const [shown, setShown] = useState(word);
  if (shown !== word) {
    setShown(word);
    setDraft(word);
  }
  const commit = () => {
    if (draft !== word) onCommit(draft);
  };
  const remove = (e: { currentTarget: HTMLElement }) => {
    const list = e.currentTarget.closest('ol');
    const form = list?.nextElementSibling;
    if (onRemove()) focusRowAt(list, index, 'input', () => form?.querySelector<HTMLElement>('input'));
  };
  const lower = label.toLowerCase();
  return (
    <li className="env-row words-row">
      <input
        aria-label={`${label} word ${index + 1}`}
        value={draft}
        spellCheck={false}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          } else if (e.key === 'Escape') setDraft(word);
        }}
      />
      {removable && (
        <button
          type="button"
          className="link-button"
          onClick={remove}
          aria-label={`Remove word ${index + 1} of the ${lower} of ${container}`}
        >
          remove
        </button>
      )}
    </li>
  );
}
