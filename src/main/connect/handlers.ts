import { AppError } from '../../shared/errors'
import type { IntegrationKind } from '../../shared/contract/connect'
import type { Handlers } from '../../shared/contract'
import { parseSyncroSubdomain } from '../../shared/syncro-subdomain'
import type { AppContext } from '../core/context'
import { recordActivity } from '../core/activity'
import { accountsOf, type SecretAccount } from '../secrets/types'
import { deleteIntegration, getIntegration, toSummary, upsertIntegration, type IntegrationRow } from './store'
import { summarizeAll } from './summary'

type ConnectHandlers = Pick<
  Handlers,
  'listIntegrations' | 'saveSyncro' | 'saveAutotask' | 'saveJumpCloud' | 'disableIntegration'
>

const LABEL: Record<IntegrationKind, string> = { syncro: 'Syncro', autotask: 'Autotask', jumpcloud: 'JumpCloud' }

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
      const label = LABEL[existing.kind]
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

  return {
    listIntegrations: () => summarizeAll(ctx.db, ctx.secrets),

    async saveSyncro(input) {
      const parsed = parseSyncroSubdomain(input.subdomain)
      if (!parsed.ok) throw new AppError('validation', parsed.message, { field: 'subdomain' })
      const existing = getIntegration(ctx.db, 'syncro')
      refuseDuplicate(existing, input.replace)
      const apiToken = await secretOrSaved(input.apiToken, 'syncro.apiToken', existing, 'API token')
      const identity = await ctx.connectors.syncro({ subdomain: parsed.subdomain, apiToken }).verify()
      return persist(
        'syncro',
        'psa',
        identity.displayName,
        { subdomain: parsed.subdomain },
        { 'syncro.apiToken': apiToken },
        !!existing
      )
    },

    async saveAutotask(input) {
      const existing = getIntegration(ctx.db, 'autotask')
      refuseDuplicate(existing, input.replace)
      const secret = await secretOrSaved(input.secret, 'autotask.secret', existing, 'Secret')
      const integrationCode = await secretOrSaved(
        input.integrationCode,
        'autotask.integrationCode',
        existing,
        'Integration code'
      )
      const zone = await ctx.connectors.autotaskZone(input.username)
      await ctx.connectors.autotask({ username: input.username, secret, integrationCode, zoneUrl: zone.url }).verify()
      return persist(
        'autotask',
        'psa',
        `${input.username} (${zone.zoneName})`,
        { username: input.username, zoneName: zone.zoneName, zoneUrl: zone.url, webUrl: zone.webUrl },
        { 'autotask.secret': secret, 'autotask.integrationCode': integrationCode },
        !!existing
      )
    },

    async saveJumpCloud(input) {
      const existing = getIntegration(ctx.db, 'jumpcloud')
      refuseDuplicate(existing, input.replace)
      const apiKey = await secretOrSaved(input.apiKey, 'jumpcloud.apiKey', existing, 'API key')
      const providerId = input.providerId.toLowerCase()
      const identity = await ctx.connectors.jumpcloud({ apiKey, providerId, region: input.region }).verify()
      return persist(
        'jumpcloud',
        'source',
        identity.displayName,
        { providerId, region: input.region },
        { 'jumpcloud.apiKey': apiKey },
        !!existing
      )
    },

    async disableIntegration({ kind }) {
      const existing = getIntegration(ctx.db, kind)
      if (!existing) throw new AppError('not-found', `${LABEL[kind]} is not connected.`)
      for (const account of accountsOf(kind)) await ctx.secrets.delete(account)
      const removedRows = deleteIntegration(ctx.db, kind)
      recordActivity(ctx.db, { actor: 'user', action: 'integration.disabled', detail: { kind, removedRows } })
      ctx.log.info('integration disabled', { kind, removedRows })
      ctx.events.emit('integrationsChanged', { kind })
      return { message: 'Integration has been disabled', removedRows }
    }
  }
}
