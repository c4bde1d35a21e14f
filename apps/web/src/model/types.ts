import type { Blueprint, ContainerRole, Healthcheck, LinkCondition } from '@blaupause/model';
import type { WordsField } from './container-commands';
import type { Exposure } from './exposure-commands';
import type { NetworkOptions } from './network-commands';
import type { VolumeOptions } from './volume-commands';

/** Whole elements by section, and layout entries by element id: what a paste inserts. */
export type Elements = Partial<Pick<Blueprint, 'services' | 'volumes' | 'networks' | 'configs' | 'secrets'>> & {
  layout?: NonNullable<Blueprint['layout']>['nodes'];
};

export interface XY {
  x: number;
  y: number;
}

/** Every edit the canvas makes to a blueprint. Commands are data: they can be logged, replayed and tested. */
export type Command =
  | { kind: 'addService'; name: string; image?: string; at?: XY }
  | { kind: 'removeService'; name: string }
  /** A copy of a service (its pod and the links it has) under a new name, placed at `at`. */
  | { kind: 'duplicateService'; name: string; as: string; at?: XY }
  | { kind: 'renameService'; from: string; to: string }
  | { kind: 'setReplicas'; service: string; replicas: number }
  | { kind: 'addContainer'; service: string; name: string; role: ContainerRole; image?: string }
  | { kind: 'setImage'; service: string; container: string; image: string }
  /** A helper container leaves the pod, its mounts with it; the main container cannot. */
  | { kind: 'removeContainer'; service: string; name: string }
  | { kind: 'renameContainer'; service: string; from: string; to: string }
  /** Another helper role; the main container stays main (one per pod). */
  | { kind: 'setContainerRole'; service: string; container: string; role: ContainerRole }
  /** Sets a variable of a container's environment; with `was`, renames that one in place. */
  | { kind: 'setEnv'; service: string; container: string; name: string; value: string; was?: string }
  | { kind: 'removeEnv'; service: string; container: string; name: string }
  /** A container's command (the entrypoint) or arguments, one argv entry per word; empty takes it away. */
  | { kind: 'setWords'; service: string; container: string; field: WordsField; words: readonly string[] }
  /** A container's healthcheck, whole; `null` removes it. */
  | { kind: 'setHealthcheck'; service: string; container: string; healthcheck: Healthcheck | null }
  /** A TCP port of the pod, published on the host when `publish` is given. */
  | { kind: 'addPort'; service: string; port: number; publish?: number }
  | { kind: 'removePort'; service: string; port: number }
  /** Publish a port on the host / put it behind an ingress (`null` takes either away). */
  | { kind: 'setExposure'; service: string; port: number; exposure: Exposure }
  | { kind: 'addLink'; from: string; to: string; condition?: LinkCondition }
  | { kind: 'removeLink'; from: string; to: string }
  | { kind: 'setLinkCondition'; from: string; to: string; condition: LinkCondition }
  | { kind: 'addVolume'; name: string; at?: XY }
  | { kind: 'removeVolume'; name: string }
  /** Renames a volume and every mount of it. */
  | { kind: 'renameVolume'; from: string; to: string }
  | { kind: 'setVolumeOptions'; name: string; options: VolumeOptions }
  | { kind: 'mountVolume'; service: string; volume: string; target: string; container?: string }
  /** Every mount of the volume in the pod, or only the one of `container` at `target` when both are given. */
  | { kind: 'unmountVolume'; service: string; volume: string; container?: string; target?: string }
  | { kind: 'addNetwork'; name: string; at?: XY }
  | { kind: 'removeNetwork'; name: string }
  | { kind: 'renameNetwork'; from: string; to: string }
  | { kind: 'setNetworkOptions'; name: string; options: NetworkOptions }
  /** A service joins a network segment (and so leaves the implicit default one, as in Compose). */
  | { kind: 'joinNetwork'; service: string; network: string }
  | { kind: 'leaveNetwork'; service: string; network: string }
  /** Layout only: positions by element id. Never changes what is compiled. */
  | { kind: 'moveNodes'; moves: ReadonlyArray<{ id: string } & XY> }
  /** Adds services, volumes, networks, configs and secrets under free names, with their layout: a paste. */
  | { kind: 'insertElements'; elements: Elements }
  /** Replaces the whole document (a template, an import): undoable like any edit. */
  | { kind: 'replaceDocument'; blueprint: Blueprint }
  /** Several commands as one edit (one undo step); all or nothing. */
  | { kind: 'batch'; commands: readonly Command[] };

export type CommandResult<T> = { ok: true; value: T } | { ok: false; error: string };
