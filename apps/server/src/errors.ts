import type { EngineError, EngineErrorCode } from '@blaupause/engine';
import { type TRPC_ERROR_CODE_KEY, TRPCError } from '@trpc/server';

/**
 * The ONE place where errors-as-data become tRPC errors (DESIGN §9.3). Services and drivers return
 * `{ ok: false, error }`; procedures call `unwrap()`; the error formatter in trpc.ts puts the
 * original error back into `shape.data.appError` so clients see code, hint and diagnostics.
 */
export type AppErrorCode = EngineErrorCode | 'FILE_TOO_LARGE' | 'WORKSPACE_IO' | 'UNKNOWN_RUN';

export interface AppError extends Omit<EngineError, 'code'> {
  code: AppErrorCode;
}

export type AppResult<T> = { ok: true; value: T } | { ok: false; error: AppError };

const TRPC_CODE: Record<AppErrorCode, TRPC_ERROR_CODE_KEY> = {
  ENGINE_UNREACHABLE: 'SERVICE_UNAVAILABLE',
  ENGINE_RESTARTED: 'SERVICE_UNAVAILABLE',
  INVALID_BLUEPRINT: 'UNPROCESSABLE_CONTENT',
  INVALID_NAME: 'BAD_REQUEST',
  BUSY: 'CONFLICT',
  IMAGE_PULL_FAILED: 'BAD_GATEWAY',
  IMAGE_MISSING: 'PRECONDITION_FAILED',
  PORT_IN_USE: 'CONFLICT',
  DEPENDENCY_FAILED: 'PRECONDITION_FAILED',
  DEPENDENCY_TIMEOUT: 'TIMEOUT',
  CONTAINER_EXITED: 'PRECONDITION_FAILED',
  CRASH_LOOP: 'PRECONDITION_FAILED',
  NOT_FOUND: 'NOT_FOUND',
  NOT_OWNED: 'FORBIDDEN',
  UNSUPPORTED: 'NOT_IMPLEMENTED',
  CANCELLED: 'CLIENT_CLOSED_REQUEST',
  // The request is well-formed, but the user has not yet agreed to the dangerous settings.
  DANGEROUS_SETTINGS: 'PRECONDITION_FAILED',
  // The update did not become healthy and the old version was put back: the deploy failed, nothing is broken.
  ROLLED_BACK: 'PRECONDITION_FAILED',
  FIELD_CONFLICT: 'CONFLICT',
  BUILD_FAILED: 'UNPROCESSABLE_CONTENT',
  ENGINE_ERROR: 'BAD_GATEWAY',
  FILE_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  WORKSPACE_IO: 'INTERNAL_SERVER_ERROR',
  UNKNOWN_RUN: 'NOT_FOUND',
};

/** Carries the AppError through TRPCError.cause (which must be an Error) to the formatter. */
export class AppErrorCause extends Error {
  constructor(readonly appError: AppError) {
    super(appError.message);
    this.name = 'AppErrorCause';
  }
}

export function toTRPCError(error: AppError): TRPCError {
  return new TRPCError({ code: TRPC_CODE[error.code], message: error.message, cause: new AppErrorCause(error) });
}

/** The value of an ok result; a failed one is thrown as its mapped tRPC error. */
export function unwrap<T>(result: AppResult<T>): T {
  if (result.ok) return result.value;
  throw toTRPCError(result.error);
}

/** The AppError behind a tRPC error, for the error formatter; unknown errors stay opaque. */
export function appErrorOf(error: TRPCError): AppError | undefined {
  return error.cause instanceof AppErrorCause ? error.cause.appError : undefined;
}

export function appError(
  code: AppErrorCode,
  message: string,
  extra: Omit<AppError, 'code' | 'message'> = {},
): { ok: false; error: AppError } {
  return { ok: false, error: { code, message, ...extra } };
}

/** Exceptions that escape a driver (bugs, engine client surprises) become ENGINE_ERROR data. */
export function engineErrorFrom(e: unknown): AppError {
  return { code: 'ENGINE_ERROR', message: e instanceof Error ? e.message : String(e) };
}
