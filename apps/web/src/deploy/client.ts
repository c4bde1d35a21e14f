import type { AppRouter } from '@blaupause/server/router';
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import type { Api } from './api-types';

export const API_PATH = '/api/trpc';
export const TOKEN_HEADER = 'x-blaupause-token';

/**
 * The API client of the page. Queries and mutations: batched POSTs with the token in a header
 * (queries too — a blueprint does not fit in a URL). Subscriptions: the browser's EventSource,
 * which reconnects by itself and resumes from the last tracked id; it cannot set headers, so the
 * token rides in tRPC's connectionParams (a query parameter of the stream's URL).
 */
export function createApi(token: string | undefined): Api {
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({ url: API_PATH, connectionParams: token ? { token } : {} }),
        false: httpBatchLink({ url: API_PATH, methodOverride: 'POST', headers: token ? { [TOKEN_HEADER]: token } : {} }),
      }),
    ],
  });
}
