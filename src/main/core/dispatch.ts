import { z } from 'zod'
import { AppError, isAppError, type Envelope } from '../../shared/errors'
import { isMethodName, methods, type Handlers } from '../../shared/contract'

export interface DispatchLog {
  error(msg: string, meta?: Record<string, unknown>): void
}

/**
 * The single entry point shared by every door (IPC, browser bridge, CLI): checks the method
 * name, parses the input with the contract, runs the handler, and re-parses the output so
 * nothing outside the declared schema (a secret, an internal field) can ever leave the core.
 */
export async function dispatch(
  handlers: Handlers,
  name: unknown,
  rawInput: unknown,
  log?: DispatchLog
): Promise<Envelope<unknown>> {
  if (!isMethodName(name)) {
    return { ok: false, error: { code: 'validation', message: `Unknown method: ${String(name).slice(0, 80)}` } }
  }
  const def = methods[name]
  const parsed = def.input.safeParse(rawInput ?? {})
  if (!parsed.success) return { ok: false, error: zodToAppError(parsed.error).toJSON() }
  try {
    const handler = handlers[name] as (input: unknown) => Promise<unknown>
    const value = await handler(parsed.data)
    const out = def.output.safeParse(value)
    if (!out.success) {
      log?.error('handler output failed its schema', {
        method: name,
        issues: out.error.issues.map((i) => i.path.join('.'))
      })
      return {
        ok: false,
        error: { code: 'internal', message: 'The application produced an invalid reply. See the log.' }
      }
    }
    return { ok: true, value: out.data }
  } catch (e) {
    if (isAppError(e)) return { ok: false, error: e.toJSON() }
    log?.error('handler failed', { method: name, error: e instanceof Error ? e.message : String(e) })
    return { ok: false, error: { code: 'internal', message: 'Something went wrong. See the log for details.' } }
  }
}

export function zodToAppError(err: z.ZodError): AppError {
  const issue = err.issues[0]
  const field = issue?.path.join('.') || undefined
  const message = issue ? (field ? `${field}: ${issue.message}` : issue.message) : 'Invalid input'
  return new AppError('validation', message, { field })
}
