import type {
  BlueprintInput,
  ContainerInput,
  Diagnostic,
  DiagnosticCode,
  Path,
  ServiceInput,
  Severity,
  SourcePosition,
  YamlSource,
} from '@blaupause/model';
import { diag } from '@blaupause/model';
import { Cursor, type Obj, type TypeProblem } from './reader';

// Input shapes (defaults not yet applied), derived from the schema so they cannot drift.
export type VolumeInput = NonNullable<BlueprintInput['volumes']>[string];
export type ConfigInput = NonNullable<BlueprintInput['configs']>[string];
export type SecretInput = NonNullable<BlueprintInput['secrets']>[string];
export type NetworkInput = NonNullable<BlueprintInput['networks']>[string];
export type ServicePortInput = NonNullable<ServiceInput['ports']>[number];
export type MountInput = NonNullable<ContainerInput['mounts']>[number];
export type HealthcheckInput = NonNullable<ContainerInput['healthcheck']>;

/** One Kubernetes object of the input, with where it came from. */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
  /** Diagnostic path of the object: ['documents', n] or ['documents', n, 'items', m] inside a List. */
  path: Path;
  root: Cursor;
  /** The metadata mapping, and its annotations (read key by key: blaupause.dev/... are carried). */
  meta: Cursor;
  annotations?: Cursor;
  labels: Record<string, string>;
  /** The blueprint element it became; set once known (for diagnostics on its unread keys). */
  elementId?: string;
  /** The controller that manages it (metadata.ownerReferences with controller: true). */
  owner?: { kind: string; name: string };
}

/** A port a container declares (containerPort), before Services decide which are exposed. */
export interface ContainerPort {
  container: string;
  name?: string;
  port: number;
  protocol: 'tcp' | 'udp';
  hostPort?: number;
  cursor: Cursor;
}

/** An init container our Kubernetes emitter generates to wait for a linked service. */
export interface WaitFor {
  host: string;
  port?: number;
  /** Seconds, from a `timeout N` wrapper. */
  timeout?: number;
  cursor: Cursor;
  /** The container name it holds in the pod until resolved (kept in order, removed when it is a link). */
  slot?: string;
}

/** A placeholder container: a wait-for slot until links are resolved. */
export const PENDING: ContainerInput = Object.freeze({});

/** A workload on its way to becoming a blueprint service. */
export interface ServiceDraft {
  name: string;
  object: K8sObject;
  service: ServiceInput & { containers: Record<string, ContainerInput>; ports?: ServicePortInput[] };
  podLabels: Record<string, string>;
  containerPorts: ContainerPort[];
  /** Whether the main container has a readiness probe (links to it wait for health). */
  ready: boolean;
  waits: WaitFor[];
  /** Kubernetes Services (by name) whose ports this service took. */
  exposedBy: string[];
  /** Links from the emitter's blaupause.dev/links annotation (no wait, no variable), checked against the schema. */
  untraced: NonNullable<ServiceInput['links']>;
}

/** The blueprint being assembled, and the indexes from Kubernetes names to blueprint names. */
export interface Draft {
  name?: string;
  services: Map<string, ServiceDraft>;
  volumes: Record<string, VolumeInput>;
  networks: Record<string, NetworkInput>;
  configs: Record<string, ConfigInput>;
  secrets: Record<string, SecretInput>;
  /** PVC name → volume name. */
  claims: Map<string, string>;
  /** ConfigMap name → key → config name ('' key: the whole ConfigMap, when it is not in the file). */
  configMaps: Map<string, Map<string, string>>;
  /** Secret name → secret name. */
  secretNames: Map<string, string>;
  /** Kubernetes Service name → blueprint services it selects. */
  k8sServices: Map<string, ServiceDraft[]>;
  /** `<Service name>\0<port number or name>` → the container port it forwards to. */
  servicePorts: Map<string, number>;
  /** Headless Services without ports: the emitter writes one only so that a link target has a name. */
  portless: { object: K8sObject; targets: ServiceDraft[] }[];
}

export function newDraft(): Draft {
  return {
    services: new Map(),
    volumes: {},
    networks: {},
    configs: {},
    secrets: {},
    claims: new Map(),
    configMaps: new Map(),
    secretNames: new Map(),
    k8sServices: new Map(),
    servicePorts: new Map(),
    portless: [],
  };
}

export function toBlueprintInput(d: Draft, name: string, labels?: Record<string, string>): BlueprintInput {
  const services: Record<string, ServiceInput> = {};
  for (const [n, s] of d.services) services[n] = s.service;
  const nonEmpty = <T>(r: Record<string, T>) => (Object.keys(r).length ? r : undefined);
  return {
    apiVersion: 'blaupause.dev/v1',
    kind: 'Blueprint',
    metadata: { name, ...opt('labels', labels) },
    services,
    ...opt('volumes', nonEmpty(d.volumes)),
    ...opt('networks', nonEmpty(d.networks)),
    ...opt('configs', nonEmpty(d.configs)),
    ...opt('secrets', nonEmpty(d.secrets)),
  };
}

/** `{ key: value }` when value is defined, else `{}`: keeps absent fields absent. */
export const opt = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };

/** Diagnostics with source positions: paths start ['documents', n, ...], positions come from document n. */
export class ImportContext {
  readonly diagnostics: Diagnostic[] = [];
  readonly problems: TypeProblem[] = [];
  /** Fields the cluster fills in, dropped (counted for one summary note). */
  readonly stripped = new Set<string>();
  strippedObjects = 0;

  constructor(
    private readonly sources: ReadonlyMap<number, YamlSource>,
    readonly file?: string,
  ) {}

  cursor(value: Obj, path: Path): Cursor {
    return new Cursor(value, path, this.problems);
  }

  position(path: Path): SourcePosition | undefined {
    const [top, index] = path;
    if (top !== 'documents' || typeof index !== 'number') return undefined;
    return this.sources.get(index)?.positionOf(path.slice(2));
  }

  add(
    code: DiagnosticCode,
    severity: Severity,
    path: Path,
    message: string,
    extra: { elementId?: string | undefined; hint?: string | undefined } = {},
  ): void {
    const source = this.position(path);
    this.diagnostics.push(
      diag(code, severity, path, message, {
        ...opt('elementId', extra.elementId),
        ...opt('hint', extra.hint),
        ...opt('source', source),
      }),
    );
  }

  /** A key the blueprint cannot carry, with the reason (the generic report covers silent leftovers). */
  unsupported(path: Path, message: string, elementId?: string, hint?: string): void {
    this.add('IMPORT_UNSUPPORTED_KEY', 'warning', path, message, { elementId, hint });
  }

  approximated(path: Path, message: string, elementId?: string, hint?: string): void {
    this.add('IMPORT_APPROXIMATED', 'info', path, message, { elementId, hint });
  }
}

/** "Deployment web (document 3)" — how messages name an object. */
export function describe(o: K8sObject): string {
  const doc = o.path[1];
  return `${o.kind} ${o.name}${typeof doc === 'number' ? ` (document ${doc + 1})` : ''}`;
}
