import { initTRPC } from '@trpc/server';
import { appErrorOf } from './errors';

/**
 * The tRPC instance. Dependencies reach procedures through createAppRouter(deps) closures, not
 * through context: the context is per request and only says who asked.
 */
export interface Context {
  /** Set by the HTTP layer after its checks (http/guard.ts); procedures may log it, never trust it more. */
  remote?: string;
  /** Told of every procedure about to run (issue 5's audit: a refused request must run none). */
  audit?: (call: { path: string; type: 'query' | 'mutation' | 'subscription' }) => void;
}

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    return { ...shape, data: { ...shape.data, appError: appErrorOf(error) ?? null, stack: undefined } };
  },
  sse: {
    // Comments every 10 s keep proxies and the browser from calling an idle stream dead;
    // the client reconnects itself when none arrive for 25 s (server or laptop asleep).
    ping: { enabled: true, intervalMs: 10_000 },
    client: { reconnectAfterInactivityMs: 25_000 },
  },
});

export const router = t.router;
/** Every procedure records itself in the audit before its input is even parsed. */
export const procedure = t.procedure.use(({ ctx, path, type, next }) => {
  ctx.audit?.({ path, type });
  return next();
});
