import { useMemo, useState } from 'react';
import type { Api } from '../deploy/api-types';
import { selectBlueprint } from '../store/store';
import { useApp } from '../store/useApp';
import { InspectView } from './InspectView';
import { TerminalView } from './TerminalView';
import './diagnose.css';

/**
 * A deployed service's containers from the inside (issue 10): pick a container (replica, pod
 * container), read its inspection or open a terminal. Only containers of this project's
 * deployment are listed; the server checks ownership again for each call.
 */
export default function DiagnosePanel({
  api,
  project,
  service,
  onClose,
}: {
  api: Api;
  project: string;
  service: string;
  onClose: () => void;
}) {
  const live = useApp((s) => s.live);
  const blueprint = useApp(selectBlueprint);
  const doc = useMemo(() => ({ document: blueprint }), [blueprint]);
  const containers = useMemo(
    () =>
      Object.values(live.containers)
        .filter((c) => c.service === service && c.id && c.state !== 'removed')
        .sort((a, b) => a.container.localeCompare(b.container) || a.replica - b.replica),
    [live.containers, service],
  );
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const [tab, setTab] = useState<'inspect' | 'terminal'>('inspect');
  const current = containers.find((c) => c.id === chosen) ?? containers[0];
  const name = current ? `${current.container} #${current.replica}` : '';
  return (
    <aside className="diag-panel" aria-label={`Inspect ${service}`}>
      <header className="diag-head">
        <h2>Inspect {service}</h2>
        <select aria-label="Container" value={current?.id ?? ''} onChange={(e) => setChosen(e.target.value)}>
          {containers.map((c) => (
            <option key={c.id} value={c.id}>
              {c.container} #{c.replica} · {c.state}
            </option>
          ))}
        </select>
        <button type="button" className="diag-close" onClick={onClose} aria-label="Close inspect">
          ×
        </button>
      </header>
      <div className="diag-tabs" role="tablist">
        <button type="button" role="tab" aria-selected={tab === 'inspect'} onClick={() => setTab('inspect')}>
          Inspect
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'terminal'}
          onClick={() => setTab('terminal')}
          disabled={!current || current.state === 'exited'}
        >
          Terminal
        </button>
      </div>
      {!current && <p className="muted">No container of {service} is deployed.</p>}
      {current?.id && tab === 'inspect' && <InspectView api={api} project={project} container={current.id} blueprint={doc} />}
      {current?.id && tab === 'terminal' && (
        <TerminalView key={current.id} api={api} project={project} container={current.id} label={name} />
      )}
      {current && <p className="muted diag-foot">{name}</p>}
    </aside>
  );
}
