import type { EngineError } from '../types';
import { PodmanHttpError } from './api';

/** A failure that already is an EngineError (thrown through async work, caught at the top). */
export class PodmanFailure extends Error {
  constructor(readonly error: EngineError) {
    super(error.message);
  }
}

/** Any failure of a Podman call as an EngineError naming what we were doing. */
export function toEngineError(e: unknown, endpoint: string, doing: string, elementId?: string): EngineError {
  if (e instanceof PodmanFailure) return e.error;
  const where = elementId ? { elementId } : {};
  if (e instanceof PodmanHttpError) {
    const m = e.message;
    if (/address already in use|port is already allocated|bind: /i.test(m))
      return {
        code: 'PORT_IN_USE',
        message: `${doing}: ${m}`,
        hint: 'Another process or pod holds that host port; free it or publish another one.',
        ...where,
      };
    if (/(pull|image).*(not found|unknown|failed|denied)|initializing source|name unknown|manifest unknown|short-name/i.test(m))
      return {
        code: 'IMAGE_PULL_FAILED',
        message: `${doing}: ${m}`,
        hint: 'Make the image available to Podman (podman pull / podman load) and try again.',
        ...where,
      };
    if (e.status === 404) return { code: 'NOT_FOUND', message: `${doing}: ${m}`, ...where };
    return { code: 'ENGINE_ERROR', message: `${doing}: Podman answered ${e.status}: ${m}`, ...where };
  }
  const err = e as NodeJS.ErrnoException;
  if (err?.name === 'AbortError') return { code: 'CANCELLED', message: `${doing}: cancelled.`, ...where };
  if (err?.code === 'ENOENT' || err?.code === 'ECONNREFUSED' || err?.code === 'EACCES' || err?.code === 'ECONNRESET')
    return {
      code: 'ENGINE_UNREACHABLE',
      message: `${doing}: Podman does not answer on ${endpoint} (${err.code}).`,
      hint: 'Start the service: podman system service --time=0 unix:///run/podman/podman.sock (or node scripts/podman-env.mjs up).',
    };
  return { code: 'ENGINE_ERROR', message: `${doing}: ${err?.message ?? String(e)}`, ...where };
}
