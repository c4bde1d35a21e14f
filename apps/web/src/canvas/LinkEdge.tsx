import { BaseEdge, type EdgeProps, getBezierPath } from '@xyflow/react';
import { memo } from 'react';
import type { LinkEdge as LinkEdgeType } from '../flow/to-flow';
import { EdgeLabel } from './EdgeLabelLayer';
import { useLiveData } from './live-data';
import { NotesMark } from './MarkBadges';

/**
 * "uses" with its start condition as label, at the middle of the edge. The label is no wider than
 * the gap between the two services (it wraps: the notes badge goes under the condition; in a
 * narrow gap the badge shows the count alone, in a tight one the condition stands alone), so it
 * is never hidden under either card nor covers the arrowhead. Labels of links that enter (or
 * leave) one service stay apart as their middles do: half the distance of the other ends.
 */
function LinkEdgeView(props: EdgeProps<LinkEdgeType>) {
  const [path, labelX, labelY] = getBezierPath(props);
  const maxWidth = labelMaxWidth(props.sourceX, props.targetX);
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
          className={`edge-label ${labelFit(maxWidth)} ${props.selected ? 'is-selected' : ''} ${data?.severity ? `has-${data.severity}` : ''}`}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`, maxWidth }}
        >
          <span className="edge-label-text">
            <span className="edge-label-uses">uses · </span>
            {condition}
          </span>
          <NotesMark notes={data?.notes ?? []} />
        </div>
      </EdgeLabel>
    </>
  );
}

export const LinkEdge = memo(LinkEdgeView);

/** Room between the handles less a margin either side (the arrowhead stays clear); none set when the target is not to the right. */
export function labelMaxWidth(sourceX: number, targetX: number): number | undefined {
  const gap = targetX - sourceX;
  return gap > 0 ? Math.max(LABEL_MIN_WIDTH, Math.floor(gap - 2 * LABEL_MARGIN)) : undefined;
}

/**
 * 'is-narrow': the notes badge shows its count alone (the targets stay in its name and tooltip);
 * 'is-tight' too: no room for "uses · started", the condition alone (the arrow says "uses").
 */
export function labelFit(maxWidth: number | undefined): string {
  if (maxWidth === undefined || maxWidth >= WIDE_LABEL) return '';
  return maxWidth < USES_LABEL ? 'is-narrow is-tight' : 'is-narrow';
}

const LABEL_MARGIN = 16;
const LABEL_MIN_WIDTH = 56;
/** Room for "uses · completed" and "3 notes · Compose, Swarm, K8s" on one line. */
const WIDE_LABEL = 240;
/** Room for "uses · completed" (10 px text and the padding). */
const USES_LABEL = 100;
