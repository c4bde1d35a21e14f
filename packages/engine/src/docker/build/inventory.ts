import type { Blueprint } from '@blaupause/model';
import { hasErrors, validate } from '@blaupause/model';
import type Docker from 'dockerode';
import type { Result } from '../../types';
import { allContainers, type Desired, desiredState } from '../desired';
import { toEngineError } from '../errors';
import { LABEL, PROJECT_NAME } from '../labels';
import { prepareBuilds } from './prepare';

/** One image a blueprint runs: where it comes from and whether the engine has it. */
export interface ImageEntry {
  reference: string;
  /** The blueprint containers that run it. */
  elementIds: string[];
  source: 'pull' | 'build';
  present: boolean;
  /** What a deploy would do about it: nothing, pull it, or build it. */
  action: 'none' | 'pull' | 'build';
  id?: string;
  sizeBytes?: number;
  /** ms since epoch. */
  createdAt?: number;
}

/** An image the driver built for the project that no container (of any project) uses and the blueprint no longer asks for. */
export interface UnusedImage {
  id: string;
  tags: string[];
  sizeBytes: number;
  createdAt: number;
}

export interface ImageInventory {
  project: string;
  images: ImageEntry[];
  unused: UnusedImage[];
}

export interface InventoryOptions {
  project: string;
  baseDir?: string | undefined;
  endpoint?: string;
}

/** The blueprint's images as the engine holds them, and the project's built images nothing uses. */
export async function imageInventory(docker: Docker, blueprint: Blueprint, options: InventoryOptions): Promise<Result<ImageInventory>> {
  const r = await blueprintImages(docker, blueprint, options);
  if (!r.ok) return r;
  try {
    const keep = new Set(r.value.images.flatMap((e) => (e.id ? [e.id] : [])));
    return {
      ok: true,
      value: { project: options.project, images: r.value.images, unused: await unusedImages(docker, options.project, keep) },
    };
  } catch (e) {
    return { ok: false, error: toEngineError(e, options.endpoint ?? 'the engine', 'Reading the images') };
  }
}

/**
 * The blueprint's images (one entry per reference) with what the engine holds, and the desired
 * state they come from (its `builds` are what provideImages builds): validation, build plans and
 * the mapping are the deploy's own (prepareBuilds, desiredState).
 */
export async function blueprintImages(
  docker: Docker,
  blueprint: Blueprint,
  options: InventoryOptions,
): Promise<Result<{ desired: Desired; images: ImageEntry[] }>> {
  const where = options.endpoint ?? 'the engine';
  if (!PROJECT_NAME.test(options.project))
    return { ok: false, error: { code: 'INVALID_NAME', message: `"${options.project}" is not a valid project name.` } };
  const diagnostics = validate(blueprint);
  if (hasErrors(diagnostics))
    return {
      ok: false,
      error: {
        code: 'INVALID_BLUEPRINT',
        message: 'The blueprint has errors; fix them first.',
        diagnostics: diagnostics.filter((d) => d.severity === 'error'),
      },
    };
  try {
    const builds = await prepareBuilds(blueprint, options.project, options.baseDir);
    if (!builds.ok) return builds;
    const desired = desiredState({ project: options.project, blueprint, baseDir: options.baseDir, builds: builds.value });
    if (!desired.ok) return desired;
    const built = new Set([...builds.value.values()].map((b) => b.tag));
    const byRef = new Map<string, ImageEntry>();
    for (const c of allContainers(desired.value)) {
      const e = byRef.get(c.image) ?? {
        reference: c.image,
        elementIds: [],
        source: built.has(c.image) ? ('build' as const) : ('pull' as const),
        present: false,
        action: 'none' as const,
      };
      if (!e.elementIds.includes(c.elementId)) e.elementIds.push(c.elementId);
      byRef.set(c.image, e);
    }
    await Promise.all(
      [...byRef.values()].map(async (e) => {
        const info = await docker
          .getImage(e.reference)
          .inspect()
          .catch((err: { statusCode?: number }) => {
            if (err?.statusCode === 404) return undefined;
            throw err;
          });
        if (info) Object.assign(e, { present: true, id: info.Id, sizeBytes: info.Size, createdAt: Date.parse(info.Created) });
        else e.action = e.source;
      }),
    );
    return { ok: true, value: { desired: desired.value, images: [...byRef.values()] } };
  } catch (e) {
    return { ok: false, error: toEngineError(e, where, 'Reading the images') };
  }
}

/** Images with our labels for the project, used by no container at all (stopped ones count as users). */
export async function unusedImages(docker: Docker, project: string, keep: ReadonlySet<string>): Promise<UnusedImage[]> {
  const [images, containers] = await Promise.all([
    docker.listImages({ filters: { label: [`${LABEL.project}=${project}`, `${LABEL.managed}=true`] } }),
    docker.listContainers({ all: true }),
  ]);
  const used = new Set(containers.map((c) => c.ImageID));
  return images
    .filter((i) => !used.has(i.Id) && !keep.has(i.Id) && i.Labels?.[LABEL.managed] === 'true' && i.Labels?.[LABEL.project] === project)
    .map((i) => ({
      id: i.Id,
      tags: (i.RepoTags ?? []).filter((t) => t !== '<none>:<none>'),
      sizeBytes: i.Size,
      createdAt: i.Created * 1000,
    }));
}

/** Removes the project's unused built images (inventory's `unused`); what the engine refuses is reported, not forced. */
export async function removeUnusedImages(
  docker: Docker,
  blueprint: Blueprint,
  options: InventoryOptions,
): Promise<Result<{ removed: UnusedImage[]; failed: { id: string; message: string }[] }>> {
  const inv = await imageInventory(docker, blueprint, options);
  if (!inv.ok) return inv;
  const removed: UnusedImage[] = [];
  const failed: { id: string; message: string }[] = [];
  for (const img of inv.value.unused) {
    try {
      // Every tag is ours (the image carries our labels); untag each, then the image itself goes.
      for (const t of img.tags) await docker.getImage(t).remove({ noprune: false });
      if (img.tags.length === 0) await docker.getImage(img.id).remove();
      removed.push(img);
    } catch (e) {
      failed.push({ id: img.id, message: toEngineError(e, options.endpoint ?? 'the engine', 'Removing the image').message });
    }
  }
  return { ok: true, value: { removed, failed } };
}
