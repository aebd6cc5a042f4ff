import { z } from 'zod'

// Stable error codes: every boundary (IPC, browser bridge, CLI, connectors) speaks these.
export const ERROR_CODES = [
  'auth', // credentials rejected
  'permission', // credentials fine, operation not allowed
  'not-found',
  'validation', // our input (or the user's) is invalid
  'rate-limited',
  'unavailable', // remote down, 5xx, connection refused/reset
  'timeout',
  'bad-response', // remote answered with a shape we do not understand
  'conflict', // e.g. integration already exists
  'config', // app not configured for this operation
  'cancelled',
  'internal'
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

export const AppErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  /** What the user can do about it. */
  hint: z.string().optional(),
  /** Input field the error is about, for forms. */
  field: z.string().optional()
})
export type AppErrorShape = z.infer<typeof AppErrorSchema>

export class AppError extends Error {
  readonly code: ErrorCode
  readonly hint?: string
  readonly field?: string

  constructor(code: ErrorCode, message: string, opts: { hint?: string; field?: string; cause?: unknown } = {}) {
    super(message, { cause: opts.cause })
    this.name = 'AppError'
    this.code = code
    this.hint = opts.hint
    this.field = opts.field
  }

  toJSON(): AppErrorShape {
    const out: AppErrorShape = { code: this.code, message: this.message }
    if (this.hint) out.hint = this.hint
    if (this.field) out.field = this.field
    return out
  }

  static from(shape: AppErrorShape): AppError {
    return new AppError(shape.code, shape.message, { hint: shape.hint, field: shape.field })
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError
}

/** The envelope every door returns: a value, or an error as a value. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape }
