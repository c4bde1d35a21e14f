import type { Container } from '@blaupause/model';
import { type FormEvent, type KeyboardEvent, useId, useState } from 'react';
import { envNameProblem } from '../model/container-commands';
import { useApp } from '../store/useApp';
import { focusRowAt } from './focus-row';

/**
 * A container's environment, one row per variable (name and value, committed on Enter or when
 * focus leaves, like every field) and a row to add one. Rows are keyed by position: renaming a
 * variable keeps it in place, and the focus in its field.
 */
export function EnvForm({ service, container, env }: { service: string; container: string; env: Container['env'] }) {
  const dispatch = useApp((s) => s.dispatch);
  const id = useId();
  const entries = Object.entries(env ?? {});
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const problem = name ? (envNameProblem(name) ?? (entries.some(([k]) => k === name) ? `${name} is set already.` : undefined)) : undefined;
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!name || problem) return;
    if (dispatch({ kind: 'setEnv', service, container, name, value })) {
      setName('');
      setValue('');
      e.currentTarget.querySelector('input')?.focus();
    }
  };
  return (
    <div className="env-form">
      <h4 className="subheading">Environment</h4>
      {entries.length > 0 && (
        <ul className="env-list" aria-label={`Environment of ${container}`}>
          {entries.map(([k, v], i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: by position, so a renamed variable keeps its row and focus
            <EnvRow key={i} index={i} service={service} container={container} name={k} value={v} taken={entries.map(([n]) => n)} />
          ))}
        </ul>
      )}
      <form className="env-add" onSubmit={submit} aria-label={`Add a variable to ${container}`}>
        <label htmlFor={`${id}-name`} className="sr-only">
          New variable name
        </label>
        <input
          id={`${id}-name`}
          value={name}
          placeholder="NAME"
          spellCheck={false}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
          onChange={(e) => setName(e.target.value)}
        />
        <label htmlFor={`${id}-value`} className="sr-only">
          New variable value
        </label>
        <input id={`${id}-value`} value={value} placeholder="value" spellCheck={false} onChange={(e) => setValue(e.target.value)} />
        <button type="submit" className="button" disabled={!name || !!problem} aria-label={`Add variable to ${container}`} title={problem}>
          Add
        </button>
        {problem && (
          <p id={`${id}-problem`} className="field-problem">
            {problem}
          </p>
        )}
      </form>
    </div>
  );
}

interface EnvRowProps {
  index: number;
  service: string;
  container: string;
  name: string;
  value: string;
  taken: readonly string[];
}

/** One variable: its name and value as drafts, validated as you type; Enter or leaving the row commits, Escape restores. */
function EnvRow({ index, service, container, name, value, taken }: EnvRowProps) {
  const dispatch = useApp((s) => s.dispatch);
  const id = useId();
  const [draft, setDraft] = useState({ name, value });
  const [shown, setShown] = useState({ name, value });
  if (shown.name !== name || shown.value !== value) {
    setShown({ name, value });
    setDraft({ name, value });
  }
  const problem =
    draft.name === name
      ? undefined
      : (envNameProblem(draft.name) ?? (taken.includes(draft.name) ? `${draft.name} is set already.` : undefined));
  const commit = () => {
    if (problem || (draft.name === name && draft.value === value)) return;
    dispatch({ kind: 'setEnv', service, container, name: draft.name, value: draft.value, was: name });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      commit();
    } else if (e.key === 'Escape') setDraft({ name, value });
  };
  const remove = (e: { currentTarget: HTMLElement }) => {
    const list = e.currentTarget.closest('ul');
    const form = list?.nextElementSibling;
    if (dispatch({ kind: 'removeEnv', service, container, name }))
      focusRowAt(list, index, 'button', () => form?.querySelector<HTMLElement>('input'));
  };
  return (
    <li className="env-row">
      <input
        aria-label={`Name of variable ${name}`}
        value={draft.name}
        spellCheck={false}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onChange={(e) => setDraft({ ...draft, name: e.target.value })}
        onBlur={commit}
        onKeyDown={onKeyDown}
      />
      <input
        aria-label={`Value of ${name}`}
        value={draft.value}
        spellCheck={false}
        onChange={(e) => setDraft({ ...draft, value: e.target.value })}
        onBlur={commit}
        onKeyDown={onKeyDown}
      />
      <button type="button" className="link-button" onClick={remove} aria-label={`Remove variable ${name} of ${container}`}>
        remove
      </button>
      {problem && (
        <p id={`${id}-problem`} className="field-problem">
          {problem}
        </p>
      )}
    </li>
  );
}
