import type { Door } from '../../../shared/contract/audit'
import type { Handlers, MethodName } from '../../../shared/contract'
import { DESCRIPTIONS, INTEGRATION_KINDS } from '../../../shared/registry'
import type { AppContext } from '../../core/context'
import { openSession } from '../../connect/session'
import { insertAudit } from '../../core/audit-store'
import type { AuditHook, AuditPending } from '../../core/dispatch'
import { describerOf } from './catalog'
import { diffFields, factChanges, scrub } from './fields'
import type { Describer, Snapshot } from './types'

interface Pending extends AuditPending {
  describer: Describer<MethodName>
  input: unknown
  before: Snapshot | null
  secrets: string[]
}

// Input keys that hold a secret: every registered kind's secret Connect fields, plus the usual names.
const SECRET_KEYS = new Set<string>(
  INTEGRATION_KINDS.flatMap((k) => DESCRIPTIONS[k].connect.fields.filter((f) => f.kind === 'secret').map((f) => f.name))
)
const SECRET_NAME = /secret|token|password|api.?key|integration.?code/i

function secretsIn(input: unknown): string[] {
  if (!input || typeof input !== 'object') return []
  return Object.entries(input as Record<string, unknown>)
    .filter(([k, v]) => typeof v === 'string' && (SECRET_KEYS.has(k) || SECRET_NAME.test(k)))
    .map(([, v]) => v as string)
}

/**
 * The audit trail, done once at the dispatch layer: each audited method's describer reads the state it may change
 * before and after the call and the row lists what differs. A call that changed nothing leaves no row.
 */
export function createAuditHook(ctx: AppContext, handlers: () => Handlers): AuditHook {
  const reader = () => ({ ctx, handlers: handlers(), session: openSession(ctx) })
  return {
    async before(name, input) {
      const describer = describerOf(name)
      if (!describer) return null
      const before = describer.read ? await describer.read(reader(), input as never) : null
      return { method: name, describer, input, before, secrets: secretsIn(input) } satisfies Pending
    },
    async after(p, output, door: Door) {
      const { describer, input, before, secrets } = p as Pending
      const after = describer.read ? await describer.read(reader(), input as never) : null
      const changes = [
        ...diffFields(before?.fields ?? {}, after?.fields ?? {}),
        ...factChanges(describer.facts?.(input as never, output as never) ?? {})
      ]
      if (changes.length === 0) return
      const subject = before?.subject ?? after?.subject ?? describer.subject?.(input as never) ?? p.method
      insertAudit(ctx.db, {
        at: ctx.now().toISOString(),
        door,
        kind: describer.kind,
        method: p.method,
        subject: String(scrub(subject, secrets)),
        changes: changes.map((c) => ({
          field: String(scrub(c.field, secrets)),
          old: scrub(c.old, secrets),
          new: scrub(c.new, secrets)
        }))
      })
    }
  }
}
