import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import { sessionStorageOrUndefined } from '../persistence/web-storage';

/**
 * React.lazy whose chunk import is tried again on failure (with a growing pause) before it gives
 * up. A running Docker engine changes the machine's network interfaces whenever it creates a
 * network, and Chromium then fails requests in flight (net::ERR_NETWORK_CHANGED): a chunk that
 * happens to load at that moment must not take the app down. Browsers remember a failed module
 * fetch for its URL, so a retry imports the failed chunk's URL with a query of its own.
 */
// biome-ignore lint/suspicious/noExplicitAny: React.lazy's own constraint for components of any props
export function lazyRetry<T extends ComponentType<any>>(
  factory: () => Promise<{ default: T }>,
  { attempts = 6, pauseMs = 400 }: { attempts?: number; pauseMs?: number } = {},
): LazyExoticComponent<T> {
  return lazy(() => withRetry(factory, attempts, pauseMs, importFresh as (url: string) => Promise<{ default: T }>, reloadOnce));
}

/** sessionStorage key: when the page last reloaded itself because a part could not be loaded. */
export const RELOAD_KEY = 'blaupause.chunkReload';
/** No second reload within this time: a part that still fails shows its notice with Retry. */
export const RELOAD_GUARD_MS = 120_000;

/**
 * The last resort when a module fetch failed on every attempt: a fresh URL reaches only the part's
 * own chunk, but the failed fetch may have been a chunk that one imports (shared code), and the
 * browser keeps that failure for the page's life — only a new page fetches it again. So the page
 * reloads, once per RELOAD_GUARD_MS: the document is written on pagehide (useAutosave) and the API
 * token is kept for the tab (deploy/token.ts), so nothing of the work is lost but the undo history.
 * True when it reloads.
 */
export function reloadOnce(
  storage: Pick<Storage, 'getItem' | 'setItem'> | undefined = sessionStorageOrUndefined(),
  reload: () => void = () => window.location.reload(),
  now: number = Date.now(),
): boolean {
  try {
    const last = Number(storage?.getItem(RELOAD_KEY) ?? 0);
    if (!storage || now - last < RELOAD_GUARD_MS) return false;
    storage.setItem(RELOAD_KEY, String(now));
  } catch {
    return false; // storage refused: a reload could repeat, so none
  }
  reload();
  return true;
}

/** The chunk URL a failed dynamic import names ("Failed to fetch dynamically imported module: <url>"). */
export function failedModuleUrl(e: unknown): string | undefined {
  const m = /(https?:\/\/\S+?\.m?js)\b/.exec(e instanceof Error ? e.message : String(e));
  return m?.[1];
}

function importFresh(url: string): Promise<unknown> {
  return import(/* @vite-ignore */ url);
}

export async function withRetry<T>(
  factory: () => Promise<T>,
  attempts: number,
  pauseMs: number,
  fresh: (url: string) => Promise<T> = importFresh as (url: string) => Promise<T>,
  /** Called when a module fetch failed on every attempt (lazyRetry: reloadOnce). */
  giveUp?: () => void,
): Promise<T> {
  let load = factory;
  for (let attempt = 1; ; attempt++) {
    try {
      return await load();
    } catch (e) {
      if (attempt >= attempts) {
        if (failedModuleUrl(e)) giveUp?.();
        throw e;
      }
      await new Promise((r) => setTimeout(r, pauseMs * attempt));
      const url = failedModuleUrl(e);
      // A URL never tried before: the browser remembers every failed one, earlier retries' too.
      if (url) load = () => fresh(`${url.split('?')[0]}?retry=${Date.now().toString(36)}${attempt}`);
    }
  }
}
