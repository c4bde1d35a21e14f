import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_LIMITS } from '@blaupause/model';
import type { AnyTRPCRouter } from '@trpc/server';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import type { Context } from '../trpc';
import { readBody } from './body';
import { API_PREFIX, checkRequest, type GuardPolicy, isAuthorized, loopbackPolicy, SESSION_PATH } from './guard';
import { setSecurityHeaders, staticApp } from './static';

export const DEFAULT_PORT = 4310;
export const TRPC_PATH = '/api/trpc';
/** A blueprint is at most 4 MiB of text (model budgets); JSON escaping and the envelope get headroom. */
export const MAX_BODY_BYTES = 6 * 1024 * 1024;
/** A blueprint nests at most DEFAULT_LIMITS.maxDepth (64) levels; the tRPC envelope adds a few. */
export const MAX_BODY_DEPTH = DEFAULT_LIMITS.maxDepth + 16;

export interface ServerOptions {
  router: AnyTRPCRouter;
  /** Folder of the built web app (apps/web/dist). */
  staticDir: string;
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  /** Per-launch API token; undefined disables the token check (never in main.ts). */
  token: string | undefined;
  /** Told of every procedure that runs (tests prove refused requests run none). */
  audit?: Context['audit'];
  /** Origins of a Vite dev server proxying /api here (`--dev-origin`); their Host and Origin are allowed too. */
  devOrigins?: string[];
}

export interface RunningServer {
  server: Server;
  port: number;
  /** The app's address, without the token. */
  origin: string;
  /** The address to open: the token rides in the fragment, which browsers never send or log. */
  url: string;
  close(): Promise<void>;
}

export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(`port ${port} is in use; start with --port N or PORT=N`);
    this.name = 'PortInUseError';
  }
}

/**
 * One Node http server: the tRPC API (standalone adapter, the one tRPC documents for Node http;
 * SSE subscriptions included) under /api/trpc and the built web app everywhere else. All request
 * handling goes through `handle`, where the guard (Host, Origin, token, JSON-only, body cap) runs first.
 */
export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const trpc = createHTTPHandler({
    router: opts.router,
    basePath: TRPC_PATH,
    maxBodySize: MAX_BODY_BYTES,
    allowMethodOverride: true,
    createContext: ({ req }): Context => ({ remote: req.socket.remoteAddress, ...(opts.audit ? { audit: opts.audit } : {}) }),
  });
  const app = staticApp(opts.staticDir);
  let policy: GuardPolicy | undefined;

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    setSecurityHeaders(res);
    const verdict = policy ? checkRequest(req, url, policy) : { ok: false as const, status: 503, message: 'starting' };
    if (!verdict.ok) return refuse(res, verdict.status, verdict.message);
    if (url.pathname === SESSION_PATH && policy) {
      res.setHeader('Content-Type', 'application/json');
      res.setHeader('Cache-Control', 'no-store');
      res.end(JSON.stringify({ app: 'blaupause', authorized: isAuthorized(req, url, policy) }));
      return;
    }
    if (url.pathname.startsWith(API_PREFIX)) {
      if (!url.pathname.startsWith(`${TRPC_PATH}/`)) notFound(res);
      else if (req.method !== 'POST') trpc(req, res);
      else
        void readBody(req, MAX_BODY_BYTES, MAX_BODY_DEPTH).then((body) => {
          if (!body.ok) return refuse(res, body.status, body.message);
          (req as IncomingMessage & { body?: string }).body = body.text;
          trpc(req, res);
        });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.statusCode = 405;
      res.end();
      return;
    }
    app(req, res);
  };

  const server = createServer(handle);
  await listen(server, opts.host, opts.port);
  const port = (server.address() as AddressInfo).port;
  policy = loopbackPolicy(opts.host, port, opts.token, MAX_BODY_BYTES, opts.devOrigins);
  const origin = `http://${opts.host.includes(':') ? `[${opts.host}]` : opts.host}:${port}`;
  return {
    server,
    port,
    origin,
    url: opts.token ? `${origin}/#token=${opts.token}` : `${origin}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Open SSE streams would keep close() waiting for ever.
        server.closeAllConnections();
      }),
  };
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (e: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(e.code === 'EADDRINUSE' ? new PortInUseError(port) : e);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen({ host, port, exclusive: true });
  });
}

function refuse(res: ServerResponse, status: number, message: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  // A refused request's body is never read (to its end): the connection cannot be reused for the next one.
  res.setHeader('Connection', 'close');
  res.end(`${message}\n`);
}

function notFound(res: ServerResponse): void {
  res.statusCode = 404;
  res.end();
}
