import { describe, expect, it } from 'vitest';
import { probeBackend } from './backend';

type Reply = { status: number; body: string; type?: string };
/** A fetch that answers by path, recording what was asked. */
function server(routes: Record<string, Reply>) {
  const asked: string[] = [];
  const f = (async (path: string) => {
    asked.push(path);
    const r = routes[path] ?? { status: 404, body: 'nope', type: 'text/plain' };
    return new Response(r.body, { status: r.status, headers: { 'content-type': r.type ?? 'application/json' } });
  }) as unknown as typeof fetch;
  return { f, asked };
}

const session = (authorized: boolean): Reply => ({ status: 200, body: JSON.stringify({ app: 'blaupause', authorized }) });

describe('probeBackend', () => {
  it('tells a static server (index.html for /api) from the Blaupause server', async () => {
    expect(await probeBackend('t', server({ '/api/session': { status: 200, body: '<!doctype html>', type: 'text/html' } }).f)).toEqual({
      kind: 'absent',
    });
    expect(await probeBackend('t', server({}).f)).toEqual({ kind: 'absent' });
  });

  it('says so when the server refuses the token, without calling the API', async () => {
    const s = server({ '/api/session': session(false) });
    expect(await probeBackend(undefined, s.f)).toEqual({ kind: 'unauthorized' });
    expect(s.asked).toEqual(['/api/session']);
  });

  it('reads the connectivity answer', async () => {
    const body = JSON.stringify({ result: { data: { connected: false, error: { code: 'ENGINE_UNREACHABLE', message: 'no' } } } });
    const s = server({ '/api/session': session(true), '/api/trpc/engine.connectivity': { status: 200, body } });
    expect(await probeBackend('t', s.f)).toMatchObject({ kind: 'ready', connectivity: { connected: false } });
  });

  it('treats a network failure as no backend', async () => {
    const failing = (async () => {
      throw new TypeError('fetch failed');
    }) as unknown as typeof fetch;
    expect(await probeBackend('t', failing)).toEqual({ kind: 'absent' });
  });
});
