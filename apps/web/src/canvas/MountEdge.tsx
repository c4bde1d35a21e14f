import { BaseEdge, type EdgeProps, getBezierPath } from '@xyflow/react';
import { memo } from 'react';
import type { MountEdge as MountEdgeType } from '../flow/to-flow';
import { EdgeLabel, useEdgeFocused } from './EdgeLabelLayer';
import { useLiveData } from './live-data';

/** A service mounting a volume; the label names the paths inside the pod. */
function MountEdgeView(props: EdgeProps<MountEdgeType>) {
  const [path, labelX, labelY] = getBezierPath(props);
  const data = useLiveData(props.id, props.data);
  const focused = useEdgeFocused(props.id);
  return (
    <>
      <BaseEdge id={props.id} path={path} className={`edge-mount ${props.selected ? 'is-selected' : ''}`} />
      <EdgeLabel>
        <div
          className={`edge-label edge-label-mount${focused ? ' is-focused' : ''}`}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
        >
          {data?.targets.join(', ')}
        </div>
      </EdgeLabel>
    </>
  );
}

export const MountEdge = memo(MountEdgeView);
