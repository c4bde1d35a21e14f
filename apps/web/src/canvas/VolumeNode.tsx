import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import type { VolumeNode as VolumeNodeType } from '../flow/to-flow';
import { useMountedMidGesture } from './gesture-store';
import { useLiveData } from './live-data';
import { MarkBadges } from './MarkBadges';
import { keepFarBox } from './raster-boxes';

function VolumeNodeView({ id, data: given, selected }: NodeProps<VolumeNodeType>) {
  const data = useLiveData(id, given);
  if (useMountedMidGesture()) return <article ref={keepFarBox} className="node volume-node" aria-label={`Volume ${data.name}`} />;
  const classes = ['node', 'volume-node', selected ? 'is-selected' : '', data.severity ? `has-${data.severity}` : ''];
  const details = [data.ephemeral ? 'ephemeral' : data.access, data.size].filter(Boolean).join(' · ');
  return (
    <article ref={keepFarBox} className={classes.join(' ')} aria-label={`Volume ${data.name}`}>
      <Handle type="target" position={Position.Top} id="mounted" className="handle handle-mount" />
      <header className="node-header">
        <span className="node-kind" aria-hidden="true">
          VOL
        </span>
        <span className="node-title">{data.name}</span>
      </header>
      <div className="volume-details">{details}</div>
      <MarkBadges severity={data.severity} problems={data.problems} notes={data.notes} />
    </article>
  );
}

export const VolumeNode = memo(VolumeNodeView);
