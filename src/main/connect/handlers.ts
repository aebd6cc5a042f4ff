import { AppError } from '../../shared/errors'
import type { SaveMethodName, SaveResultSchema } from '../../shared/contract/connect'
import { connectOf, INTEGRATION_KINDS, kindLabel, roleOf, type IntegrationKind } from '../../shared/registry'
import { entryOf } from '../connectors/registry'
import type { z } from 'zod'
import type { Handlers } from '../../shared/contract'
import type { AppContext } from '../core/context'
import { recordActivity } from '../core/activity'
import { accountsOf, type SecretAccount } from '../secrets/types'
import { deleteIntegration, getIntegration, toSummary, upsertIntegration, type IntegrationRow } from './store'
import { summarizeAll } from './summary'

type ConnectHandlers = Pick<Handlers, 'listIntegrations' | SaveMethodName | 'disableIntegration'>
type SaveResult = z.input<typeof SaveResultSchema>

export function createConnectHandlers(ctx: AppContext): ConnectHandlers {
  /** A secret typed in the form wins; otherwise the saved one is re-used (the form shows it masked). */
  const secretOrSaved = async (
    typed: string | undefined,
    account: SecretAccount,
    existing: IntegrationRow | null,
    label: string
  ) => {
    if (typed) return typed
    const saved = existing ? await ctx.secrets.get(account) : null
    if (saved) return saved
    throw new AppError('validation', `${label} is required`, { field: account.split('.')[1] })
  }

  const refuseDuplicate = (existing: IntegrationRow | null, replace: boolean) => {
    if (existing && !replace) {
      const label = kindLabel(existing.kind)
      throw new AppError(
        'conflict',
        `${label} is already connected (${existing.displayName}). Saving again replaces that connection.`,
        {
          hint: `Confirm to re-configure ${label}; PSA Bridge keeps one ${label} connection.`
        }
      )
    }
  }

  /** Secrets first: if the keychain refuses, nothing is half-saved in the database. */
  const persist = async (
    kind: IntegrationKind,
    role: 'psa' | 'source',
    displayName: string,
    settings: Record<string, string>,
    secrets: Partial<Record<SecretAccount, string>>,
    existed: boolean
  ) => {
    for (const [account, value] of Object.entries(secrets)) await ctx.secrets.set(account, value!)
    const row = upsertIntegration(ctx.db, { kind, role, displayName, settings, now: ctx.now().toISOString() })
    recordActivity(ctx.db, {
      actor: 'user',
      action: existed ? 'integration.updated' : 'integration.created',
      detail: { kind, displayName }
    })
    ctx.log.info('integration saved', { kind, displayName })
    ctx.events.emit('integrationsChanged', { kind })
    return {
      integration: toSummary(row, true),
      message: existed ? 'Integration has been updated' : 'Integration has been created'
    }
  }

  /** One save method per registered kind: its registry entry verifies and says what to store. */
  const saveOf =
    (kind: IntegrationKind) =>
    async (input: { replace: boolean }): Promise<SaveResult> => {
      const existing = getIntegration(ctx.db, kind)
      refuseDuplicate(existing, input.replace)
      const secret = (typed: string | undefined, account: SecretAccount, label: string) =>
        secretOrSaved(typed, account, existing, label)
      const saved = await entryOf(kind).save(input, { factory: ctx.connectors, secret })
      return persist(kind, roleOf(kind), saved.displayName, saved.settings, saved.secrets, !!existing)
    }
  const saveHandlers = Object.fromEntries(
    INTEGRATION_KINDS.map((kind) => [connectOf(kind).method, saveOf(kind)])
  ) as unknown as Pick<Handlers, SaveMethodName>

  return {
    listIntegrations: () => summarizeAll(ctx.db, ctx.secrets),
    ...saveHandlers,

    async disableIntegration({ kind }) {
      const existing = getIntegration(ctx.db, kind)
      if (!existing) throw new AppError('not-found', `${kindLabel(kind)} is not connected.`)
      for (const account of accountsOf(kind)) await ctx.secrets.delete(account)
      const removedRows = deleteIntegration(ctx.db, kind)
      recordActivity(ctx.db, { actor: 'user', action: 'integration.disabled', detail: { kind, removedRows } })
      ctx.log.info('integration disabled', { kind, removedRows })
      ctx.events.emit('integrationsChanged', { kind })
      return { message: 'Integration has been disabled', removedRows }
    }
  }
}
