import { useEffect } from 'react';
import type { Api } from '../deploy/api-types';
import { serviceLive } from '../deploy/live-state';
import { selectBlueprint } from '../store/store';
import { useAppStore } from '../store/useApp';
import { withHealth, withUsage } from './history';
import { NodeOrch } from './NodeOrch';
import { applyHeal, connect, refreshStatus, updateHistory } from './orch-store';
import { registerNodeSlot } from './slot';

/**
 * Connects the orchestrator's side to one Docker project while mounted (by the deploy dock):
 * orchestration.status, the auto-healing supervisor's events (resumed by the stream itself), the
 * Monitor history fed from the live slice, and the node controls in the nodes' slot.
 */
export function useOrchestration(api: Api | undefined, project: string | undefined): void {
  const store = useAppStore();
  useEffect(() => {
    const toast = store.getState().toast;
    connect(api, project, toast);
    if (!api || !project) return;
    registerNodeSlot(NodeOrch);
    const sub = api.orchestration.events.subscribe(
      { project },
      {
        onData({ id, data }) {
          applyHeal(id, data);
        },
        onError() {
          // No orchestrator on this server (another target) or the stream gave up: no heal events then.
        },
      },
    );
    // The Monitor's history follows the live slice; replica counts changing ask the status again.
    let counts = '';
    const record = () => {
      const s = store.getState();
      const bp = selectBlueprint(s);
      const now = Date.now();
      const seen: string[] = [];
      for (const [name, svc] of Object.entries(bp.services)) {
        const live = serviceLive(s.live, name, svc.replicas ?? 1);
        updateHistory(name, (h) => withHealth(withUsage(h, s.live.usage?.[name] ?? []), live, now));
        seen.push(`${name}:${live?.running ?? 0}`);
      }
      const next = seen.join(',');
      if (next !== counts) {
        counts = next;
        refreshStatus();
      }
    };
    record();
    const unsubscribe = store.subscribe((s, before) => {
      if (s.live !== before.live) record();
    });
    return () => {
      sub.unsubscribe();
      unsubscribe();
      registerNodeSlot(undefined);
      connect(undefined, undefined, toast);
    };
  }, [api, project, store]);
}
