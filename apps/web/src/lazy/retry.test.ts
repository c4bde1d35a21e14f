import { describe, expect, it } from 'vitest';
import { failedModuleUrl, withRetry } from './retry';

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
});
