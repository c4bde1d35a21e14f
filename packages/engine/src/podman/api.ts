import { type IncomingMessage, request } from 'node:http';

/**
 * A small client for Podman's libpod REST API (`podman system service`) over its unix socket:
 * Node's http, no CLI. Non-2xx answers become `PodmanHttpError` with Podman's own message; the
 * driver turns those into EngineErrors (errors.ts). Streams (events, logs) are the raw response.
 */
export const API_PREFIX = '/v4.0.0/libpod';

export type Query = Record<string, string | number | boolean | string[] | Record<string, string[]> | undefined>;

export class PodmanHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly path: string,
  ) {
    super(message);
  }
}

export interface RequestOptions {
  query?: Query;
  body?: string | Buffer;
  contentType?: string;
  signal?: AbortSignal;
}

/** Every call made, for tests that count mutating requests. */
export interface CallRecord {
  method: string;
  path: string;
}

export class PodmanApi {
  readonly calls: CallRecord[] = [];

  constructor(readonly socket: string) {}

  get endpoint(): string {
    return `unix://${this.socket}`;
  }

  /** A response stream (2xx only): the caller reads and closes it. */
  stream(method: string, path: string, opts: RequestOptions = {}): Promise<IncomingMessage> {
    const full = `${API_PREFIX}${path}${queryString(opts.query)}`;
    this.calls.push({ method, path });
    return new Promise((resolve, reject) => {
      const headers: Record<string, string | number> = {};
      if (opts.body !== undefined) {
        headers['Content-Type'] = opts.contentType ?? 'application/json';
        headers['Content-Length'] = Buffer.byteLength(opts.body);
      }
      const req = request({ socketPath: this.socket, path: full, method, headers, signal: opts.signal }, (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 200 && status < 300) return resolve(res);
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => reject(new PodmanHttpError(status, messageOf(Buffer.concat(chunks).toString('utf8')), path)));
      });
      req.on('error', reject);
      if (opts.body !== undefined) req.write(opts.body);
      req.end();
    });
  }

  /** The whole answer, parsed as JSON when it is JSON (undefined for an empty body). */
  async call<T = unknown>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
    const res = await this.stream(method, path, opts);
    const chunks: Buffer[] = [];
    for await (const c of res) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    if (!text.trim()) return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      return text as T;
    }
  }

  get<T = unknown>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
    return this.call<T>('GET', path, { query, signal });
  }

  /** True when GET answers 2xx, false on 404 (other errors throw). */
  async exists(path: string): Promise<boolean> {
    try {
      await this.call('GET', path);
      return true;
    } catch (e) {
      if (e instanceof PodmanHttpError && e.status === 404) return false;
      throw e;
    }
  }
}

function queryString(q: Query | undefined): string {
  if (!q) return '';
  const parts: string[] = [];
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined) continue;
    if (Array.isArray(v)) for (const item of v) parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(item)}`);
    else if (typeof v === 'object') parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(JSON.stringify(v))}`);
    else parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

function messageOf(body: string): string {
  try {
    const j = JSON.parse(body) as { message?: string; cause?: string };
    return j.message ?? j.cause ?? body;
  } catch {
    return body.trim() || 'no message';
  }
}
