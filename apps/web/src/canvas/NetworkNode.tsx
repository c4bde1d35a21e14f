import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import type { NetworkNode as NetworkNodeType } from '../flow/to-flow';
import { useLiveData } from './live-data';
import { MarkBadges } from './MarkBadges';
import { keepFarBox } from './raster-boxes';

/**
 * A network segment: a bar above the services that join it (an edge from each member's top
 * handle). Services that name no network are on the implicit default one and draw no edge.
 */
function NetworkNodeView({ id, data: given, selected }: NodeProps<NetworkNodeType>) {
  const data = useLiveData(id, given);
  const classes = [
    'node',
    'network-node',
    data.internal ? 'is-internal' : '',
    selected ? 'is-selected' : '',
    data.severity ? `has-${data.severity}` : '',
  ];
  const members = data.members + data.implicitMembers;
  const details = [
    data.driver ?? (data.external ? undefined : 'engine default driver'),
    `${members} ${members === 1 ? 'service' : 'services'}`,
    data.implicitMembers > 0 ? `${data.implicitMembers} without networks` : undefined,
  ].filter(Boolean);
  return (
    <article ref={keepFarBox} className={classes.join(' ')} aria-label={`Network ${data.name}`}>
      <header className="node-header">
        <span className="node-kind" aria-hidden="true">
          NET
        </span>
        <span className="node-title">{data.name}</span>
        {data.internal && (
          <span className="network-flag" title="No route to the outside world">
            internal
          </span>
        )}
        {data.external && (
          <span className="network-flag" title="Created outside the blueprint">
            external
          </span>
        )}
      </header>
      <div className="network-details">{details.join(' · ')}</div>
      <MarkBadges severity={data.severity} problems={data.problems} notes={data.notes} />
      <Handle
        type="target"
        position={Position.Bottom}
        id="members"
        className="handle handle-network"
        aria-label={`Members of network ${data.name}`}
      />
    </article>
  );
}

export const NetworkNode = memo(NetworkNodeView);
