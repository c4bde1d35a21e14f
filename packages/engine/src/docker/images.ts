import type Docker from 'dockerode';
import type { ProgressEvent } from '../types';
import { EngineFailure, engineMessage, isUnreachable, unreachable } from './errors';

/** Which of `images` the engine holds already (by the reference as written). */
export async function localImages(docker: Docker, images: readonly string[]): Promise<Set<string>> {
  const present = new Set<string>();
  await Promise.all(
    images.map(async (image) => {
      try {
        await docker.getImage(image).inspect();
        present.add(image);
      } catch (e) {
        if (isUnreachable(e)) throw e;
      }
    }),
  );
  return present;
}

/**
 * Pulls one image, streaming the engine's progress. A failure names the image; the caller stops
 * before creating anything (DESIGN §5).
 */
export async function pullImage(docker: Docker, image: string, endpoint: string, emit: (e: ProgressEvent) => void): Promise<void> {
  try {
    const stream = await docker.pull(image);
    await new Promise<void>((resolve, reject) => {
      docker.modem.followProgress(
        stream,
        (err: Error | null, output: { error?: string }[]) => {
          const failed = err ?? output.find((o) => o.error);
          if (failed) reject(failed instanceof Error ? failed : new Error(String((failed as { error?: string }).error)));
          else resolve();
        },
        (p: { status?: string; progressDetail?: { current?: number; total?: number }; error?: string }) => {
          emit({
            kind: 'pull',
            image,
            status: p.error ?? p.status ?? '',
            ...(p.progressDetail?.current !== undefined ? { current: p.progressDetail.current } : {}),
            ...(p.progressDetail?.total !== undefined ? { total: p.progressDetail.total } : {}),
            at: Date.now(),
          });
        },
      );
    });
  } catch (e) {
    if (isUnreachable(e)) throw new EngineFailure(unreachable(e, endpoint));
    throw new EngineFailure({
      code: 'IMAGE_PULL_FAILED',
      message: `Image "${image}" could not be pulled: ${engineMessage(e)}`,
      hint: pullFailureHint(engineMessage(e)),
    });
  }
}

/**
 * What to do about a failed pull, by its cause in the engine's words: no network to the registry
 * (DNS, refused, timed out), a registry that refuses (login), a name or tag it does not have. A
 * registry login is no help when the registry cannot be reached at all.
 */
export function pullFailureHint(message: string): string {
  if (
    /no such host|server misbehaving|temporary failure in name resolution|dial tcp|connection refused|connection reset|i\/o timeout|network is unreachable|no route to host|TLS handshake timeout|Client\.Timeout|context deadline exceeded/i.test(
      message,
    )
  )
    return 'No network to the registry: build or load the image locally (docker load / docker build, or give the container a build context), or deploy again once the network is back; nothing was created.';
  if (/unauthorized|authentication required|denied|may require 'docker login'/i.test(message))
    return 'The registry refused the pull: check the name and tag, and for a private image log in to its registry (docker login); or build/load the image locally. Nothing was created.';
  if (/manifest unknown|not found|does not exist/i.test(message))
    return 'The registry has no such name or tag: check both, or build/load the image locally; nothing was created.';
  return 'Check the name and tag, the registry login, or build/load the image locally; nothing was created.';
}
