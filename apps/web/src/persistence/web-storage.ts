/**
 * The browser's storages, unless the browser refuses them (private modes, disabled storage: even
 * reading `window.localStorage` can throw). Callers treat undefined as "nothing kept".
 */
export function localStorageOrUndefined(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** sessionStorage (this tab only), unless the browser refuses it. */
export function sessionStorageOrUndefined(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}
