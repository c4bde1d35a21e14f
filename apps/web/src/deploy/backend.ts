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

/**
 * One plain request rather than the tRPC client: a static server answers index.html (or a 404)
 * for /api/…, which only a raw fetch tells apart cleanly from the API's own errors.
 */
export async function probeBackend(token: string | undefined, fetchImpl: typeof fetch = fetch): Promise<Backend> {
  let res: Response;
  try {
    res = await fetchImpl(`${API_PATH}/engine.connectivity`, { headers: token ? { [TOKEN_HEADER]: token } : {} });
  } catch {
    return { kind: 'absent' };
  }
  if (res.status === 401) return { kind: 'unauthorized' };
  if (!res.ok || !(res.headers.get('content-type') ?? '').includes('application/json')) return { kind: 'absent' };
  try {
    const body = (await res.json()) as { result?: { data?: Connectivity } };
    return body.result?.data ? { kind: 'ready', connectivity: body.result.data } : { kind: 'absent' };
  } catch {
    return { kind: 'absent' };
  }
}
