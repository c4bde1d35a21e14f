import type { Service } from '@blaupause/model';
import { useId } from 'react';
import { useAddNetwork } from '../canvas/useAddNetwork';
import { DEFAULT_NETWORK } from '../model/network-commands';
import { selectBlueprint } from '../store/store';
import { useApp } from '../store/useApp';

/** Not a network name (names are DNS labels): the choice that makes a new network. */
const NEW = ' new';

/** The networks a service joins, and a way to join one: memberships without the mouse. */
export function NetworksForm({ name, service }: { name: string; service: Service }) {
  const dispatch = useApp((s) => s.dispatch);
  const addNetwork = useAddNetwork();
  const networks = useApp((s) => selectBlueprint(s).networks);
  const id = useId();
  const joined = service.networks ?? [];
  const declared = Object.keys(networks ?? {});
  const choices = [...new Set([...declared, DEFAULT_NETWORK])].filter((n) => !joined.includes(n));
  // Joining default while on it implicitly changes nothing anyone could see: offer it only once the service names networks.
  const offered = joined.length === 0 ? choices.filter((n) => n !== DEFAULT_NETWORK) : choices;
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
              onClick={() => dispatch({ kind: 'leaveNetwork', service: name, network: n })}
              aria-label={`Leave network ${n}`}
            >
              remove
            </button>
          </li>
        ))}
      </ul>
      {
        <div className="field">
          <label htmlFor={`${id}-join`}>Join a network</label>
          <select
            id={`${id}-join`}
            value=""
            onChange={(e) => {
              const network = e.target.value;
              if (network === NEW) addNetwork(name);
              else if (network) dispatch({ kind: 'joinNetwork', service: name, network });
            }}
          >
            <option value="">choose…</option>
            {offered.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
            <option value={NEW}>a new network</option>
          </select>
        </div>
      }
    </>
  );
}
