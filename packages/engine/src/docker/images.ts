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
      hint: 'Check the name and tag, the registry login, or build/load the image locally; nothing was created.',
    });
  }
}
