import { sessionStorageOrUndefined } from '../persistence/web-storage';

/**
 * The per-launch API token (issue 5). The server prints the app's URL with `#token=…`; the
 * fragment is never sent to a server nor put in a Referer. It is kept for this tab only
 * (sessionStorage: a reload keeps it, a new launch of the server replaces it) and the address bar
 * is cleaned at once, so the token does not end up in history, bookmarks or screenshots.
 */
const KEY = 'blaupause.apiToken';
const IN_HASH = /(?:^#|&)token=([a-f0-9]{64})(?=&|$)/;

export function takeToken(loc: Location = window.location, history: History = window.history, storage?: Storage): string | undefined {
  const store = storage ?? sessionStorageOrUndefined();
  const m = IN_HASH.exec(loc.hash);
  if (m) {
    try {
      store?.setItem(KEY, m[1]!);
    } catch {
      // storage refused: the token lives until the tab reloads
    }
    history.replaceState(history.state, '', `${loc.pathname}${loc.search}`);
    return m[1];
  }
  try {
    return store?.getItem(KEY) ?? undefined;
  } catch {
    return undefined;
  }
}
