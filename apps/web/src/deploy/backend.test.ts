import { describe, expect, it } from 'vitest';
import { probeBackend } from './backend';

const answer = (status: number, body: string, type = 'application/json') =>
  (async () => new Response(body, { status, headers: { 'content-type': type } })) as unknown as typeof fetch;

describe('probeBackend', () => {
  it('tells a static server (index.html for /api) from the API', async () => {
    expect(await probeBackend('t', answer(200, '<!doctype html>', 'text/html'))).toEqual({ kind: 'absent' });
    expect(await probeBackend('t', answer(404, 'nope', 'text/plain'))).toEqual({ kind: 'absent' });
  });

  it('says so when the server refuses the token', async () => {
    expect(await probeBackend(undefined, answer(401, 'missing or wrong token', 'text/plain'))).toEqual({ kind: 'unauthorized' });
  });

  it('reads the connectivity answer', async () => {
    const body = JSON.stringify({ result: { data: { connected: false, error: { code: 'ENGINE_UNREACHABLE', message: 'no' } } } });
    expect(await probeBackend('t', answer(200, body))).toMatchObject({ kind: 'ready', connectivity: { connected: false } });
  });

  it('treats a network failure as no backend', async () => {
    const failing = (async () => {
      throw new TypeError('fetch failed');
    }) as unknown as typeof fetch;
    expect(await probeBackend('t', failing)).toEqual({ kind: 'absent' });
  });
});
