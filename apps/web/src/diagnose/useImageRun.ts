import { useCallback, useEffect, useRef, useState } from 'react';
import type { Api } from '../deploy/api-types';
import { describeError } from '../deploy/errors';
import { useAppStore } from '../store/useApp';
import { type ImageRun, reduceImageRun } from './image-run';

export type ProvideInput = Parameters<Api['images']['provide']['mutate']>[0];

export interface ImageRunView {
  busy: boolean;
  images: ImageRun;
  outcome?: 'ok' | 'failed';
  /** A failure of the run as a whole (BUSY, engine unreachable), not of one image. */
  error?: string;
}

/**
 * Starts a pull / build run of the inventory (images.provide answers a run id, like a deploy) and
 * follows its progress over SSE (deployments.progress). Build events also go to the store, so the
 * service nodes show the build; `onDone` refreshes the inventory.
 */
export function useImageRun(api: Api, onDone: () => void) {
  const store = useAppStore();
  const [view, setView] = useState<ImageRunView>({ busy: false, images: {} });
  const sub = useRef<{ unsubscribe(): void } | undefined>(undefined);
  const done = useRef(onDone);
  done.current = onDone;
  useEffect(() => () => sub.current?.unsubscribe(), []);

  const start = useCallback(
    (input: ProvideInput) => {
      sub.current?.unsubscribe();
      setView({ busy: true, images: {} });
      api.images.provide
        .mutate(input)
        .then((run) => {
          sub.current = api.deployments.progress.subscribe(
            { runId: run.runId },
            {
              onData({ data }) {
                store.getState().applyProgress(data, run.runId);
                setView((v) => {
                  const general = data.kind === 'error' && Object.keys(v.images).length === 0 ? { error: data.error.message } : {};
                  const end = data.kind === 'done' ? { busy: false, outcome: data.ok ? ('ok' as const) : ('failed' as const) } : {};
                  return { ...v, images: reduceImageRun(v.images, data), ...general, ...end };
                });
                if (data.kind === 'done') {
                  sub.current?.unsubscribe();
                  done.current();
                }
              },
              onError(e) {
                setView((v) => ({ ...v, busy: false, error: `Lost the progress: ${e.message}` }));
              },
            },
          );
        })
        .catch((e: unknown) => setView({ busy: false, images: {}, error: describeError(e).title }));
    },
    [api, store],
  );

  return { view, start };
}
