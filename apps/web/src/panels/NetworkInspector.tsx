import type { Blueprint } from '@blaupause/model';
import { Fragment, useId, useState } from 'react';
import { keepFocusOnCanvas } from '../canvas/focus-node';
import { useApp } from '../store/useApp';
import { CommitField } from './CommitField';
import { nameProblem } from './field-rules';
import { removeRow } from './list-focus';

/**
 * A network segment: name, options the model has (internal, external, driver), its members. What a
 * segment means per target is written beside it: Compose/Swarm networks, Kubernetes NetworkPolicies.
 */
export function NetworkInspector({ bp, name }: { bp: Blueprint; name: string }) {
  const dispatch = useApp((s) => s.dispatch);
  const id = useId();
  const [choice, setChoice] = useState('');
  const network = bp.networks?.[name];
  if (!network) return null;
  const services = Object.keys(bp.services);
  const members = services.filter((s) => bp.services[s]?.networks?.includes(name));
  const implicit = name === 'default' ? services.filter((s) => !bp.services[s]?.networks?.length) : [];
  const others = services.filter((s) => !members.includes(s) && !implicit.includes(s));
  const joiner = others.includes(choice) ? choice : (others[0] ?? '');
  const setOption = (options: { internal?: boolean; external?: boolean; driver?: string }) =>
    dispatch({ kind: 'setNetworkOptions', name, options });
  return (
    <div className="inspector-body">
      <p className="inspector-heading">
        <span className="kind-chip">Network</span> {name}
      </p>
      <CommitField
        key={`name:${name}`}
        label="Name"
        value={name}
        validate={(d) =>
          nameProblem(
            d,
            Object.keys(bp.networks ?? {}).filter((n) => n !== name),
          )
        }
        onCommit={(to) => dispatch({ kind: 'renameNetwork', from: name, to })}
      />
      <div className="check-field">
        <input
          id={`${id}-internal`}
          type="checkbox"
          checked={!!network.internal}
          disabled={!!network.external}
          onChange={(e) => setOption({ internal: e.target.checked })}
        />
        <label htmlFor={`${id}-internal`}>Internal — no route to the outside world</label>
      </div>
      <div className="check-field">
        <input
          id={`${id}-external`}
          type="checkbox"
          checked={!!network.external}
          onChange={(e) => setOption({ external: e.target.checked })}
        />
        <label htmlFor={`${id}-external`}>External — created outside the blueprint</label>
      </div>
      <CommitField
        key={`driver:${network.driver ?? ''}`}
        label="Driver"
        value={network.driver ?? ''}
        placeholder="engine default (bridge; overlay on Swarm)"
        validate={(d) => (/^[\w./:-]*$/.test(d.trim()) ? undefined : 'A driver name: letters, digits, ".", "/", ":", "-".')}
        onCommit={(driver) => setOption({ driver })}
      />
      {network.labels && Object.keys(network.labels).length > 0 && (
        <>
          <h3 className="subheading">Labels</h3>
          <dl className="facts" aria-label={`Labels of ${name}`}>
            {Object.entries(network.labels).map(([k, v]) => (
              <Fragment key={k}>
                <dt>{k}</dt>
                <dd>{v}</dd>
              </Fragment>
            ))}
          </dl>
          <p className="muted">Labels are edited in the Blueprint YAML tab.</p>
        </>
      )}
      <h3 className="subheading">Members</h3>
      <ul className="pod-list" aria-label={`Members of ${name}`}>
        {members.map((s) => (
          <li key={s} className="row">
            <span className="container-name">{s}</span>
            <button
              type="button"
              className="link-button"
              onClick={(e) => removeRow(e.currentTarget, () => dispatch({ kind: 'leaveNetwork', service: s, network: name }))}
              aria-label={`Remove ${s} from ${name}`}
            >
              remove
            </button>
          </li>
        ))}
        {implicit.length > 0 && <li className="muted">{implicit.join(', ')} (no networks named: on default)</li>}
        {members.length === 0 && implicit.length === 0 && <li className="muted">No service joins it yet.</li>}
      </ul>
      {others.length > 0 && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            dispatch({ kind: 'joinNetwork', service: joiner, network: name });
          }}
          aria-label={`Add a service to ${name}`}
        >
          <label htmlFor={`${id}-join`} className="sr-only">
            Service to add
          </label>
          <select id={`${id}-join`} value={joiner} onChange={(e) => setChoice(e.target.value)}>
            {others.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
          <button type="submit" className="button" aria-label={`Add ${joiner} to ${name}`}>
            Add
          </button>
        </form>
      )}
      <p className="muted">
        A service that names its networks is on those only (as in Compose): it leaves the default network unless it joins “default” too.
        Kubernetes gets a NetworkPolicy per segment.
      </p>
      <button
        type="button"
        className="button danger"
        onClick={() => dispatch({ kind: 'removeNetwork', name }) && keepFocusOnCanvas()}
        aria-label={`Delete network ${name}`}
      >
        Delete network
      </button>
    </div>
  );
}

/** A membership edge: the service joins the network; leaving is one click (or Delete on the edge). */
export function JoinInspector({ service, network }: { service: string; network: string }) {
  const dispatch = useApp((s) => s.dispatch);
  return (
    <div className="inspector-body">
      <p className="inspector-heading">
        <span className="kind-chip">Membership</span> {service} → {network}
      </p>
      <p className="muted">
        {service} joins the network {network}: it reaches, and is reached by, the other services on it.
      </p>
      <button
        type="button"
        className="button danger"
        onClick={() => dispatch({ kind: 'leaveNetwork', service, network }) && keepFocusOnCanvas()}
        aria-label={`Remove ${service} from ${network}`}
      >
        Leave network
      </button>
    </div>
  );
}
