import { BaseEdge, type EdgeProps, getBezierPath, Position, useStore } from '@xyflow/react';
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
 * leave) one service stay apart as their middles do (half the distance of the other ends), and a
 * label that wraps in a narrow gap moves along its edge toward the end no other link shares — so
 * the labels of two links from services close together into one service do not cover each other.
 */
function LinkEdgeView(props: EdgeProps<LinkEdgeType>) {
  const [path, middleX, middleY] = getBezierPath(props);
  const maxWidth = labelMaxWidth(props.sourceX, props.targetX);
  const shared = useStore(
    (s) =>
      (more(s.connectionLookup.get(`${props.source}-source-${props.sourceHandleId}`)) ? SHARED_SOURCE : 0) |
      (more(s.connectionLookup.get(`${props.target}-target-${props.targetHandleId}`)) ? SHARED_TARGET : 0),
  );
  const [labelX, labelY] = labelPoint(props, middleX, middleY, maxWidth, shared);
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

const SHARED_SOURCE = 1;
const SHARED_TARGET = 2;
const more = (connections: ReadonlyMap<string, unknown> | undefined) => (connections?.size ?? 0) > 1;

interface Ends {
  sourceX: number;
  sourceY: number;
  targetX: number;
  targetY: number;
  sourcePosition: Position;
  targetPosition: Position;
}

/**
 * Where the label sits: the middle of the edge, unless it wraps (a narrow gap, so it is tall) and
 * one end of the edge is shared with another link (`shared`: SHARED_SOURCE | SHARED_TARGET) and the
 * other is not; then at a quarter of the edge from the end not shared, where links that meet at the
 * shared end are 84 % of their other ends' distance apart instead of half. It stays in the middle
 * of the gap (its width is the gap's): only its height on the curve changes.
 */
export function labelPoint(ends: Ends, middleX: number, middleY: number, maxWidth: number | undefined, shared: number): [number, number] {
  const toward = shared === SHARED_TARGET ? 0.25 : shared === SHARED_SOURCE ? 0.75 : 0.5;
  const sideways = ends.sourcePosition === Position.Right && ends.targetPosition === Position.Left;
  if (toward === 0.5 || !sideways || maxWidth === undefined || maxWidth >= WIDE_LABEL) return [middleX, middleY];
  // A bezier whose control points keep the height of their ends (left/right handles): y(t) = sy + (ty − sy)(3t² − 2t³).
  const eased = toward * toward * (3 - 2 * toward);
  return [middleX, ends.sourceY + (ends.targetY - ends.sourceY) * eased];
}

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
