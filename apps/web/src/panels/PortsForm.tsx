import type { ServicePort } from '@blaupause/model';
import { type FormEvent, memo, useId, useState } from 'react';
import { useApp } from '../store/useApp';
import { ExposureForm } from './ExposureForm';
import { removeRow } from './list-focus';

const PORT = /^\d{1,5}$/;
const portProblem = (v: string, what: string) =>
  PORT.test(v) && Number(v) >= 1 && Number(v) <= 65_535 ? undefined : `${what} is 1–65535.`;

/** How a port is reached from outside: host port and/or ingress route, or nothing (internal). */
function exposureSummary(p: ServicePort): string {
  const parts = [p.publish ? `host ${p.publish}` : '', p.ingress ? `ingress ${p.ingress.host ?? '*'}${p.ingress.path}` : ''].filter(
    Boolean,
  );
  return parts.length > 0 ? parts.join(' · ') : 'internal';
}

/**
 * The pod's ports, and a way to add one (optionally published on the host); each port's exposure is editable.
 * Memoised on the ports themselves: an edit of the image does not render it.
 */
export const PortsForm = memo(function PortsForm({ name, ports }: { name: string; ports: readonly ServicePort[] | undefined }) {
  const dispatch = useApp((s) => s.dispatch);
  const id = useId();
  const [port, setPort] = useState('');
  const [publish, setPublish] = useState('');
  const [editing, setEditing] = useState<number | undefined>(undefined);
  const problem = portProblem(port, 'The port') ?? (publish ? portProblem(publish, 'The host port') : undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (problem) return;
    const cmd = { kind: 'addPort', service: name, port: Number(port), ...(publish ? { publish: Number(publish) } : {}) } as const;
    if (dispatch(cmd)) {
      setPort('');
      setPublish('');
    }
  };
  return (
    <>
      <h3 className="subheading">Ports</h3>
      <ul className="pod-list">
        {(ports ?? []).map((p) => (
          <li key={`${p.port}/${p.protocol}`} className="row">
            <span className="container-name">
              {p.port}/{p.protocol}
            </span>{' '}
            <span className="muted">{exposureSummary(p)}</span>
            <button
              type="button"
              className="link-button"
              onClick={() => setEditing(editing === p.port ? undefined : p.port)}
              id={`${id}-expose-${p.port}`}
              aria-expanded={editing === p.port}
              aria-label={`Edit exposure of port ${p.port}`}
            >
              expose
            </button>
            <button
              type="button"
              className="link-button"
              onClick={(e) => removeRow(e.currentTarget, () => dispatch({ kind: 'removePort', service: name, port: p.port }))}
              aria-label={`Remove port ${p.port}`}
            >
              remove
            </button>
            {editing === p.port && (
              <ExposureForm
                service={name}
                port={p}
                onDone={() => {
                  // The form (and the focus in it) goes: back to this port's expose button.
                  document.getElementById(`${id}-expose-${p.port}`)?.focus();
                  setEditing(undefined);
                }}
              />
            )}
          </li>
        ))}
      </ul>
      <form className="inline-form mount-form" onSubmit={submit} aria-label="Add a port">
        <label htmlFor={`${id}-port`} className="sr-only">
          Container port
        </label>
        <input id={`${id}-port`} inputMode="numeric" value={port} placeholder="port" onChange={(e) => setPort(e.target.value.trim())} />
        <label htmlFor={`${id}-publish`} className="sr-only">
          Publish on host port
        </label>
        <input
          id={`${id}-publish`}
          inputMode="numeric"
          value={publish}
          placeholder="host port (optional)"
          onChange={(e) => setPublish(e.target.value.trim())}
        />
        <button type="submit" className="button" disabled={!!problem} aria-label="Add port" title={port ? problem : undefined}>
          Add
        </button>
      </form>
    </>
  );
});
