import { AppError } from '../../shared/errors'
import type { PsaConnector, PsaKind, SourceConnector, SourceRegion } from '../connectors/types'
import type { AppContext } from '../core/context'
import type { Db } from '../db/connection'
import type { SecretAccount } from '../secrets/types'
import { getIntegration, listIntegrationRows } from './store'

/**
 * The PSA the app works with. PSA Bridge maps to one PSA at a time; when both are connected the one
 * saved most recently is active (re-save the other one on Connect to switch).
 */
export function activePsaKind(db: Db): PsaKind | null {
  const psas = listIntegrationRows(db).filter((r) => r.role === 'psa')
  psas.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
  return (psas[0]?.kind as PsaKind | undefined) ?? null
}

async function secret(ctx: AppContext, account: SecretAccount): Promise<string> {
  const v = await ctx.secrets.get(account)
  if (!v)
    throw new AppError('config', `The saved credentials are incomplete (${account.split('.')[0]}).`, {
      hint: 'Open Connect and save them again.'
    })
  return v
}

export async function openPsa(ctx: AppContext): Promise<{ kind: PsaKind; connector: PsaConnector }> {
  const kind = activePsaKind(ctx.db)
  if (!kind) throw new AppError('config', 'No PSA is connected yet.', { hint: 'Connect Syncro or Autotask first.' })
  const row = getIntegration(ctx.db, kind)!
  if (kind === 'syncro') {
    return {
      kind,
      connector: ctx.connectors.syncro({
        subdomain: row.settings.subdomain!,
        apiToken: await secret(ctx, 'syncro.apiToken')
      })
    }
  }
  return {
    kind,
    connector: ctx.connectors.autotask({
      username: row.settings.username!,
      zoneUrl: row.settings.zoneUrl!,
      webUrl: row.settings.webUrl || undefined,
      secret: await secret(ctx, 'autotask.secret'),
      integrationCode: await secret(ctx, 'autotask.integrationCode')
    })
  }
}

export async function openSource(ctx: AppContext): Promise<SourceConnector> {
  const row = getIntegration(ctx.db, 'jumpcloud')
  if (!row)
    throw new AppError('config', 'JumpCloud is not connected yet.', {
      hint: 'Connect the JumpCloud Multi-Tenant Portal first.'
    })
  return ctx.connectors.jumpcloud({
    apiKey: await secret(ctx, 'jumpcloud.apiKey'),
    providerId: row.settings.providerId!,
    region: (row.settings.region ?? 'us') as SourceRegion
  })
}
