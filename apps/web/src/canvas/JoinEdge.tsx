import { BaseEdge, type EdgeProps, getSmoothStepPath } from '@xyflow/react';
import { memo } from 'react';
import type { JoinEdge as JoinEdgeType } from '../flow/to-flow';

/** A service's membership of a network segment: a plain line up to the segment, no direction. */
function JoinEdgeView(props: EdgeProps<JoinEdgeType>) {
  const [path] = getSmoothStepPath({ ...props, borderRadius: 8 });
  return <BaseEdge id={props.id} path={path} className={`edge-join ${props.selected ? 'is-selected' : ''}`} />;
}

/** The way in from outside to an exposed port: short, dashed, into the service. */
function ExposeEdgeView(props: EdgeProps) {
  const [path] = getSmoothStepPath({ ...props, borderRadius: 6 });
  return <BaseEdge id={props.id} path={path} markerEnd={props.markerEnd} className="edge-expose" />;
}

export const JoinEdge = memo(JoinEdgeView);
export const ExposeEdge = memo(ExposeEdgeView);
