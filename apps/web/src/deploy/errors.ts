import type { AppError } from './api-types';

/** A failed API call as text for a person: the server's AppError when there is one (message, hint). */
export function describeError(e: unknown): { title: string; detail?: string } {
  const data = (e as { data?: { appError?: AppError | null } } | undefined)?.data;
  const app = data?.appError;
  if (app) {
    const errors = app.diagnostics?.filter((d) => d.severity === 'error') ?? [];
    const detail = [app.hint, ...errors.slice(0, 3).map((d) => `${d.code}: ${d.message}`)].filter(Boolean).join('\n');
    return detail ? { title: app.message, detail } : { title: app.message };
  }
  return { title: e instanceof Error ? e.message : String(e) };
}
