import { elementId } from '@blaupause/model';
import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { edgeEnds } from '../flow/flow-ids';
import { useAppStore } from '../store/useApp';

/** Selects an element and brings it into view: a node, or both ends of an edge. */
export function useFocusElement() {
  const store = useAppStore();
  const { fitView } = useReactFlow();
  return useCallback(
    (id: string) => {
      store.getState().select([id]);
      const ends = id.startsWith('link:') ? edgeEnds(id)?.map(elementId.service) : undefined;
      const mount = id.startsWith('mount:') ? edgeEnds(id) : undefined;
      const join = id.startsWith('join:') ? edgeEnds(id) : undefined;
      const nodes =
        ends ??
        (mount
          ? [elementId.service(mount[0]), elementId.volume(mount[1])]
          : join
            ? [elementId.service(join[0]), elementId.network(join[1])]
            : [id]);
      void fitView({ nodes: nodes.map((n) => ({ id: n })), duration: 300, maxZoom: 1, padding: 0.4 });
    },
    [store, fitView],
  );
}
