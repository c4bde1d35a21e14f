/** requestIdleCallback (at most `timeout` ms late), or a timeout where the browser has none. */
export const whenIdle = (f: () => void, timeout = 1000): number =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(f, { timeout }) : (setTimeout(f, 0) as unknown as number);

export const cancelIdle = (id: number): void => {
  if (typeof cancelIdleCallback === 'function') cancelIdleCallback(id);
  else clearTimeout(id);
};
