import { useCallback, useEffect, useRef, useState } from 'react';
import { useAppStore } from '../store/useApp';
import type { Api, ProgressEvent, RunInfo } from './api-types';
import { describeError } from './errors';

export interface RunView {
  run: RunInfo | undefined;
  events: ProgressEvent[];
  /** Set while a deploy or tear-down is being started or followed. */
  busy: boolean;
  outcome: 'ok' | 'failed' | undefined;
}

/**
 * Whether the dock shows the last run for `project`: a finished run of another project (the document
 * or the project name changed since) is not this blueprint's — its "failed" and diagnosis read as if
 * the shown blueprint had failed. A run still going is shown whatever it deploys (its buttons wait for it).
 */
export function showsRun(view: RunView, project: string): boolean {
  return !!view.run && (view.busy || view.run.project === project);
}

/**
 * Starts a deploy or tear-down (a mutation answering a run id) and follows its progress over SSE.
 * Errors become toasts; the run goes on on the server even if this page closes.
 */
export function useRun(api: Api | undefined) {
  const store = useAppStore();
  const [view, setView] = useState<RunView>({ run: undefined, events: [], busy: false, outcome: undefined });
  const sub = useRef<{ unsubscribe(): void } | undefined>(undefined);
  useEffect(() => () => sub.current?.unsubscribe(), []);

  const follow = useCallback(
    (run: RunInfo) => {
      if (!api) return;
      sub.current?.unsubscribe();
      setView({ run, events: [], busy: true, outcome: undefined });
      sub.current = api.deployments.progress.subscribe(
        { runId: run.runId },
        {
          onData({ data }) {
            store.getState().applyProgress(data, run.runId);
            if (data.kind === 'error')
              store.getState().toast({
                kind: 'error',
                title: data.error.message,
                ...(data.error.hint ? { detail: data.error.hint } : {}),
                project: run.project,
              });
            setView((v) => ({
              ...v,
              events: [...v.events, data],
              ...(data.kind === 'done' ? { busy: false, outcome: data.ok ? 'ok' : 'failed' } : {}),
            }));
            if (data.kind === 'done') sub.current?.unsubscribe();
          },
          onError(e) {
            store.getState().toast({ kind: 'error', title: 'Lost the progress of the run', detail: e.message });
            setView((v) => ({ ...v, busy: false }));
          },
        },
      );
    },
    [api, store],
  );

  const start = useCallback(
    async (begin: () => Promise<RunInfo>) => {
      setView((v) => ({ ...v, busy: true, outcome: undefined, events: [] }));
      try {
        follow(await begin());
      } catch (e) {
        const { title, detail } = describeError(e);
        store.getState().toast({ kind: 'error', title, ...(detail ? { detail } : {}) });
        setView((v) => ({ ...v, busy: false, outcome: 'failed' }));
      }
    },
    [follow, store],
  );

  return { view, start, follow };
}
