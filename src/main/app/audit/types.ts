import type { z } from 'zod'
import type { AuditKind } from '../../../shared/contract/audit'
import type { Handlers, MethodName, Methods } from '../../../shared/contract'
import type { AppContext } from '../../core/context'
import type { Session } from '../../connect/session'

/** Flat, non-secret state: what an audit row compares before and after a call. */
export type Fields = Record<string, string | number | boolean | null>

export type In<M extends MethodName> = z.output<Methods[M]['input']>
export type Out<M extends MethodName> = z.input<Methods[M]['output']>

/** What a describer may read: the app's handlers (read methods only) and the stores through the context. */
export interface AuditReader {
  ctx: AppContext
  handlers: Handlers
  /** The active PSA and sources, resolved once per snapshot (a call may change them: read again after it). */
  session: Session
}

/** A snapshot of what the call may change, and what it is about ("Acme Dental (org 42)"). */
export interface Snapshot {
  subject?: string
  fields: Fields
}

/** How one mutating method is recorded in the audit trail. */
export interface Describer<M extends MethodName> {
  kind: AuditKind
  /** The state the call may change, read before and after it: the row lists the fields that differ. */
  read?(r: AuditReader, input: In<M>): Promise<Snapshot> | Snapshot
  /** Facts of the call that are not state (an approved quantity, a created ticket): shown as new values. */
  facts?(input: In<M>, output: Out<M>): Fields
  /** Used when `read` gives no subject. */
  subject?(input: In<M>): string
}

/** A method that is not a person's change: a read, or an operation recorded elsewhere (billing runs, pulls). */
export interface NotAudited {
  notAudited: string
}

/** Every contract method must be classified: a new method without an entry does not compile. */
export type AuditCatalog = { [M in MethodName]: Describer<M> | NotAudited }

export const READ: NotAudited = { notAudited: 'reads only' }
