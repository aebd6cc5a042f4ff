import { z } from 'zod'
import { AppError, isAppError, type Envelope } from '../../shared/errors'
import type { Handlers, MethodName } from '../../shared/contract'
import type { MethodDef } from '../../shared/contract/define'
import type { Door } from '../../shared/contract/audit'

export interface DispatchLog {
  error(msg: string, meta?: Record<string, unknown>): void
}

/**
 * Records people's changes (app/audit). `before` runs after the input is parsed and before the handler (to read
 * the old values); `after` runs once the handler succeeded, whatever its reply: the change happened.
 */
export interface AuditHook {
  before(name: MethodName, input: unknown): Promise<AuditPending | null>
  after(pending: AuditPending, output: unknown, door: Door): Promise<void>
}
export type AuditPending = { readonly method: MethodName }

/** Who is calling: the door (for the audit trail) and the audit hook of the app. */
export interface CallOptions {
  door: Door
  audit?: AuditHook
}

/** Some or all of the contract's methods. */
export type MethodTable = Partial<Record<MethodName, MethodDef>>

/**
 * `dispatch` over a part of the contract: a door that serves a few methods (the CLI's `status`) loads and builds
 * only their schemas, not every domain's (issue 12: cold start). Same checks, same envelopes.
 */
export async function dispatchIn(
  table: MethodTable,
  handlers: Partial<Handlers>,
  name: unknown,
  rawInput: unknown,
  log?: DispatchLog,
  call: CallOptions = { door: 'internal' }
): Promise<Envelope<unknown>> {
  if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(table, name)) {
    return { ok: false, error: { code: 'validation', message: `Unknown method: ${String(name).slice(0, 80)}` } }
  }
  const def = table[name as MethodName]!
  const parsed = def.input.safeParse(rawInput ?? {})
  if (!parsed.success) return { ok: false, error: zodToAppError(parsed.error).toJSON() }
  try {
    const handler = handlers[name as MethodName] as (input: unknown) => Promise<unknown>
    const pending = call.audit ? await call.audit.before(name as MethodName, parsed.data) : null
    const value = await handler(parsed.data)
    if (pending) await recordAudit(call, pending, value, log)
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

/** A failed audit write is logged, never turned into a failed call: the change itself has already been made. */
async function recordAudit(call: CallOptions, pending: AuditPending, value: unknown, log?: DispatchLog) {
  try {
    await call.audit?.after(pending, value, call.door)
  } catch (e) {
    log?.error('audit record failed', { method: pending.method, error: e instanceof Error ? e.message : String(e) })
  }
}

export function zodToAppError(err: z.ZodError): AppError {
  const issue = err.issues[0]
  const field = issue?.path.join('.') || undefined
  const message = issue ? (field ? `${field}: ${issue.message}` : issue.message) : 'Invalid input'
  return new AppError('validation', message, { field })
}
