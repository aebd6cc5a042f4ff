import { AppError } from '../../shared/errors'
import { kindLabel, NO_PSA_HINT, NO_PSA_MESSAGE } from '../../shared/registry'
import type { SecretAccount } from '../../shared/registry/secrets'
import { makePsa, makeSource, psaEntry, sourceEntry } from '../connectors/registry'
import type { PsaConnector, PsaKind, SourceConnector, SourceKind } from '../connectors/types'
import type { AppContext } from '../core/context'
import type { IntegrationRow } from './store'

/**
 * The PSA the app works with. PSA Bridge maps to one PSA at a time; when both are connected the one
 * saved most recently is active (re-save the other one on Connect to switch). Handlers get it from
 * their session (session.ts), which reads the rows once per call.
 */
export function activePsaOf(rows: readonly IntegrationRow[]): PsaKind | null {
  const psas = rows.filter((r) => r.role === 'psa')
  psas.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
  return (psas[0]?.kind as PsaKind | undefined) ?? null
}

/** The one "No PSA is connected yet" error. */
export function noPsaError(): AppError {
  return new AppError('config', NO_PSA_MESSAGE, { hint: NO_PSA_HINT })
}

/** "SaaS Alerts is not connected yet." */
export function notConnectedError(kind: SourceKind): AppError {
  return new AppError('config', `${kindLabel(kind)} is not connected yet.`, {
    hint: `Connect ${kindLabel(kind)} first.`
  })
}

const secretReader = (ctx: AppContext) => async (account: SecretAccount) => {
  const v = await ctx.secrets.get(account)
  if (!v)
    throw new AppError('config', `The saved credentials are incomplete (${account.split('.')[0]}).`, {
      hint: 'Open Connect and save them again.'
    })
  return v
}

export async function openPsaRow(ctx: AppContext, kind: PsaKind, row: IntegrationRow): Promise<PsaConnector> {
  return makePsa(ctx.connectors, kind, await psaEntry(kind).config(row.settings, secretReader(ctx)))
}

export async function openSourceRow(ctx: AppContext, kind: SourceKind, row: IntegrationRow): Promise<SourceConnector> {
  return makeSource(ctx.connectors, kind, await sourceEntry(kind).config(row.settings, secretReader(ctx)))
}
