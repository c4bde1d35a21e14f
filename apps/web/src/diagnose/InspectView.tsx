import { useEffect, useState } from 'react';
import type { Api } from '../deploy/api-types';
import { describeError } from '../deploy/errors';

type Inspection = Awaited<ReturnType<Api['diagnose']['inspect']['query']>>;
type BlueprintInput = Parameters<Api['diagnose']['inspect']['query']>[0]['blueprint'];

const when = (ms: number | undefined) => (ms ? new Date(ms).toLocaleString() : '—');

/** One container as the engine sees it: state, configuration, env (secrets masked by the server), mounts, networks, health, events. */
export function InspectView({
  api,
  project,
  container,
  blueprint,
}: {
  api: Api;
  project: string;
  container: string;
  blueprint: BlueprintInput;
}) {
  const [data, setData] = useState<Inspection | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  useEffect(() => {
    let live = true;
    setData(undefined);
    setError(undefined);
    api.diagnose.inspect
      .query({ project, container, blueprint })
      .then((d) => live && setData(d))
      .catch((e: unknown) => live && setError(describeError(e).title));
    return () => {
      live = false;
    };
  }, [api, project, container, blueprint]);
  if (error) return <p className="diag-error">{error}</p>;
  if (!data) return <p className="muted">Reading the container…</p>;
  const s = data.state;
  return (
    <div className="diag-inspect">
      <dl className="diag-facts">
        <dt>State</dt>
        <dd>
          {s.status}
          {s.running ? '' : ` (exit ${s.exitCode})`}
          {s.restarts ? ` · ${s.restarts} restarts` : ''}
          {s.oomKilled ? ' · OOM-killed' : ''}
        </dd>
        <dt>Image</dt>
        <dd>{data.image}</dd>
        <dt>Command</dt>
        <dd>
          <code>{[...data.entrypoint, ...data.command].join(' ') || '—'}</code>
        </dd>
        <dt>Started</dt>
        <dd>{when(s.startedAt)}</dd>
        <dt>Restart policy</dt>
        <dd>{data.restartPolicy}</dd>
        {data.health && (
          <>
            <dt>Health</dt>
            <dd>
              {data.health.status}
              {data.health.failingStreak ? ` · failing ${data.health.failingStreak}×` : ''}
            </dd>
          </>
        )}
      </dl>
      <h3>Environment</h3>
      <table className="diag-table" aria-label="Environment">
        <tbody>
          {data.env.map((e) => (
            <tr key={e.name} className={e.masked ? 'is-masked' : undefined}>
              <th scope="row">{e.name}</th>
              <td>{e.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Networks</h3>
      <ul className="diag-list" aria-label="Networks">
        {data.networks.map((n) => (
          <li key={n.name}>
            <strong>{n.name}</strong> {n.ipAddress || 'no address'}
            {n.aliases.length ? ` · ${n.aliases.join(', ')}` : ''}
          </li>
        ))}
        {data.ports.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
      {data.mounts.length > 0 && (
        <>
          <h3>Mounts</h3>
          <ul className="diag-list" aria-label="Mounts">
            {data.mounts.map((m) => (
              <li key={m.destination}>
                {m.type} {m.name ?? m.source} → {m.destination}
                {m.readOnly ? ' (read-only)' : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      {data.health && data.health.log.length > 0 && (
        <>
          <h3>Health log</h3>
          <ol className="diag-list" aria-label="Health log">
            {data.health.log.map((l) => (
              <li key={l.start}>
                {new Date(l.start).toLocaleTimeString()} exit {l.exitCode}
                {l.output.trim() ? ` — ${l.output.trim().slice(0, 200)}` : ''}
              </li>
            ))}
          </ol>
        </>
      )}
      <h3>Recent events</h3>
      <ol className="diag-list" aria-label="Recent events">
        {data.events.map((e) => (
          <li key={`${e.at}-${e.action}`}>
            {new Date(e.at).toLocaleTimeString()} {e.action}
            {e.exitCode !== undefined ? ` (exit ${e.exitCode})` : ''}
          </li>
        ))}
      </ol>
    </div>
  );
}
