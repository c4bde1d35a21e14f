import { spawn } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createStatusHub } from '@blaupause/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppRouter } from '../src/app-router';
import { PortInUseError, startServer } from '../src/http/server';
import { DeployRuns } from '../src/services/deploy-runs';
import { Workspace } from '../src/services/workspace';
import { startTestServer, TOKEN } from './harness';
import { MemoryDriver } from './memory-driver';

let srv: Awaited<ReturnType<typeof startTestServer<MemoryDriver>>>;
beforeAll(async () => {
  srv = await startTestServer(new MemoryDriver());
});
afterAll(async () => {
  await srv.stop();
});

/** A raw request, so tests control every header (fetch would set Host and forbid changing it). */
function raw(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: srv.port, path, method: opts.method ?? 'GET', headers: opts.headers, agent: false },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

const api = (extra: Record<string, string> = {}) => ({ 'x-blaupause-token': TOKEN, ...extra });

describe('the built app', () => {
  it('is served at / with the security headers', async () => {
    const r = await raw('/');
    expect(r.status).toBe(200);
    expect(r.body).toContain('<div id="root">');
    expect(r.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(r.headers['referrer-policy']).toBe('no-referrer');
  });

  it('falls back to index.html for app paths, but a missing asset is a 404', async () => {
    expect((await raw('/some/view')).body).toContain('<div id="root">');
    expect((await raw('/assets/app.js')).body).toContain('console.log');
    expect((await raw('/assets/missing.js')).status).toBe(404);
  });

  it('never serves dotfiles, escapes or symlinks, and answers 304 to a known ETag', async () => {
    writeFileSync(join(srv.root, 'secret.txt'), 'secret');
    writeFileSync(join(srv.root, 'web', '.env'), 'TOKEN=x');
    symlinkSync(join(srv.root, 'secret.txt'), join(srv.root, 'web', 'assets', 'link.txt'));
    for (const path of [
      '/.env',
      '/%2e%2e/secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/assets/link.txt',
      '/a%5c..%5c..%5csecret.txt',
    ]) {
      const r = await raw(path);
      expect(r.body, path).not.toContain('secret');
      expect(r.body, path).not.toContain('TOKEN');
    }
    const first = await raw('/assets/app.js');
    expect(first.headers['cache-control']).toContain('immutable');
    expect((await raw('/assets/app.js', { headers: { 'if-none-match': String(first.headers.etag) } })).status).toBe(304);
  });

  it('says without a token whether the caller has the right one (the probe of the page), running nothing', async () => {
    srv.audit.length = 0;
    expect(JSON.parse((await raw('/api/session')).body)).toEqual({ app: 'blaupause', authorized: false });
    expect(JSON.parse((await raw('/api/session', { headers: api() })).body)).toEqual({ app: 'blaupause', authorized: true });
    expect((await raw('/api/session', { headers: { origin: 'http://evil.test' } })).status).toBe(403);
    expect(srv.audit).toEqual([]);
  });

  it('needs no token (the page must load to receive it), but the API does', async () => {
    expect((await raw('/')).status).toBe(200);
    expect((await raw('/api/trpc/engine.connectivity')).status).toBe(401);
    expect((await raw('/api/trpc/engine.connectivity', { headers: api() })).status).toBe(200);
  });
});

describe('the guard in front of every request', () => {
  it('runs no procedure for any refused request (audit), and one for an accepted request', async () => {
    srv.audit.length = 0;
    const params = (token: string) => encodeURIComponent(JSON.stringify({ token }));
    const json = { 'content-type': 'application/json' };
    const body = JSON.stringify({ project: 'shop' });
    const refused = [
      raw('/api/trpc/engine.connectivity'),
      raw('/api/trpc/engine.connectivity', { headers: { 'x-blaupause-token': 'b'.repeat(64) } }),
      raw('/api/trpc/engine.connectivity', { headers: api({ host: 'evil.test' }) }),
      raw('/api/trpc/engine.connectivity', { headers: api({ origin: 'http://evil.test' }) }),
      raw('/api/trpc/engine.connectivity', { headers: api({ origin: 'null' }) }),
      raw('/api/trpc/deployments.destroy', { method: 'POST', headers: api({ 'content-type': 'text/plain' }), body }),
      raw('/api/trpc/deployments.destroy', {
        method: 'POST',
        headers: api({ 'content-type': 'application/x-www-form-urlencoded' }),
        body: 'project=shop',
      }),
      raw('/api/trpc/deployments.destroy', { method: 'POST', headers: { ...json, origin: 'http://evil.test' }, body }),
      raw(`/api/trpc/status.watch?connectionParams=${params(TOKEN)}`, { headers: { origin: 'http://evil.test' } }),
      raw(`/api/trpc/status.watch?connectionParams=${params(TOKEN)}`, { headers: { 'sec-fetch-site': 'cross-site' } }),
      raw(`/api/trpc/status.watch?connectionParams=${params('c'.repeat(64))}`),
    ];
    for (const r of await Promise.all(refused)) expect(r.status).toBeGreaterThanOrEqual(400);
    expect(srv.audit).toEqual([]);
    expect((await raw('/api/trpc/engine.connectivity', { headers: api() })).status).toBe(200);
    expect(srv.audit).toEqual(['engine.connectivity']);
  });

  it('refuses a wrong Host (DNS rebinding) even with the token', async () => {
    expect((await raw('/api/trpc/engine.connectivity', { headers: api({ host: `evil.test:${srv.port}` }) })).status).toBe(421);
    expect((await raw('/', { headers: { host: 'evil.test' } })).status).toBe(421);
  });

  it('refuses a foreign Origin and Origin: null', async () => {
    expect((await raw('/api/trpc/engine.connectivity', { headers: api({ origin: 'http://evil.test' }) })).status).toBe(403);
    expect((await raw('/api/trpc/engine.connectivity', { headers: api({ origin: 'null' }) })).status).toBe(403);
    expect((await raw('/api/trpc/engine.connectivity', { headers: api({ origin: `http://127.0.0.1:${srv.port}` }) })).status).toBe(200);
  });

  it('refuses a stale token', async () => {
    expect((await raw('/api/trpc/engine.connectivity', { headers: { 'x-blaupause-token': 'b'.repeat(64) } })).status).toBe(401);
  });

  it('refuses a non-JSON body (a cross-site form post) and an oversized one, executing nothing', async () => {
    const before = srv.driver.applied.length;
    const form = await raw('/api/trpc/deployments.deploy', {
      method: 'POST',
      headers: api({ 'content-type': 'text/plain' }),
      body: JSON.stringify({ blueprint: { text: 'x' } }),
    });
    expect(form.status).toBe(415);
    const big = await raw('/api/trpc/workspace.write', {
      method: 'POST',
      headers: api({ 'content-type': 'application/json', 'content-length': String(7 * 1024 * 1024) }),
      body: '',
    });
    expect(big.status).toBe(413);
    expect(srv.driver.applied.length).toBe(before);
  });

  it('refuses a cross-site EventSource even when it carries a token', async () => {
    const params = encodeURIComponent(JSON.stringify({ token: TOKEN }));
    const r = await raw(`/api/trpc/status.watch?connectionParams=${params}`, {
      headers: { 'sec-fetch-site': 'cross-site', accept: 'text/event-stream' },
    });
    expect(r.status).toBe(403);
  });
});

describe('a dev server proxying /api', () => {
  it('is accepted only when named with --dev-origin', async () => {
    const driver = new MemoryDriver();
    const deps = {
      driver,
      statusHub: createStatusHub((p, s) => driver.watch(p, s)),
      workspace: new Workspace(join(srv.root, 'ws4')),
      runs: new DeployRuns(driver),
    };
    const dev = await startServer({
      router: createAppRouter(deps),
      staticDir: srv.root,
      host: '127.0.0.1',
      port: 0,
      token: TOKEN,
      devOrigins: ['http://127.0.0.1:5173'],
    });
    const viaProxy = (origin: string) =>
      new Promise<number>((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port: dev.port,
            path: '/api/trpc/engine.connectivity',
            agent: false,
            headers: api({ host: new URL(origin).host, origin }),
          },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on('error', reject);
        req.end();
      });
    try {
      expect(await viaProxy('http://127.0.0.1:5173')).toBe(200);
      expect(await viaProxy('http://127.0.0.1:5174')).toBe(421);
    } finally {
      await dev.close();
    }
  });
});

describe('starting', () => {
  it('refuses a taken port with a clear message', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as { port: number }).port;
    try {
      const driver = new MemoryDriver();
      const deps = {
        driver,
        statusHub: createStatusHub((p, s) => driver.watch(p, s)),
        workspace: new Workspace(join(srv.root, 'ws2')),
        runs: new DeployRuns(driver),
      };
      const attempt = startServer({ router: createAppRouter(deps), staticDir: srv.root, host: '127.0.0.1', port, token: TOKEN });
      await expect(attempt).rejects.toBeInstanceOf(PortInUseError);
      await expect(attempt).rejects.toThrow(`port ${port} is in use; start with --port N or PORT=N`);

      // The real entry point prints it and exits 1.
      const main = join(import.meta.dirname, '..', 'src', 'main.ts');
      const tsx = join(import.meta.dirname, '..', 'node_modules', '.bin', 'tsx');
      const child = spawn(tsx, [main, '--port', String(port), '--workspace', join(srv.root, 'ws3')], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      const code = await new Promise<number | null>((r) => child.on('exit', r));
      expect(code).toBe(1);
      expect(stderr.trim()).toBe(`port ${port} is in use; start with --port N or PORT=N`);
    } finally {
      blocker.close();
    }
  });
});
