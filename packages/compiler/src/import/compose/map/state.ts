import type { BlueprintInput, ContainerInput, Path, ServiceInput } from '@blaupause/model';
import type { ImportContext } from '../context';
import type { CService } from '../types';
import type { Renames } from './renames';

// Input shapes (defaults not yet applied), derived from the schema so they cannot drift.
export type VolumeInput = NonNullable<BlueprintInput['volumes']>[string];
export type NetworkInput = NonNullable<BlueprintInput['networks']>[string];
export type ConfigInput = NonNullable<BlueprintInput['configs']>[string];
export type SecretInput = NonNullable<BlueprintInput['secrets']>[string];
export type MountInput = NonNullable<ContainerInput['mounts']>[number];
export type PortInput = NonNullable<ServiceInput['ports']>[number];
export type LinkInput = NonNullable<ServiceInput['links']>[number];

/** What the importer did that a reader of the result (the round-trip test, the UI) may want to know. */
export interface ImportReport {
  /** Compose name → blueprint name, for the names that had to change. */
  renames: Record<'services' | 'volumes' | 'networks' | 'configs' | 'secrets', Record<string, string>>;
  /** Anonymous volumes that became named volumes: the Compose path of the mount and the volume name. */
  namedVolumes: { path: Path; name: string }[];
  /** Services that became helper containers of another service's pod. */
  helpers: { service: string; pod: string; container: string }[];
}

/** Shared by the mapping of all pods (phase 5). */
export interface MapState {
  ctx: ImportContext;
  names: Renames;
  services: ReadonlyMap<string, CService>;
  /** Compose service name → Compose name of the service whose pod it is in. */
  podOf: ReadonlyMap<string, string>;
  /** Top-level volumes of the blueprint; anonymous volumes are added as they are met. */
  volumes: Record<string, VolumeInput>;
  /** Names of `volumes`, for unique names of anonymous volumes without a scan each time. */
  volumeNames: Set<string>;
  report: ImportReport;
}
