import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { buildServer, TestServer } from '../fixtures/server';

/**
 * Issue 5 in a real browser: a page served from ANOTHER loopback port (127.0.0.1:4332 — same site,
 * other origin, so SameSite cookies and "it's only localhost" help nothing) tries every way a web
 * page has to read or drive the Blaupause API on 127.0.0.1:4331: fetch with and without credentials,
 * a no-cors text/plain POST, a fetch carrying a leaked token, HTML form posts, and EventSources to
 * the status stream with and without a leaked token. None may read an answer, and the server's audit
 * log (BLAUPAUSE_AUDIT_LOG: one line per procedure run) must show that none of them executed anything.
 */
const API_PORT = 4331;
const EVIL_PORT = 4332;
const API = `http://127.0.0.1:${API_PORT}`;
const EVIL = `http://127.0.0.1:${EVIL_PORT}`;

const dir = mkdtempSync(join(tmpdir(), 'bp-xorigin-'));
const workspace = join(dir, 'workspace');
const auditFile = join(dir, 'audit.log');
const server = new TestServer({ port: API_PORT, workspace });
const TOKEN = server.token;
let evil: Server | undefined;

/** The attacker's page: every attempt records what it could see in window.results. */
const EVIL_PAGE = `<!doctype html><meta charset="utf-8"><title>evil</title>
<iframe name="sink" style="display:none"></iframe>
<form id="f1" method="POST" target="sink" enctype="text/plain" action="${API}/api/trpc/workspace.write">
  <input name='{"name":"pwnedform","text":"apiVersion: blaupause.dev/v1\\nkind: Blueprint\\nmetadata:\\n  name: x\\n","x":"' value='"}'>
</form>
<form id="f2" method="POST" target="sink" action="${API}/api/trpc/deployments.destroy">
  <input name="project" value="shop">
</form>
<script>
const API = ${JSON.stringify(API)};
const TOKEN = ${JSON.stringify(TOKEN)};
const write = JSON.stringify({ name: 'pwned', text: 'apiVersion: blaupause.dev/v1\\nkind: Blueprint\\nmetadata:\\n  name: x\\n' });
const outcome = (p) => p.then(
  async (r) => ({ read: r.type !== 'opaque', status: r.status, body: r.type === 'opaque' ? '' : await r.text() }),
  (e) => ({ read: false, error: String(e) }),
);
function stream(url) {
  return new Promise((resolve) => {
    const es = new EventSource(url);
    const seen = [];
    es.onmessage = (m) => seen.push(m.data);
    es.addEventListener('connected', (m) => seen.push('connected:' + m.data));
    es.onerror = () => { es.close(); resolve({ read: seen.length > 0, seen }); };
    setTimeout(() => { es.close(); resolve({ read: seen.length > 0, seen, open: es.readyState }); }, 3000);
  });
}
window.results = (async () => {
  const params = (t) => encodeURIComponent(JSON.stringify({ token: t }));
  const r = {};
  r.fetchPlain = await outcome(fetch(API + '/api/trpc/workspace.list'));
  r.fetchWithCookie = await outcome(fetch(API + '/api/trpc/workspace.list', { credentials: 'include' }));
  r.noCorsTextPost = await outcome(fetch(API + '/api/trpc/workspace.write', { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'content-type': 'text/plain' }, body: write }));
  r.noCorsFormPost = await outcome(fetch(API + '/api/trpc/deployments.destroy', { method: 'POST', mode: 'no-cors', body: new URLSearchParams({ project: 'shop' }) }));
  r.leakedTokenJson = await outcome(fetch(API + '/api/trpc/workspace.write', { method: 'POST', headers: { 'content-type': 'application/json', 'x-blaupause-token': TOKEN }, body: write }));
  r.leakedTokenRead = await outcome(fetch(API + '/api/trpc/workspace.list', { headers: { 'x-blaupause-token': TOKEN } }));
  r.streamNoToken = await stream(API + '/api/trpc/status.watch?input=' + encodeURIComponent(JSON.stringify({ project: 'shop' })));
  r.streamLeakedToken = await stream(API + '/api/trpc/status.watch?input=' + encodeURIComponent(JSON.stringify({ project: 'shop' })) + '&connectionParams=' + params(TOKEN));
  r.streamWithCredentials = await new Promise((resolve) => {
    const es = new EventSource(API + '/api/trpc/status.watch?connectionParams=' + params(TOKEN), { withCredentials: true });
    es.onmessage = () => resolve({ read: true });
    es.onerror = () => { es.close(); resolve({ read: false }); };
  });
  document.getElementById('f1').submit();
  await new Promise((res) => setTimeout(res, 700));
  document.getElementById('f2').submit();
  await new Promise((res) => setTimeout(res, 700));
  r.done = true;
  return r;
})();
</script>`;

const audit = () => (existsSync(auditFile) ? readFileSync(auditFile, 'utf8').trim().split('\n').filter(Boolean) : []);

test.beforeAll(async () => {
  test.setTimeout(120_000);
  buildServer();
  mkdirSync(workspace, { recursive: true });
  writeFileSync(join(workspace, 'keep.blueprint.yaml'), 'apiVersion: blaupause.dev/v1\nkind: Blueprint\nmetadata:\n  name: keep\n');
  await server.start({ BLAUPAUSE_AUDIT_LOG: auditFile, DOCKER_HOST: `unix://${join(dir, 'no-engine.sock')}` });
  evil = createServer((_req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(EVIL_PAGE);
  });
  await new Promise<void>((resolve) => evil?.listen(EVIL_PORT, '127.0.0.1', resolve));
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => (evil ? evil.close(() => resolve()) : resolve()));
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('a page on another loopback port can neither read nor drive the API, and runs no procedure', async ({ page, context }) => {
  test.setTimeout(60_000);
  // The audit log works: the token holder's call is recorded (so an empty log below means something).
  const own = await fetch(`${API}/api/trpc/workspace.list`, { headers: { 'x-blaupause-token': TOKEN } });
  expect(own.status).toBe(200);
  expect(audit()).toEqual([expect.stringMatching(/ query workspace\.list$/)]);
  const before = audit().length;

  // Cookies are not isolated by port: one set for 127.0.0.1 rides along on credentialed requests.
  await context.addCookies([{ name: 'x-blaupause-token', value: TOKEN, domain: '127.0.0.1', path: '/' }]);
  const refused: { url: string; status: number }[] = [];
  page.on('response', (r) => {
    if (r.url().startsWith(API)) refused.push({ url: r.url(), status: r.status() });
  });

  await page.goto(`${EVIL}/`);
  const results = (await page.evaluate(() => (window as unknown as { results: Promise<unknown> }).results)) as Record<
    string,
    { read?: boolean; body?: string; seen?: string[] } | boolean
  >;
  expect(results.done).toBe(true);
  for (const [attack, r] of Object.entries(results)) {
    if (attack === 'done') continue;
    expect(r, attack).toMatchObject({ read: false });
    expect(JSON.stringify(r), attack).not.toContain('keep');
  }

  // Nothing ran: not one procedure in the audit log, no file written, the saved one untouched.
  await page.waitForTimeout(500);
  expect(audit().slice(before)).toEqual([]);
  expect(readdirSync(workspace).sort()).toEqual(['keep.blueprint.yaml']);
  // The browser did reach the server (these are refusals, not network failures).
  expect(refused.length).toBeGreaterThan(0);
  expect(refused.every((r) => r.status >= 400)).toBe(true);
});
