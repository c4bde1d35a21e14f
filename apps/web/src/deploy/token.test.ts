import { describe, expect, it } from 'vitest';
import { takeToken } from './token';

function fakes(hash: string) {
  const store = new Map<string, string>();
  const storage = {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
  } as unknown as Storage;
  const replaced: string[] = [];
  const history = { state: null, replaceState: (_s: unknown, _t: string, url: string) => void replaced.push(url) } as unknown as History;
  const loc = { hash, pathname: '/', search: '' } as Location;
  return { storage, history, loc, replaced };
}

describe('takeToken', () => {
  const token = 'ab'.repeat(32);

  it('takes the token from the fragment, keeps it for the tab and cleans the address bar', () => {
    const f = fakes(`#token=${token}`);
    expect(takeToken(f.loc, f.history, f.storage)).toBe(token);
    expect(f.replaced).toEqual(['/']);
    const again = { ...f, loc: { hash: '', pathname: '/', search: '' } as Location };
    expect(takeToken(again.loc, again.history, f.storage)).toBe(token);
  });

  it('ignores anything that is not 64 hex digits', () => {
    const f = fakes('#token=<script>');
    expect(takeToken(f.loc, f.history, f.storage)).toBeUndefined();
    expect(f.replaced).toEqual([]);
  });
});
