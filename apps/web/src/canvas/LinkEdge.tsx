import { BaseEdge, type EdgeProps, getBezierPath } from '@xyflow/react';
import { memo } from 'react';
import type { LinkEdge as LinkEdgeType } from '../flow/to-flow';
import { EdgeLabel } from './EdgeLabelLayer';
import { useLiveData } from './live-data';
import { NotesMark } from './MarkBadges';

/** "uses" with its start condition as label. */
function LinkEdgeView(props: EdgeProps<LinkEdgeType>) {
  const [path, labelX, labelY] = getBezierPath(props);
  const data = useLiveData(props.id, props.data);
  const condition = data?.condition ?? 'started';
  const classes = [
    'edge-link',
    `condition-${condition}`,
    props.selected ? 'is-selected' : '',
    data?.severity ? `has-${data.severity}` : '',
  ];
  return (
    <>
      <BaseEdge id={props.id} path={path} markerEnd={props.markerEnd} className={classes.join(' ')} />
      <EdgeLabel>
        <div
          className={`edge-label ${props.selected ? 'is-selected' : ''} ${data?.severity ? `has-${data.severity}` : ''}`}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
        >
          uses · {condition}
          <NotesMark notes={data?.notes ?? []} />
        </div>
      </EdgeLabel>
    </>
  );
}

export const LinkEdge = memo(LinkEdgeView);
