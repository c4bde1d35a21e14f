import type { Mount, Path, Volume } from '@blaupause/model';
import { elementId } from '@blaupause/model';
import { tag } from '../../yaml';
import { isPerReplica, type KubeContext, type Obj, objectMeta, userLabels } from './context';
import { NameAllocator, slug } from './names';
import type { WorkloadKind } from './rollout';

export const DEFAULT_VOLUME_SIZE = '1Gi';

export const accessMode = (v: Volume): string => (v.access === 'shared' ? 'ReadWriteMany' : 'ReadWriteOnce');
export { isPerReplica };

/** The claim spec shared by PersistentVolumeClaims and volumeClaimTemplates; reports a defaulted size. */
function claimSpec(k: KubeContext, name: string, v: Volume): Obj {
  if (v.size === undefined)
    k.note(
      'approximated',
      ['volumes', name, 'size'],
      elementId.volume(name),
      `Volume ${name} has no size; its claim requests ${DEFAULT_VOLUME_SIZE}.`,
      'Set a size on the volume.',
    );
  return { accessModes: [accessMode(v)], resources: { requests: { storage: v.size ?? DEFAULT_VOLUME_SIZE } } };
}

const memoryDir = (size?: string): Obj => ({ emptyDir: { medium: 'Memory', ...(size ? { sizeLimit: size } : {}) } });

/**
 * The volumes of one pod. Mounts of every container go through here: the first mount of a
 * source creates the pod volume (named after the source where possible, unique in the pod),
 * later mounts of the same source share it, as the containers of a pod share volumes.
 */
export class PodVolumes {
  readonly volumes: Obj[] = [];
  readonly claimTemplates: Obj[] = [];
  // Made at the first mount: most pods mount nothing.
  private bySource: Map<string, string> | undefined;
  private names_: NameAllocator | undefined;

  constructor(
    private readonly k: KubeContext,
    /** StatefulSets hold per-replica claims; DaemonSets and Jobs cannot. */
    private readonly kind: WorkloadKind,
  ) {}

  /** The volumeMount for one mount; undefined when its source does not exist (validation reports it). */
  mount(m: Mount, at: Path, containerId: string): Obj | undefined {
    const name = this.volumeFor(m, at, containerId);
    if (name === undefined) return undefined;
    // Configs and secrets are single files: mount the one key at the target path, read-only as on Docker.
    const file = m.type === 'config' || m.type === 'secret';
    const subPath = file ? m.source : m.type === 'volume' ? m.subPath : undefined;
    const readOnly = m.readOnly ?? (file ? true : undefined);
    return { name, mountPath: m.target, ...(subPath ? { subPath } : {}), ...(readOnly ? { readOnly } : {}) };
  }

  private volumeFor(m: Mount, at: Path, containerId: string): string | undefined {
    switch (m.type) {
      case 'volume':
        return this.namedVolume(m.source, at, containerId);
      case 'bind': {
        const base = `host-${slug(m.source.split('/').filter(Boolean).pop() ?? '') || 'root'}`;
        return this.once(`bind:${m.source}`, base, (name) => {
          this.bindNote(m.source, at, containerId);
          this.add(name, { hostPath: { path: m.source } });
        });
      }
      case 'tmpfs':
        return this.add(this.names.take('tmpfs'), memoryDir(m.size));
      case 'config': {
        const id = elementId.config(m.source);
        if (!this.k.blueprint.configs?.[m.source]) return undefined;
        return this.once(id, `config-${m.source}`, (name) => this.add(name, { configMap: { name: m.source } }, id));
      }
      case 'secret': {
        const id = elementId.secret(m.source);
        if (!this.k.blueprint.secrets?.[m.source]) return undefined;
        return this.once(id, `secret-${m.source}`, (name) => this.add(name, { secret: { secretName: m.source } }, id));
      }
    }
  }

  private namedVolume(source: string, at: Path, containerId: string): string | undefined {
    const v = this.k.blueprint.volumes?.[source];
    if (!v) return undefined;
    const id = elementId.volume(source);
    return this.once(id, source, (name) => {
      if (v.ephemeral) this.add(name, memoryDir(v.size), id);
      else if (!isPerReplica(v)) this.add(name, { persistentVolumeClaim: { claimName: source } }, id);
      else if (this.kind === 'StatefulSet') this.claimTemplates.push(tag({ metadata: { name }, spec: claimSpec(this.k, source, v) }, id));
      else {
        this.k.note(
          'lost',
          at,
          containerId,
          `A ${this.kind} cannot give each pod a claim of its own: per-replica volume ${source} becomes an emptyDir, and its data goes with the pod.`,
          this.kind === 'Job'
            ? 'Mount a shared volume to keep what the Job writes.'
            : 'Run the service replicated (it then becomes a StatefulSet) to keep per-replica data.',
        );
        this.add(name, { emptyDir: {} }, id);
      }
    });
  }

  private bindNote(source: string, at: Path, containerId: string): void {
    this.k.note(
      'approximated',
      at,
      containerId,
      `Bind mount ${source} becomes a hostPath volume: it reads the file system of whichever node runs the pod, so it only works on a single-node cluster.`,
      source.startsWith('/') ? undefined : 'hostPath needs an absolute path on the node: give the bind source as an absolute path.',
    );
  }

  /** One pod volume per source, however many containers mount it. */
  private once(key: string, base: string, create: (name: string) => void): string {
    this.bySource ??= new Map();
    const known = this.bySource.get(key);
    if (known !== undefined) return known;
    const name = this.names.take(base);
    this.bySource.set(key, name);
    create(name);
    return name;
  }

  private get names(): NameAllocator {
    this.names_ ??= new NameAllocator();
    return this.names_;
  }

  private add(name: string, source: Obj, id?: string): string {
    const volume = { name, ...source };
    this.volumes.push(id ? tag(volume, id) : volume);
    return name;
  }
}

/** A PersistentVolumeClaim for each volume that needs one of its own (not external, ephemeral or per replica). */
export function persistentVolumeClaims(k: KubeContext): Obj[] {
  const out: Obj[] = [];
  for (const [name, v] of Object.entries(k.blueprint.volumes ?? {})) {
    if (v.ephemeral || v.external || v.perReplica) continue;
    const id = elementId.volume(name);
    if (v.driver !== undefined && v.driver !== 'local')
      k.note(
        'lost',
        ['volumes', name, 'driver'],
        id,
        `Volume driver "${v.driver}" is Docker's; the claim uses the cluster's default StorageClass.`,
      );
    const labels = userLabels(k.ctx, v.labels, ['volumes', name, 'labels'], id);
    out.push(
      tag(
        { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: objectMeta(k, name, name, labels), spec: claimSpec(k, name, v) },
        id,
      ),
    );
  }
  return out;
}
