import type { Backend } from './backend';
import type { LiveState } from './live-state';

const STREAM_TEXT: Record<LiveState['stream'], string> = {
  off: 'live status off',
  connecting: 'connecting…',
  live: 'live',
  reconnecting: 'reconnecting…',
};

/** Where deploying stands: no backend, no access, no engine, or the engine and the live stream. */
export function EngineStatus({ backend, stream, onRetry }: { backend: Backend; stream: LiveState['stream']; onRetry: () => void }) {
  switch (backend.kind) {
    case 'checking':
      return <p className="deploy-engine is-checking">Looking for the Blaupause server…</p>;
    case 'absent':
      return (
        <div className="deploy-engine is-absent" role="status">
          <p>
            <strong>The backend is not running.</strong> This page was served without the Blaupause server, so it cannot deploy. Everything
            else works.
          </p>
          <p className="muted">
            Start it with <code>npm start</code> and open the address it prints.
          </p>
          <button type="button" className="button" onClick={onRetry}>
            Check again
          </button>
        </div>
      );
    case 'unauthorized':
      return (
        <div className="deploy-engine is-absent" role="status">
          <p>
            <strong>The server does not accept this page.</strong> Open the address the server printed when it started (it carries a fresh
            access token).
          </p>
          <button type="button" className="button" onClick={onRetry}>
            Check again
          </button>
        </div>
      );
    case 'ready': {
      const c = backend.connectivity;
      if (!c.connected)
        return (
          <div className="deploy-engine is-down" role="status">
            <p>
              <strong>No engine reachable.</strong> {c.error.message}
            </p>
            {c.error.hint && <p className="muted">{c.error.hint}</p>}
            <button type="button" className="button" onClick={onRetry}>
              Check again
            </button>
          </div>
        );
      return (
        <p className="deploy-engine is-up" role="status">
          <span className={`stream-dot stream-${stream}`} aria-hidden="true" /> {c.info.kind} {c.info.version} at{' '}
          <code>{c.info.endpoint}</code> · <span className="stream-text">{STREAM_TEXT[stream]}</span>
        </p>
      );
    }
  }
}
