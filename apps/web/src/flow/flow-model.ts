/** The canvas's node and edge types: what the projection (to-flow.ts) gives React Flow. */
import type { ContainerRole } from '@blaupause/model';
import type { Edge, Node } from '@xyflow/react';
import type { Marks } from './marks';

export type { Marks, NoteView } from './marks';

export type ContainerView = { name: string; role: ContainerRole; image: string | undefined };
export type PortView = { port: number; publish: number | undefined; ingress: string | undefined };

export type ServiceNodeData = Marks & {
  name: string;
  replicas: number;
  global: boolean;
  /** The pod: main container first, then helpers in document order. */
  containers: ContainerView[];
  ports: PortView[];
  /** Networks it joins that have no node of their own (`default` when undeclared); empty on the implicit default. */
  otherNetworks: string[];
};
export type VolumeNodeData = Marks & { name: string; size: string | undefined; access: string; ephemeral: boolean };
export type NetworkNodeData = Marks & {
  name: string;
  internal: boolean;
  external: boolean;
  driver: string | undefined;
  members: number;
  /** The declared `default` network: every service that names no network is on it (no edges drawn for those). */
  implicitMembers: number;
};
/** How the outside reaches a port: `:8080 → 80` on the host, `shop.example/ → 80` through an ingress. */
export type ExposureNodeData = Marks & {
  service: string;
  port: number;
  protocol: string;
  published: string | undefined;
  ingress: string | undefined;
};
export type LinkEdgeData = Marks & { condition: string };
export type MountEdgeData = { targets: string[] };

export type ServiceNode = Node<ServiceNodeData, 'service'>;
export type VolumeNode = Node<VolumeNodeData, 'volume'>;
export type NetworkNode = Node<NetworkNodeData, 'network'>;
export type ExposureNode = Node<ExposureNodeData, 'exposure'>;
export type FlowNode = ServiceNode | VolumeNode | NetworkNode | ExposureNode;
export type LinkEdge = Edge<LinkEdgeData, 'link'>;
export type MountEdge = Edge<MountEdgeData, 'mount'>;
export type JoinEdge = Edge<Record<string, never>, 'join'>;
export type ExposeEdge = Edge<Record<string, never>, 'expose'>;
export type FlowEdge = LinkEdge | MountEdge | JoinEdge | ExposeEdge;

export const EXPOSURE_STYLE = { pointerEvents: 'all' } as const;

/** Where an exposure node sits, relative to its service's top-left corner: left of it, one row each. */
export const EXPOSURE_OFFSET = { x: -220, y: 6, row: 40 };
