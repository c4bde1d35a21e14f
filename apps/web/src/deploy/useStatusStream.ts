import { useEffect, useRef } from 'react';
import { useAppStore } from '../store/useApp';
import type { Api } from './api-types';
import { createFailureToaster } from './failure-toasts';
import type { DeployTargetKind } from './targets';

/**
 * Subscribes to the server's status stream for one project while mounted and feeds the store's
 * live slice. The EventSource under it reconnects by itself; while it does, the slice says
 * `reconnecting` and the last known states stay on the nodes. Nothing here polls.
 */
export function useStatusStream(
  api: Api | undefined,
  project: string | undefined,
  target: DeployTargetKind,
  onLost: () => void,
  runBusy: () => boolean = () => false,
): void {
  const store = useAppStore();
  // Read when a deferred exit toast is due, so a new function each render does not resubscribe.
  const runBusyRef = useRef(runBusy);
  runBusyRef.current = runBusy;
  useEffect(() => {
    if (!api || !project) return;
    const { setLiveStream, applyStatus, toast } = store.getState();
    setLiveStream('connecting', project);
    let wasLive = false;
    const failures = createFailureToaster({ live: () => store.getState().live, runBusy: () => runBusyRef.current(), toast });
    const sub = api.status.watch.subscribe(
      { project, target },
      {
        onData({ data }) {
          if (data.kind === 'change') failures.onChange(data.status);
          if (data.kind === 'engine' && !data.connected && store.getState().live.engine !== false)
            toast({ kind: 'error', title: 'The engine is not reachable', ...(data.message ? { detail: data.message } : {}) });
          applyStatus(data);
          wasLive = true;
          if (store.getState().live.stream !== 'live') setLiveStream('live');
        },
        onConnectionStateChange(state) {
          if (state.state === 'connecting') setLiveStream(wasLive ? 'reconnecting' : 'connecting');
          else if (state.state === 'pending' && wasLive) setLiveStream('live');
        },
        onError(e) {
          // The stream gave up (e.g. the server restarted with a new token): find out why and say so.
          setLiveStream('off');
          toast({ kind: 'error', title: 'Live status stopped', detail: e.message });
          onLost();
        },
      },
    );
    return () => {
      sub.unsubscribe();
      store.getState().setLiveStream('off');
    };
  }, [api, project, target, store, onLost]);
}
