import { expect } from 'vitest'

/** Matcher for `toThrow`: an AppError with this code (and field, when given). */
export function appError(code: string, field?: string): unknown {
  return expect.objectContaining({ name: 'AppError', code, ...(field === undefined ? {} : { field }) })
}
