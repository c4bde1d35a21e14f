import { describe, expect, it } from 'vitest';
import { failedModuleUrl, RELOAD_GUARD_MS, RELOAD_KEY, reloadOnce, withRetry } from './retry';

describe('withRetry (lazy chunks)', () => {
  it('tries again after a failed load and answers the first success', async () => {
    let calls = 0;
    const load = async () => {
      calls++;
      if (calls < 3) throw new TypeError('network down');
      return { default: 'chunk' };
    };
    expect(await withRetry(load, 4, 1)).toEqual({ default: 'chunk' });
    expect(calls).toBe(3);
  });

  it('imports the failed chunk again under a fresh URL (browsers remember a failed module fetch)', async () => {
    const fresh: string[] = [];
    const load = async () => {
      throw new TypeError('Failed to fetch dynamically imported module: http://127.0.0.1:4310/assets/DeployDock-Ab12.js');
    };
    const r = await withRetry(load, 3, 1, async (url) => {
      fresh.push(url);
      if (fresh.length < 2) throw new TypeError(`Failed to fetch dynamically imported module: ${url}`);
      return 'loaded';
    });
    expect(r).toBe('loaded');
    expect(fresh).toHaveLength(2);
    for (const url of fresh) expect(url).toMatch(/^http:\/\/127\.0\.0\.1:4310\/assets\/DeployDock-Ab12\.js\?retry=\w+$/);
    // Never a URL tried before: the browser remembers every failed one.
    expect(new Set(fresh).size).toBe(2);
    expect(failedModuleUrl(new Error('no url here'))).toBeUndefined();
  });

  it('gives up after the last attempt with the load error', async () => {
    let calls = 0;
    const load = async () => {
      calls++;
      throw new TypeError('net::ERR_NETWORK_CHANGED');
    };
    await expect(withRetry(load, 3, 1)).rejects.toThrow('ERR_NETWORK_CHANGED');
    expect(calls).toBe(3);
  });

  it('after the last attempt of a module fetch gives up to the reload (a failed import of a shared chunk stays failed for the page)', async () => {
    const moduleError = () => {
      throw new TypeError('Failed to fetch dynamically imported module: http://127.0.0.1:4310/assets/DeployDock-Ab12.js');
    };
    let gaveUp = 0;
    await expect(
      withRetry(
        async () => moduleError(),
        2,
        1,
        async () => moduleError(),
        () => gaveUp++,
      ),
    ).rejects.toThrow('DeployDock');
    expect(gaveUp).toBe(1);
    // Not for an error that names no module (nothing a new page would fetch differently), nor before the last attempt.
    await expect(
      withRetry(
        async () => Promise.reject(new Error('boom')),
        2,
        1,
        undefined,
        () => gaveUp++,
      ),
    ).rejects.toThrow('boom');
    let calls = 0;
    const once = async () => {
      if (calls++ === 0) moduleError();
      return 'ok';
    };
    expect(
      await withRetry(
        once,
        3,
        1,
        async () => 'fresh',
        () => gaveUp++,
      ),
    ).toBe('fresh');
    expect(gaveUp).toBe(1);
  });

  it('reloads once per guard time, and not at all when the tab storage refuses', () => {
    const map = new Map<string, string>();
    const storage = { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
    let reloads = 0;
    const reload = () => reloads++;
    expect(reloadOnce(storage, reload, 1_000_000)).toBe(true);
    expect(map.get(RELOAD_KEY)).toBe('1000000');
    expect(reloadOnce(storage, reload, 1_000_000 + RELOAD_GUARD_MS - 1)).toBe(false);
    expect(reloadOnce(storage, reload, 1_000_000 + RELOAD_GUARD_MS)).toBe(true);
    expect(reloads).toBe(2);
    const refusing = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(reloadOnce(refusing, reload, 5)).toBe(false);
    expect(reloadOnce(undefined, reload, 5)).toBe(false);
    expect(reloads).toBe(2);
  });
});
