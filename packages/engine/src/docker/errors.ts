import type { EngineError } from '../types';

/**
 * Engine failures → errors as data. dockerode rejects with the HTTP status and the engine's JSON
 * message (`statusCode`, `json.message`), or with a socket error (`code`) when the engine cannot
 * be reached at all; everything the driver reports goes through here.
 */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOENT', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EACCES']);

export function engineMessage(e: unknown): string {
  const err = e as { json?: { message?: string }; reason?: string; message?: string } | undefined;
  return err?.json?.message ?? err?.message ?? String(e);
}

export function isUnreachable(e: unknown): boolean {
  const code = (e as { code?: string } | undefined)?.code;
  if (code && UNREACHABLE.has(code)) return true;
  return /socket hang up|connect ECONNREFUSED|ENOENT/.test(engineMessage(e));
}

export const statusOf = (e: unknown): number | undefined => (e as { statusCode?: number } | undefined)?.statusCode;

export function unreachable(e: unknown, endpoint: string): EngineError {
  return {
    code: 'ENGINE_UNREACHABLE',
    message: `The container engine at ${endpoint} cannot be reached: ${engineMessage(e)}`,
    hint: 'Start Docker (or Podman’s Docker-compatible socket) and try again; set DOCKER_HOST when it listens elsewhere.',
  };
}

/** Any engine failure, with unreachable engines recognised first. */
export function toEngineError(e: unknown, endpoint: string, what: string, elementId?: string): EngineError {
  if (isUnreachable(e)) return unreachable(e, endpoint);
  return { code: 'ENGINE_ERROR', message: `${what}: ${engineMessage(e)}`, ...(elementId ? { elementId } : {}) };
}

/** The host port of a failed start when the engine says it is taken (both Docker and Podman wordings). */
export function portInUse(message: string): string | undefined {
  if (!/port is already allocated|address already in use|bind: .*in use/i.test(message)) return undefined;
  const m = /(?:Bind for |listen tcp[46]? )(\S*?):(\d+)/.exec(message) ?? /:(\d+)(?!.*:\d)/.exec(message);
  return m ? (m[2] ?? m[1]) : '?';
}

export class EngineFailure extends Error {
  constructor(readonly error: EngineError) {
    super(error.message);
  }
}
