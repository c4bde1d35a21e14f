import type { Blueprint } from '@blaupause/model';
import type Docker from 'dockerode';
import type { EngineError, ProgressEvent, ResourceAction, Result } from '../../types';
import type { Desired } from '../desired';
import type { DockerDriver } from '../driver';
import { EngineFailure, toEngineError } from '../errors';
import { blueprintImages, type ImageEntry, type InventoryOptions } from './inventory';
import { provideImage } from './provide';

export interface ProvideOptions extends InventoryOptions {
  /** Only these images: references or element ids (`container:web/web`) of the blueprint; default all missing. */
  only?: readonly string[];
  /** Which kind of image to provide (default both): `pull` for registry images, `build` for build contexts. */
  sources?: readonly ('pull' | 'build')[];
  /** Build the build-context images again even when their content-hash tag exists (without the layer cache). */
  rebuild?: boolean;
}

export interface ProvidedImage {
  reference: string;
  action: 'pull' | 'build';
  elementIds: string[];
}

export interface ProvideReport {
  project: string;
  provided: ProvidedImage[];
  failed: { reference: string; error: EngineError }[];
}

/**
 * Pulls or builds the blueprint's missing images (issue 10's "pull / build from the inventory")
 * the way a deploy does: the same inventory (prepareBuilds, desiredState), the same provideImage
 * (pullImage / buildImage), the same `pull` / `build` progress events, plus a `plan` naming the
 * images and a `step` per image. Pulls run first (a build may start FROM a pulled image), one at a
 * time; a failed image is reported (IMAGE_PULL_FAILED / BUILD_FAILED with its step) and the others
 * still run. Nothing else is created. The result's error is for what stops before any image:
 * an invalid blueprint, an unknown reference, an unreachable engine.
 */
export async function provideImages(
  docker: Docker,
  blueprint: Blueprint,
  options: ProvideOptions,
  emit: (e: ProgressEvent) => void,
  signal?: AbortSignal,
): Promise<Result<ProvideReport>> {
  const endpoint = options.endpoint ?? 'the engine';
  const r = await blueprintImages(docker, blueprint, options);
  if (!r.ok) return r;
  const picked = pick(r.value.images, options);
  if (!picked.ok) return picked;
  const desired = options.rebuild ? withoutCache(r.value.desired) : r.value.desired;
  const resources: ResourceAction[] = picked.value.map((p) => action(p));
  emit({ kind: 'plan', plan: { project: options.project, actions: [], resources, noop: resources.length === 0 } });
  const report: ProvideReport = { project: options.project, provided: [], failed: [] };
  for (const [i, img] of picked.value.entries()) {
    const act = resources[i] as ResourceAction;
    if (signal?.aborted) {
      report.failed.push({ reference: img.entry.reference, error: { code: 'CANCELLED', message: 'Cancelled before this image.' } });
      continue;
    }
    emit({ kind: 'step', action: act, phase: 'started', at: Date.now() });
    try {
      await provideImage(docker, desired, img.entry.reference, endpoint, emit, signal);
      emit({ kind: 'step', action: act, phase: 'done', at: Date.now() });
      report.provided.push({ reference: img.entry.reference, action: img.action, elementIds: img.entry.elementIds });
    } catch (e) {
      const error = e instanceof EngineFailure ? e.error : toEngineError(e, endpoint, `Providing image "${img.entry.reference}"`);
      emit({ kind: 'step', action: act, phase: 'failed', message: error.message, at: Date.now() });
      const elementId = error.elementId ?? img.entry.elementIds[0];
      report.failed.push({ reference: img.entry.reference, error: elementId ? { ...error, elementId } : error });
      if (error.code === 'ENGINE_UNREACHABLE') return { ok: false, error };
    }
  }
  return { ok: true, value: report };
}

/**
 * provideImages under the driver's one-operation-per-project lock (the one apply and destroy take):
 * the same event stream as apply — progress, one `error` per failed image, then `done`. A project
 * being deployed or torn down answers BUSY at once.
 */
export function provideImagesExclusive(
  driver: DockerDriver,
  blueprint: Blueprint,
  options: ProvideOptions & { signal?: AbortSignal },
  onReport?: (report: ProvideReport) => void,
): AsyncIterable<ProgressEvent> {
  const { signal, ...rest } = options;
  return driver.exclusive(options.project, async (emit) => {
    const r = await provideImages(driver.docker, blueprint, { ...rest, endpoint: driver.endpoint }, emit, signal);
    if (!r.ok) return [r.error];
    onReport?.(r.value);
    return r.value.failed.map((f) => f.error);
  });
}

interface Picked {
  entry: ImageEntry;
  action: 'pull' | 'build';
}

function pick(images: ImageEntry[], options: ProvideOptions): Result<Picked[]> {
  const sources = new Set(options.sources ?? ['pull', 'build']);
  const only = options.only && new Set(options.only);
  if (only) {
    const known = new Set(images.flatMap((i) => [i.reference, ...i.elementIds]));
    const unknown = [...only].filter((o) => !known.has(o));
    if (unknown.length > 0)
      return {
        ok: false,
        error: {
          code: 'NOT_FOUND',
          message: `${unknown.map((u) => `"${u}"`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not an image of the blueprint.`,
          hint: `Its images: ${images.map((i) => i.reference).join(', ') || 'none'}.`,
        },
      };
  }
  const out: Picked[] = [];
  for (const entry of images) {
    if (only && !only.has(entry.reference) && !entry.elementIds.some((id) => only.has(id))) continue;
    if (!sources.has(entry.source)) continue;
    const wanted = !entry.present || (options.rebuild === true && entry.source === 'build');
    if (wanted) out.push({ entry, action: entry.source });
  }
  // Pulls first: a build context may start FROM an image the blueprint pulls.
  return { ok: true, value: [...out.filter((p) => p.action === 'pull'), ...out.filter((p) => p.action === 'build')] };
}

function action(p: Picked): ResourceAction {
  const reason = p.action === 'build' && p.entry.present ? 'rebuild' : p.action;
  return {
    kind: 'create',
    resource: 'image',
    name: p.entry.reference,
    reason,
    ...(p.entry.elementIds[0] ? { elementId: p.entry.elementIds[0] } : {}),
  };
}

function withoutCache(desired: Desired): Desired {
  if (!desired.builds) return desired;
  return { ...desired, builds: new Map([...desired.builds].map(([k, b]) => [k, { ...b, noCache: true }])) };
}
