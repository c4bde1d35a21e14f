import type { Link } from '@blaupause/model';
import { type FormEvent, memo, useId, useState } from 'react';
import { useApp } from '../store/useApp';
import { removeRow } from './list-focus';
import { OptionList, useSameList } from './OptionList';

/**
 * The services this one uses, and a way to add one: links without the mouse. Memoised on the links and
 * the service names: an edit of the image does not render it (nor its select of every other service).
 */
export const LinksForm = memo(function LinksForm({
  name,
  links,
  services,
}: {
  name: string;
  links: readonly Link[] | undefined;
  services: readonly string[];
}) {
  const dispatch = useApp((s) => s.dispatch);
  const id = useId();
  const used = new Set((links ?? []).map((l) => l.to));
  const candidates = useSameList(services.filter((s) => s !== name && !used.has(s)));
  const [to, setTo] = useState('');
  const target = candidates.includes(to) ? to : (candidates[0] ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (target) dispatch({ kind: 'addLink', from: name, to: target });
  };
  return (
    <>
      <h3 className="subheading">Uses</h3>
      <ul className="pod-list">
        {(links ?? []).map((l) => (
          <li key={l.to} className="row">
            <span className="container-name">{l.to}</span> <span className="muted">when {l.condition}</span>
            <button
              type="button"
              className="link-button"
              onClick={(e) => removeRow(e.currentTarget, () => dispatch({ kind: 'removeLink', from: name, to: l.to }))}
              aria-label={`Stop using ${l.to}`}
            >
              remove
            </button>
          </li>
        ))}
      </ul>
      {candidates.length > 0 && (
        <form className="inline-form" onSubmit={submit} aria-label="Add a link">
          <label htmlFor={id} className="sr-only">
            Service to use
          </label>
          <select id={id} value={target} onChange={(e) => setTo(e.target.value)}>
            <OptionList values={candidates} />
          </select>
          <button type="submit" className="button" aria-label={`Use ${target}`}>
            Use
          </button>
        </form>
      )}
    </>
  );
});
