import { elementId } from '@blaupause/model';
import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { freeSpot } from '../flow/free-spot';
import { NETWORK_GAP } from '../flow/network-placement';
import { uniqueName } from '../model/names';
import { selectBlueprint } from '../store/store';
import { useAppStore } from '../store/useApp';

const NETWORK_SIZE = { width: 240, height: 70 };

/**
 * Adds a network segment above the drawing (segments sit above the services that join them), at the
 * nearest free spot, optionally joined by a service right away; one undo step. Selects the network.
 */
export function useAddNetwork() {
  const store = useAppStore();
  const { getNodes } = useReactFlow();
  return useCallback(
    (joiner?: string) => {
      const { dispatch, select } = store.getState();
      const bp = selectBlueprint(store.getState());
      const nodes = getNodes().filter((n) => !n.parentId);
      const services = nodes.filter((n) => n.type === 'service');
      const joinerNode = joiner ? services.find((n) => n.id === elementId.service(joiner)) : undefined;
      const top = (services.length > 0 ? Math.min(...services.map((n) => n.position.y)) : 0) - NETWORK_GAP;
      const want = { x: joinerNode?.position.x ?? services[0]?.position.x ?? 0, y: top };
      const taken = nodes.map((n) => ({ ...n.position, width: n.measured?.width ?? 240, height: n.measured?.height ?? 100 }));
      const at = freeSpot(want, NETWORK_SIZE, taken);
      const name = uniqueName('network', Object.keys(bp.networks ?? {}));
      const add = { kind: 'addNetwork', name, at } as const;
      const ok = joiner
        ? dispatch({ kind: 'batch', commands: [add, { kind: 'joinNetwork', service: joiner, network: name }] })
        : dispatch(add);
      if (ok) select([elementId.network(name)]);
      return ok ? name : undefined;
    },
    [store, getNodes],
  );
}
