import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import type { ServiceNode as ServiceNodeType } from '../flow/to-flow';
import { NodeSlot } from '../monitor/slot';
import { BuildBadge } from './BuildBadge';
import { useMountedMidGesture } from './gesture-store';
import { LiveStatus } from './LiveStatus';
import { useLiveData } from './live-data';
import { MarkBadges } from './MarkBadges';
import { keepFarBox } from './raster-boxes';

/**
 * A service and its pod: main container first, helpers with role badges; ports and replicas.
 * Handles: left = used by, right = uses, bottom = mounts a volume, top = joins a network.
 */
function ServiceNodeView({ id, data: given, selected }: NodeProps<ServiceNodeType>) {
  const data = useLiveData(id, given);
  // Mounted while a gesture of a large graph is on: the raster shows it, its contents are skipped.
  if (useMountedMidGesture()) return <article ref={keepFarBox} className="node service-node" aria-label={`Service ${data.name}`} />;
  const classes = ['node', 'service-node', selected ? 'is-selected' : '', data.severity ? `has-${data.severity}` : ''];
  return (
    <article ref={keepFarBox} className={classes.join(' ')} aria-label={`Service ${data.name}`}>
      <Handle type="target" position={Position.Left} id="used" className="handle handle-link" aria-label={`Link to ${data.name}`} />
      <header className="node-header">
        <span className="node-kind" aria-hidden="true">
          SVC
        </span>
        <span className="node-title" data-keeps-size="">
          {data.name}
        </span>
        <span className="replicas" title={data.global ? 'one replica per node' : `${data.replicas} replicas`}>
          {data.global ? 'global' : `×${data.replicas}`}
        </span>
      </header>
      <LiveStatus service={data.name} desired={data.replicas} />
      <BuildBadge service={data.name} />
      <NodeSlot service={data.name} desired={data.replicas} />
      <ul className="pod" aria-label="Pod">
        {data.containers.map((c) => (
          <li key={c.name} className={`container role-${c.role}`}>
            <span className={`role-badge role-${c.role}`}>{c.role}</span>
            <span className="container-name">{c.name}</span>
            <span className="container-image" title={c.image} data-keeps-size="">
              {c.image ?? 'no image'}
            </span>
          </li>
        ))}
      </ul>
      {data.ports.length > 0 && (
        <footer className="ports">
          {data.ports.map((p) => (
            <span key={`${p.port}-${p.publish ?? ''}`} className={p.publish || p.ingress ? 'port is-exposed' : 'port'}>
              {p.port}
              {p.publish ? ` → host:${p.publish}` : ''}
              {p.ingress ? ` → ${p.ingress}` : ''}
            </span>
          ))}
        </footer>
      )}
      {data.otherNetworks.length > 0 && (
        <div className="service-networks" title="Networks it joins that are not drawn as segments">
          on {data.otherNetworks.join(', ')}
        </div>
      )}
      <MarkBadges severity={data.severity} problems={data.problems} notes={data.notes} />
      <Handle
        type="source"
        position={Position.Top}
        id="joins"
        className="handle handle-network"
        aria-label={`Join ${data.name} to a network`}
      />
      <Handle type="source" position={Position.Right} id="uses" className="handle handle-link" aria-label={`Link from ${data.name}`} />
      <Handle
        type="source"
        position={Position.Bottom}
        id="mounts"
        className="handle handle-mount"
        aria-label={`Mount a volume into ${data.name}`}
      />
    </article>
  );
}

export const ServiceNode = memo(ServiceNodeView);
