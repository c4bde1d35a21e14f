import type { Connectivity } from './api-types';
import { API_PATH, TOKEN_HEADER } from './client';

/** Whether the page was served by the Blaupause server, and whether it may use it. */
export type Backend =
  | { kind: 'checking' }
  /** Served statically (vite preview, a file server) or the server is down. */
  | { kind: 'absent' }
  /** The server answers but refuses this page: no token, or one from an earlier launch. */
  | { kind: 'unauthorized' }
  | { kind: 'ready'; connectivity: Connectivity };

const SESSION_PATH = '/api/session';

/**
 * Plain requests rather than the tRPC client: a static server answers index.html (or a 404) for
 * /api/…, which only a raw fetch tells apart cleanly. `/api/session` says whether the token is
 * right without a 401 (a failed request would land in the console); then the engine is asked.
 */
export async function probeBackend(token: string | undefined, fetchImpl: typeof fetch = fetch): Promise<Backend> {
  const headers: Record<string, string> = token ? { [TOKEN_HEADER]: token } : {};
  const session = await json<{ app?: string; authorized?: boolean }>(fetchImpl, SESSION_PATH, headers);
  if (session?.app !== 'blaupause') return { kind: 'absent' };
  if (!session.authorized) return { kind: 'unauthorized' };
  const body = await json<{ result?: { data?: Connectivity } }>(fetchImpl, `${API_PATH}/engine.connectivity`, headers);
  return body?.result?.data ? { kind: 'ready', connectivity: body.result.data } : { kind: 'absent' };
}

async function json<T>(fetchImpl: typeof fetch, path: string, headers: Record<string, string>): Promise<T | undefined> {
  try {
    const res = await fetchImpl(path, { headers });
    if (!res.ok || !(res.headers.get('content-type') ?? '').includes('application/json')) return undefined;
    return (await res.json()) as T;
  } catch {
    return undefined;
  }
}
