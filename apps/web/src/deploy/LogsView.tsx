import { useEffect, useRef, useState } from 'react';
import type { Api } from './api-types';
import type { DeployTargetKind } from './targets';

const KEEP = 1000;

interface Line {
  id: string;
  stream: 'stdout' | 'stderr';
  text: string;
  replica: number;
}

/**
 * Follows one service's logs (all its containers and replicas, merged by the engine's time) with a
 * tail of 200, over the logs subscription. Only while a service is chosen: nothing streams otherwise.
 */
export function LogsView({ api, project, target, services }: { api: Api; project: string; target: DeployTargetKind; services: string[] }) {
  const [service, setService] = useState('');
  const [lines, setLines] = useState<Line[]>([]);
  const [error, setError] = useState<string | undefined>(undefined);
  const box = useRef<HTMLPreElement>(null);

  useEffect(() => {
    setLines([]);
    setError(undefined);
    if (!service) return;
    const sub = api.logs.follow.subscribe(
      { project, service, tail: 200, target },
      {
        onData({ data }) {
          setLines((ls) => [...ls, { id: data.id, stream: data.stream, text: data.text, replica: data.replica }].slice(-KEEP));
        },
        onError(e) {
          setError(e.message);
        },
      },
    );
    return () => sub.unsubscribe();
  }, [api, project, target, service]);

  // Keep the newest line in view, unless the reader scrolled up to read.
  useEffect(() => {
    const el = box.current;
    if (el && lines.length > 0 && el.scrollHeight - el.scrollTop - el.clientHeight < 48) el.scrollTop = el.scrollHeight;
  }, [lines]);

  return (
    <section className="deploy-logs" aria-label="Logs">
      <label className="deploy-project">
        <span>Logs of</span>
        <select value={service} onChange={(e) => setService(e.target.value)}>
          <option value="">— choose a service —</option>
          {services.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      {error && <p className="deploy-help is-bad">{error}</p>}
      {service && (
        <pre className="log-lines" ref={box} aria-live="off">
          {lines.length === 0 ? <span className="muted">no output yet</span> : null}
          {lines.map((l) => (
            <span key={l.id} className={l.stream === 'stderr' ? 'log-line is-stderr' : 'log-line'}>
              {l.text}
              {'\n'}
            </span>
          ))}
        </pre>
      )}
    </section>
  );
}
