import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { posix } from 'node:path';
import type { Blueprint } from '@blaupause/model';
import { elementId as ids } from '@blaupause/model';
import type { EngineError, Result } from '../../types';
import { inBaseDir } from '../create-options';
import { InterpolationError, interpolateBlueprint } from '../interpolate';
import { composeService, LABEL } from '../labels';
import { readContext } from './context';

/** Labels of images the driver built: ours (managed), the project's, and the hash they were built from. */
export const BUILD_LABEL = {
  hash: 'dev.blaupause.build-hash',
} as const;

/**
 * One image to build for one blueprint container. `tag` carries the first 12 characters of the
 * build hash (context files + Dockerfile path + args + target): a changed context is a new tag, so
 * the container's config hash changes and it is recreated; an unchanged one finds its image
 * locally and nothing is built (DESIGN §5: no mutating call for an unchanged blueprint).
 */
export interface BuildPlan {
  elementId: string;
  service: string;
  container: string;
  tag: string;
  /** The container's `image`, when it names one besides `build`: the built image is tagged with it too (Compose). */
  alsoTag?: string;
  contextDir: string;
  /** Relative to the context (POSIX). */
  dockerfile: string;
  entries: string[];
  args: Record<string, string>;
  target?: string;
  hash: string;
  labels: Record<string, string>;
  /** Build without the engine's layer cache (provideImages' `rebuild`): every step runs again. */
  noCache?: boolean;
}

export type Builds = ReadonlyMap<string, BuildPlan>;

/**
 * The builds a blueprint asks for, keyed by element id. Context and Dockerfile are file references:
 * they resolve inside the blueprint's folder (`baseDir`) by the model's one rule (symbolic links
 * leading out refused), and the Dockerfile must lie inside the context (the engine only sees the context).
 */
export async function prepareBuilds(blueprint: Blueprint, project: string, baseDir: string | undefined): Promise<Result<Builds>> {
  const out = new Map<string, BuildPlan>();
  let bp: Blueprint;
  try {
    bp = interpolateBlueprint(blueprint);
  } catch (e) {
    if (e instanceof InterpolationError) return { ok: true, value: out }; // desiredState reports it
    throw e;
  }
  for (const [service, svc] of Object.entries(bp.services ?? {})) {
    for (const [name, c] of Object.entries(svc.containers)) {
      if (!c.build) continue;
      const elementId = ids.container(service, name);
      const fail = (message: string, hint?: string): Result<Builds> => ({
        ok: false,
        error: {
          code: 'INVALID_BLUEPRINT',
          message: `Build of container "${name}" of service "${service}": ${message}`,
          elementId,
          ...(hint ? { hint } : {}),
        },
      });
      if (!baseDir) return unsupported(elementId, service, name);
      const ctx = inBaseDir(baseDir, c.build.context);
      if (!ctx.ok)
        return fail(`the context "${c.build.context}" is refused: ${ctx.why}.`, 'Keep build contexts inside the blueprint’s folder.');
      const isDir = await stat(ctx.path).then(
        (s) => s.isDirectory(),
        () => false,
      );
      if (!isDir) return fail(`the context "${c.build.context}" is not a folder.`);
      const dockerfile = posix.normalize(c.build.dockerfile ?? 'Dockerfile');
      const df = inBaseDir(ctx.path, dockerfile);
      if (!df.ok) return fail(`the Dockerfile "${dockerfile}" must lie inside the context: ${df.why}.`);
      const isFile = await stat(df.path).then(
        (s) => s.isFile(),
        () => false,
      );
      if (!isFile) return fail(`there is no Dockerfile "${dockerfile}" in the context "${c.build.context}".`);
      const files = await readContext(ctx.path, dockerfile);
      const args = { ...(c.build.args ?? {}) };
      const hash = buildHash(files.hash, dockerfile, args, c.build.target);
      const compose = composeService(service, name, c.role === 'main');
      const plan: BuildPlan = {
        elementId,
        service,
        container: name,
        tag: `${project}-${compose}:bp-${hash.slice(0, 12)}`,
        contextDir: ctx.path,
        dockerfile,
        entries: files.entries,
        args,
        hash,
        labels: {
          [LABEL.project]: project,
          [LABEL.managed]: 'true',
          [LABEL.element]: elementId,
          [BUILD_LABEL.hash]: hash,
        },
      };
      if (c.build.target) plan.target = c.build.target;
      if (c.image) plan.alsoTag = c.image;
      out.set(elementId, plan);
    }
  }
  return { ok: true, value: out };
}

export function buildHash(contextHash: string, dockerfile: string, args: Record<string, string>, target: string | undefined): string {
  const sortedArgs = Object.keys(args)
    .sort()
    .map((k) => [k, args[k]]);
  return createHash('sha256')
    .update(JSON.stringify({ context: contextHash, dockerfile, args: sortedArgs, target: target ?? null }))
    .digest('hex');
}

function unsupported(elementId: string, service: string, name: string): Result<Builds> {
  const error: EngineError = {
    code: 'UNSUPPORTED',
    message: `Container "${name}" of service "${service}" is built from a context, which needs the blueprint’s folder.`,
    hint: 'Deploy the blueprint from its file (the build context resolves inside its folder).',
    elementId,
  };
  return { ok: false, error };
}
