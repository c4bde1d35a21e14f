import '../styles/metamodel.css';
import { ExposureNode } from './ExposureNode';
import { ExposeEdge, JoinEdge } from './JoinEdge';
import { LinkEdge } from './LinkEdge';
import { MountEdge } from './MountEdge';
import { NetworkNode } from './NetworkNode';
import { ServiceNode } from './ServiceNode';
import { VolumeNode } from './VolumeNode';

/** Node and edge renderers by the `type` toFlow() gives them. Module constants: React Flow wants stable objects. */
export const nodeTypes = { service: ServiceNode, volume: VolumeNode, network: NetworkNode, exposure: ExposureNode };
export const edgeTypes = { link: LinkEdge, mount: MountEdge, join: JoinEdge, expose: ExposeEdge };
