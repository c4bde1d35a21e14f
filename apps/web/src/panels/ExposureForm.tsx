import type { ServicePort } from '@blaupause/model';
import { type FormEvent, useId, useState } from 'react';
import type { Exposure } from '../model/exposure-commands';
import { useApp } from '../store/useApp';

const PORT = /^\d{1,5}$/;
const HOST = /^(\*\.)?[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

/** What is wrong with the draft, checked as you type (the command checks again). */
export function exposureProblem(publish: string, host: string, path: string): string | undefined {
  if (publish && !(PORT.test(publish) && Number(publish) >= 1 && Number(publish) <= 65_535)) return 'The host port is 1–65535.';
  if (host && !HOST.test(host)) return 'The host is a name such as shop.example.test (lower case).';
  if (path && !path.startsWith('/')) return 'The path starts with "/".';
  return undefined;
}

/**
 * How the outside reaches one port: a host port and/or an ingress route (host, path). Applying is one
 * command (one undo step); empty fields take the host port or the route away.
 */
export function ExposureForm({ service, port, onDone }: { service: string; port: ServicePort; onDone: () => void }) {
  const dispatch = useApp((s) => s.dispatch);
  const id = useId();
  const [publish, setPublish] = useState(port.publish === undefined ? '' : String(port.publish));
  const [host, setHost] = useState(port.ingress?.host ?? '');
  const [path, setPath] = useState(port.ingress?.path ?? '');
  const problem = exposureProblem(publish, host, path);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (problem) return;
    const exposure: Exposure = {
      publish: publish ? Number(publish) : null,
      ingress: host || path ? { host, path: path || '/' } : null,
    };
    if (dispatch({ kind: 'setExposure', service, port: port.port, exposure })) onDone();
  };
  return (
    <form className="exposure-form" onSubmit={submit} aria-label={`Exposure of port ${port.port}`}>
      <label htmlFor={`${id}-publish`}>Host port</label>
      <input
        id={`${id}-publish`}
        inputMode="numeric"
        value={publish}
        placeholder="not published"
        onChange={(e) => setPublish(e.target.value.trim())}
      />
      <label htmlFor={`${id}-host`}>Ingress host</label>
      <input id={`${id}-host`} value={host} placeholder="any host" spellCheck={false} onChange={(e) => setHost(e.target.value.trim())} />
      <label htmlFor={`${id}-path`}>Ingress path</label>
      <input
        id={`${id}-path`}
        value={path}
        placeholder="no ingress (e.g. /)"
        spellCheck={false}
        onChange={(e) => setPath(e.target.value.trim())}
      />
      {problem && <p className="field-problem">{problem}</p>}
      <div className="exposure-actions">
        <button type="submit" className="button" disabled={!!problem} aria-label={`Apply exposure of port ${port.port}`}>
          Apply
        </button>
        <button type="button" className="link-button" onClick={onDone}>
          cancel
        </button>
      </div>
    </form>
  );
}
