import { elementId } from '@blaupause/model';
import { type FormEvent, memo, useId, useState } from 'react';
import { focusNode } from '../canvas/focus-node';
import { useAddNetwork } from '../canvas/useAddNetwork';
import { DEFAULT_NETWORK } from '../model/network-commands';
import { selectBlueprint } from '../store/store';
import { useApp } from '../store/useApp';
import { removeRow } from './list-focus';

/** Not a network name (names are DNS labels): the choice that makes a new network. */
const NEW = ' new';

/** The networks a service joins, and a way to join one: memberships without the mouse. Memoised: an image edit does not render it. */
export const NetworksForm = memo(function NetworksForm({ name, joined: given }: { name: string; joined: readonly string[] | undefined }) {
  const dispatch = useApp((s) => s.dispatch);
  const addNetwork = useAddNetwork();
  const networks = useApp((s) => selectBlueprint(s).networks);
  const id = useId();
  const joined = given ?? [];
  const declared = Object.keys(networks ?? {});
  const choices = [...new Set([...declared, DEFAULT_NETWORK])].filter((n) => !joined.includes(n));
  // Joining default while on it implicitly changes nothing anyone could see: offer it only once the service names networks.
  const offered = joined.length === 0 ? choices.filter((n) => n !== DEFAULT_NETWORK) : choices;
  // A select that acted on change would join a network per arrow key: choose, then Join.
  const [choice, setChoice] = useState('');
  const chosen = choice === NEW || offered.includes(choice) ? choice : (offered[0] ?? NEW);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // The new network is selected: the focus follows it (its name is what one changes next, in the inspector).
    if (chosen === NEW) {
      const added = addNetwork(name);
      if (added) focusNode(elementId.network(added));
    } else dispatch({ kind: 'joinNetwork', service: name, network: chosen });
  };
  return (
    <>
      <h3 className="subheading">Networks</h3>
      <ul className="pod-list" aria-label={`Networks of ${name}`}>
        {joined.length === 0 && <li className="muted">default (no networks named)</li>}
        {joined.map((n) => (
          <li key={n} className="row">
            <span className="container-name">{n}</span>
            <button
              type="button"
              className="link-button"
              onClick={(e) => removeRow(e.currentTarget, () => dispatch({ kind: 'leaveNetwork', service: name, network: n }))}
              aria-label={`Leave network ${n}`}
            >
              remove
            </button>
          </li>
        ))}
      </ul>
      <form className="inline-form" onSubmit={submit} aria-label={`Join ${name} to a network`}>
        <label htmlFor={`${id}-join`} className="sr-only">
          Network to join
        </label>
        <select id={`${id}-join`} value={chosen} onChange={(e) => setChoice(e.target.value)}>
          {offered.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
          <option value={NEW}>a new network</option>
        </select>
        <button type="submit" className="button" aria-label={chosen === NEW ? `Join ${name} to a new network` : `Join ${chosen}`}>
          Join
        </button>
      </form>
    </>
  );
});
