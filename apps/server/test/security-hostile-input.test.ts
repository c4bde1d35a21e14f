import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TOKEN } from './harness';
import { MemoryDriver } from './memory-driver';

/**
 * Hostile input through the real HTTP server (issue 5, threat model C6): an alias bomb, 20,000-deep
 * nesting and a 50 MB body or file are each refused in under a second, while a probe keeps asking
 * the server something else every 20 ms — its slowest answer during the attack must stay short,
 * so one bad request never stalls the server for everyone else.
 */
let srv: Awaited<ReturnType<typeof startTestServer<MemoryDriver>>>;
beforeAll(async () => {
  srv = await startTestServer(new MemoryDriver());
});
afterAll(async () => {
  await srv.stop();
});

const MB = 1024 * 1024;
const headers = { 'x-blaupause-token': TOKEN, 'content-type': 'application/json' };

interface Answer {
  status: number;
  body: string;
  ms: number;
}

/** One POST; `chunks` streams the body without a Content-Length (a client that lies or does not say). */
function post(path: string, body: string | { chunks: number; chunk: Buffer }, extra: Record<string, string> = {}): Promise<Answer> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: srv.port, path, method: 'POST', headers: { ...headers, ...extra }, agent: false },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c.length < 4096 ? c : c.slice(0, 4096)));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, ms: performance.now() - t0 }));
      },
    );
    // The server may close the connection while we still write: that is the refusal, not an error.
    req.on('error', (e: NodeJS.ErrnoException) =>
      ['EPIPE', 'ECONNRESET'].includes(e.code ?? '') ? resolve({ status: -1, body: e.code ?? '', ms: performance.now() - t0 }) : reject(e),
    );
    if (typeof body === 'string') req.end(body);
    else {
      let sent = 0;
      const pump = () => {
        while (sent < body.chunks) {
          sent++;
          if (!req.write(body.chunk)) return void req.once('drain', pump);
        }
        req.end();
      };
      pump();
    }
  });
}

/** Asks `engine.connectivity` every 20 ms until stopped; answers how many answered and the slowest. */
function probe() {
  let stop = false;
  const times: number[] = [];
  const loop = (async () => {
    while (!stop) {
      const t0 = performance.now();
      const r = await fetch(`${srv.origin}/api/trpc/engine.connectivity`, { headers: { 'x-blaupause-token': TOKEN } });
      await r.text();
      if (r.status !== 200) throw new Error(`probe got ${r.status}`);
      times.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  return async () => {
    stop = true;
    await loop;
    return { answered: times.length, slowest: Math.max(...times) };
  };
}

/** Runs the attack beside the probe: the attack is refused under 1 s and the server kept answering. */
async function underAttack(attack: () => Promise<Answer>) {
  const stopProbe = probe();
  await new Promise((r) => setTimeout(r, 100)); // the probe is running before the attack starts
  const answer = await attack();
  await new Promise((r) => setTimeout(r, 100));
  const health = await stopProbe();
  expect(answer.ms).toBeLessThan(1_000);
  expect(health.answered).toBeGreaterThanOrEqual(2);
  expect(health.slowest).toBeLessThan(1_000);
  return answer;
}

const validate = (text: string) => JSON.stringify({ text });
const appCode = (a: Answer) => {
  const parsed = JSON.parse(a.body) as {
    result?: { data: { diagnostics: { code: string }[] } };
    error?: { data?: { appError?: { code: string } } };
  };
  return parsed.result?.data.diagnostics.map((d) => d.code) ?? parsed.error?.data?.appError?.code;
};

function aliasBomb(levels = 9): string {
  const lines = ['x-a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let k = 1; k < levels; k++) {
    const [me, prev] = [String.fromCharCode(97 + k), String.fromCharCode(96 + k)];
    lines.push(`x-${me}: &${me} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  return `apiVersion: blaupause.dev/v1\nkind: Blueprint\nmetadata:\n  name: bomb\n${lines.join('\n')}\nservices: {}\n`;
}

describe('hostile input through the HTTP server: refused fast, the server keeps answering', () => {
  it('an alias bomb (9 levels, 387 million nodes expanded) is RESOURCE_LIMIT', async () => {
    const a = await underAttack(() => post('/api/trpc/blueprints.validate?batch=1', JSON.stringify({ 0: { text: aliasBomb() } })));
    expect(a.status).toBe(200);
    expect(JSON.parse(a.body)[0].result.data.diagnostics.map((d: { code: string }) => d.code)).toContain('RESOURCE_LIMIT');
  });

  it('20,000-deep nesting as YAML text (flow and block) is RESOURCE_LIMIT', async () => {
    for (const deep of [`${'['.repeat(20_000)}${']'.repeat(20_000)}`, `\n  ${'- '.repeat(20_000)}x`]) {
      const text = `apiVersion: blaupause.dev/v1\nkind: Blueprint\nmetadata:\n  name: deep\nx-deep: ${deep}\nservices: {}\n`;
      const a = await underAttack(() => post('/api/trpc/blueprints.validate', validate(text)));
      expect(a.status).toBe(200);
      expect(appCode(a)).toContain('RESOURCE_LIMIT');
    }
  });

  it('20,000- and 2,000,000-deep JSON bodies are refused before JSON.parse (400), unread by any procedure', async () => {
    srv.audit.length = 0;
    for (const depth of [20_000, 2_000_000]) {
      const deep = `${'['.repeat(depth)}${']'.repeat(depth)}`;
      const body = `{"document":{"apiVersion":"blaupause.dev/v1","kind":"Blueprint","metadata":{"name":"deep"},"services":{"web":${deep}}}}`;
      const a = await underAttack(() => post('/api/trpc/blueprints.validate', body));
      expect(a.status, `depth ${depth}`).toBe(400);
      expect(a.body).toContain('nests deeper than');
    }
    // Only the probe's queries ran: the refused bodies reached no procedure.
    expect(srv.audit.filter((p) => p !== 'engine.connectivity')).toEqual([]);
  });

  it('a document within the body cap but deeper than a blueprint may be gets the file budget: RESOURCE_LIMIT', async () => {
    const deep = `${'['.repeat(70)}${']'.repeat(70)}`;
    const body = `{"document":{"apiVersion":"blaupause.dev/v1","kind":"Blueprint","metadata":{"name":"deep"},"services":{"web":${deep}}}}`;
    const a = await post('/api/trpc/blueprints.validate', body);
    expect(a.status).toBe(200);
    expect(appCode(a)).toEqual(['RESOURCE_LIMIT']);
  });

  it('a 50 MB body is 413 whether it announces its length or streams it', async () => {
    const declared = await underAttack(() => post('/api/trpc/workspace.write', 'x'.repeat(1024), { 'content-length': String(50 * MB) }));
    expect(declared.status).toBe(413);
    const chunk = Buffer.from(`{"name":"big","text":"${'y'.repeat(MB - 30)}`);
    const streamed = await underAttack(() => post('/api/trpc/workspace.write', { chunks: 50, chunk }, { 'transfer-encoding': 'chunked' }));
    // 413, or the connection closed while we were still sending (the server stopped reading).
    expect([413, -1]).toContain(streamed.status);
    expect((await srv.workspace.list()).ok && (await srv.workspace.list())).toMatchObject({ value: [] });
  });

  it('a 50 MB blueprint file in the workspace is FILE_TOO_LARGE, never read into memory', async () => {
    await srv.workspace.list(); // creates the folder
    writeFileSync(join(srv.workspace.dir, 'huge.blueprint.yaml'), Buffer.alloc(50 * MB, 0x61));
    const a = await underAttack(() =>
      post('/api/trpc/workspace.read', JSON.stringify({ name: 'huge' }), { 'x-http-method-override': 'GET' }),
    );
    expect(appCode(a)).toBe('FILE_TOO_LARGE');
  });
});
