import { type ComponentType, type LazyExoticComponent, lazy } from 'react';

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
  return lazy(() => withRetry(factory, attempts, pauseMs, importFresh as (url: string) => Promise<{ default: T }>));
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
): Promise<T> {
  let load = factory;
  for (let attempt = 1; ; attempt++) {
    try {
      return await load();
    } catch (e) {
      if (attempt >= attempts) throw e;
      await new Promise((r) => setTimeout(r, pauseMs * attempt));
      const url = failedModuleUrl(e);
      // A URL never tried before: the browser remembers every failed one, earlier retries' too.
      if (url) load = () => fresh(`${url.split('?')[0]}?retry=${Date.now().toString(36)}${attempt}`);
    }
  }
}
