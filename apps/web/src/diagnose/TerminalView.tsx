import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import { useEffect, useRef, useState } from 'react';
import '@xterm/xterm/css/xterm.css';
import type { Api } from '../deploy/api-types';
import { describeError } from '../deploy/errors';

/**
 * A shell in a container of ours (xterm.js over diagnose.exec): output arrives over the SSE
 * subscription, keys and size go by mutation with the session's id. Unmounting (panel closed, page
 * gone) ends the subscription, and the server kills the shell inside the container.
 */
export function TerminalView({ api, project, container, label }: { api: Api; project: string; container: string; label: string }) {
  const box = useRef<HTMLElement>(null);
  const [state, setState] = useState<'connecting' | 'open' | 'ended'>('connecting');
  const [error, setError] = useState<string | undefined>(undefined);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const term = new Terminal({ convertEol: false, cursorBlink: true, fontSize: 13, scrollback: 2000 });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(el);
    fit.fit();
    let session: string | undefined;
    // Keys go one request at a time, in order: separate requests may overtake each other on the way.
    // What is typed while one is in flight is sent together next.
    let queued = '';
    let inFlight = false;
    const flush = () => {
      if (inFlight || !session || queued === '') return;
      const data = queued;
      queued = '';
      inFlight = true;
      void api.diagnose.input
        .mutate({ sessionId: session, data })
        .catch(() => undefined)
        .finally(() => {
          inFlight = false;
          flush();
        });
    };
    const send = (data: string) => {
      queued += data;
      flush();
    };
    const keys = term.onData(send);
    const sub = api.diagnose.exec.subscribe(
      { project, container, tty: true, cols: term.cols, rows: term.rows },
      {
        onData(e) {
          if (e.kind === 'session') {
            session = e.sessionId;
            setState('open');
            term.focus();
            flush();
          } else if (e.kind === 'data') term.write(e.data);
          else {
            setState('ended');
            term.write(`\r\n[process exited${e.exitCode === null ? '' : ` with code ${e.exitCode}`}]\r\n`);
            sub.unsubscribe();
          }
        },
        onError(e) {
          setState('ended');
          setError(describeError(e).title);
        },
      },
    );
    const observer = new ResizeObserver(() => {
      fit.fit();
      if (session) void api.diagnose.resize.mutate({ sessionId: session, cols: term.cols, rows: term.rows }).catch(() => undefined);
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      keys.dispose();
      sub.unsubscribe();
      term.dispose();
    };
  }, [api, project, container]);
  return (
    <div className="diag-terminal-wrap">
      <p className="muted diag-terminal-state" aria-live="polite">
        {error ?? (state === 'connecting' ? 'Connecting…' : state === 'open' ? `Shell in ${label}` : 'The session ended.')}
      </p>
      <section ref={box} className="diag-terminal" aria-label={`Terminal of ${label}`} />
    </div>
  );
}
