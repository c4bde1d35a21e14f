import { elementId } from '@blaupause/model';
import { type Draft, type ImportContext, type MountInput, opt } from './context';
import { dnsLabel, sizeQuantity, uniqueName } from './convert';
import { type Cursor, isObj } from './reader';

/** A pod volume, resolved to what its mounts become. */
type PodVolume =
  | { kind: 'volume'; source: string }
  | { kind: 'tmpfs'; size?: string }
  | { kind: 'bind'; path: string }
  | { kind: 'config'; configMap: string; items?: Map<string, string> }
  | { kind: 'secret'; secret: string; k8sName: string };

const has = (r: object) => ({ has: (n: string) => Object.hasOwn(r, n) });

/**
 * Pod volumes and container volumeMounts → blueprint mounts (and the blueprint volumes, configs
 * and secrets they need). emptyDir: a memory-backed one mounted once is a tmpfs mount, any other
 * an ephemeral blueprint volume (shared by the containers that mount it).
 */
export class PodVolumes {
  private readonly byName = new Map<string, PodVolume>();

  constructor(
    spec: Cursor,
    mountCount: ReadonlyMap<string, number>,
    /** StatefulSet volumeClaimTemplates: claim name → blueprint volume. */
    private readonly templates: ReadonlyMap<string, string>,
    private readonly draft: Draft,
    private readonly ctx: ImportContext,
    private readonly id: string,
  ) {
    for (const v of spec.list('volumes')) {
      const name = v.str('name');
      if (!name) continue;
      const mounts = mountCount.get(name) ?? 0;
      if (mounts === 0) {
        for (const k of v.keys()) v.take(k);
        ctx.unsupported(v.path, `The volume ${name} is mounted by no container; it was not imported.`, id);
        continue;
      }
      const resolved = this.resolve(v, name, mounts);
      if (resolved) this.byName.set(name, resolved);
    }
  }

  /** Counts mounts per volume name over the given containers (before any is read). */
  static countMounts(containers: readonly unknown[]): Map<string, number> {
    const n = new Map<string, number>();
    for (const c of containers)
      if (isObj(c) && Array.isArray(c.volumeMounts))
        for (const m of c.volumeMounts) if (isObj(m) && typeof m.name === 'string') n.set(m.name, (n.get(m.name) ?? 0) + 1);
    return n;
  }

  private resolve(v: Cursor, name: string, mounts: number): PodVolume | undefined {
    if (v.has('persistentVolumeClaim')) return this.claim(v.map('persistentVolumeClaim') as Cursor);
    if (v.has('emptyDir')) return this.emptyDir(v.map('emptyDir'), name, mounts);
    if (v.has('hostPath')) {
      const h = v.map('hostPath') as Cursor;
      // Every hostPath type binds the same way; the type only adds a check the engine does itself.
      h.take('type');
      const path = h.str('path');
      return path ? { kind: 'bind', path } : undefined;
    }
    if (v.has('configMap')) return this.configMap(v.map('configMap') as Cursor);
    if (v.has('secret')) return this.secret(v.map('secret') as Cursor);
    return undefined; // other sources (nfs, csi, projected, ...) stay unread: reported by path
  }

  private claim(c: Cursor): PodVolume | undefined {
    const claim = c.str('claimName');
    if (!claim) return undefined;
    c.defaults({ readOnly: [false] });
    let source = this.draft.claims.get(claim);
    if (!source) {
      source = uniqueName(dnsLabel(claim), has(this.draft.volumes));
      this.draft.volumes[source] = { external: true };
      this.draft.claims.set(claim, source);
      this.ctx.approximated(
        c.path,
        `PersistentVolumeClaim ${claim} is not in the file; it became the external volume ${source}.`,
        elementId.volume(source),
      );
    }
    return { kind: 'volume', source };
  }

  private emptyDir(c: Cursor | undefined, name: string, mounts: number): PodVolume {
    const medium = c?.str('medium');
    const limit = c?.has('sizeLimit') ? sizeQuantity(c.take('sizeLimit')) : undefined;
    // The emitter names the memory volume of a tmpfs mount tmpfs, tmpfs-2, ...; any other name is a volume.
    if (medium === 'Memory' && mounts === 1 && /^tmpfs(-\d+)?$/.test(name)) return { kind: 'tmpfs', ...opt('size', limit) };
    if (medium !== 'Memory' && c)
      this.ctx.approximated(c.path, `The emptyDir ${name} on disk became an ephemeral volume, which is memory-backed on export.`, this.id);
    const base = dnsLabel(name);
    const existing = this.draft.volumes[base];
    // Ephemeral volumes live per pod: pods of several services may share the name without sharing data.
    const reuse = existing?.ephemeral === true && existing.size === limit;
    const source = reuse ? base : uniqueName(base, has(this.draft.volumes));
    if (!reuse) this.draft.volumes[source] = { ephemeral: true, ...opt('size', limit) };
    return { kind: 'volume', source };
  }

  private configMap(c: Cursor): PodVolume | undefined {
    const name = c.str('name');
    if (!name) return undefined;
    c.defaults({ defaultMode: [420], optional: [false] });
    if (!this.draft.configMaps.has(name)) {
      const source = uniqueName(dnsLabel(name), has(this.draft.configs));
      this.draft.configs[source] = { external: true };
      this.draft.configMaps.set(name, new Map([['', source]]));
      this.ctx.approximated(
        c.path,
        `ConfigMap ${name} is not in the file; it became the external config ${source}.`,
        elementId.config(source),
      );
    }
    const items = c.has('items') ? new Map<string, string>() : undefined;
    for (const it of c.list('items')) {
      const key = it.str('key');
      const path = it.str('path');
      if (key && path) items?.set(key, path);
    }
    return { kind: 'config', configMap: name, ...opt('items', items) };
  }

  private secret(c: Cursor): PodVolume | undefined {
    const name = c.str('secretName');
    if (!name) return undefined;
    c.defaults({ defaultMode: [420], optional: [false] });
    let source = this.draft.secretNames.get(name);
    if (!source) {
      source = uniqueName(dnsLabel(name), has(this.draft.secrets));
      this.draft.secrets[source] = { external: true };
      this.draft.secretNames.set(name, source);
      this.ctx.approximated(
        c.path,
        `Secret ${name} is not in the file; it became the external secret ${source}.`,
        elementId.secret(source),
      );
    }
    return { kind: 'secret', secret: source, k8sName: name };
  }

  /** The blueprint mounts of one container. */
  mounts(container: Cursor): MountInput[] | undefined {
    const out: MountInput[] = [];
    for (const m of container.list('volumeMounts')) {
      const name = m.str('name') ?? '';
      const target = m.str('mountPath');
      const vol =
        this.byName.get(name) ??
        (this.templates.has(name) ? { kind: 'volume' as const, source: this.templates.get(name) as string } : undefined);
      if (!vol || !target?.startsWith('/')) {
        this.ctx.unsupported(
          m.path,
          `The mount of volume ${name} could not be imported${vol ? ' (mountPath must be absolute)' : ': the volume was not imported'}.`,
          this.id,
        );
        continue;
      }
      out.push(...this.mount(m, vol, target));
    }
    return out.length ? out : undefined;
  }

  private mount(m: Cursor, vol: PodVolume, target: string): MountInput[] {
    const readOnly = m.bool('readOnly') || undefined;
    const ro = opt('readOnly', readOnly);
    switch (vol.kind) {
      case 'volume':
        return [{ type: 'volume', source: vol.source, target, ...opt('subPath', m.str('subPath')), ...ro }];
      case 'tmpfs':
        return [{ type: 'tmpfs', target, ...opt('size', vol.size), ...ro }];
      case 'bind': {
        const sub = m.str('subPath');
        return [{ type: 'bind', source: sub ? `${vol.path.replace(/\/+$/, '')}/${sub}` : vol.path, target, ...ro }];
      }
      case 'config':
        return this.configMounts(m, vol, target);
      case 'secret': {
        // The emitter mounts the key named after the secret; any other key cannot be picked.
        const sub = m.str('subPath');
        if (sub !== undefined && sub !== vol.k8sName)
          this.ctx.approximated(
            [...m.path, 'subPath'],
            `The secret ${vol.k8sName} is mounted as a whole; the blueprint cannot pick its key ${sub}.`,
            this.id,
          );
        return [{ type: 'secret', source: vol.secret, target }];
      }
    }
  }

  /** One mount per key: at `target` for a subPath mount, else at target/<file name>. */
  private configMounts(m: Cursor, vol: Extract<PodVolume, { kind: 'config' }>, target: string): MountInput[] {
    const keys = this.draft.configMaps.get(vol.configMap) as Map<string, string>;
    const whole = keys.get('');
    if (whole !== undefined) {
      m.take('subPath');
      return [{ type: 'config', source: whole, target }];
    }
    const files = vol.items ?? new Map([...keys.keys()].map((k) => [k, k]));
    const sub = m.str('subPath');
    const out: MountInput[] = [];
    for (const [key, file] of files) {
      const source = keys.get(key);
      if (source === undefined || (sub !== undefined && sub !== file)) continue;
      out.push({ type: 'config', source, target: sub !== undefined ? target : `${target.replace(/\/+$/, '')}/${file}` });
    }
    if (!out.length)
      this.ctx.unsupported(m.path, `The mount of ConfigMap ${vol.configMap} selects no key it holds; it was not imported.`, this.id);
    return out;
  }
}
