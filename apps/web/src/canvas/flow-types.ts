import { LinkEdge } from './LinkEdge';
import { MountEdge } from './MountEdge';
import { ServiceNode } from './ServiceNode';
import { VolumeNode } from './VolumeNode';

/** Node and edge renderers by the `type` toFlow() gives them. Module constants: React Flow wants stable objects. */
export const nodeTypes = { service: ServiceNode, volume: VolumeNode };
export const edgeTypes = { link: LinkEdge, mount: MountEdge };
