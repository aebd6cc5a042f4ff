import type { PsaConnector, PsaKind, TicketMetadata } from '../connectors/types'
import type { AppContext } from '../core/context'
import { loadCachedMetadata, saveCachedMetadata } from './settings'

/** The PSA's choice lists, cached in settings; `refresh` re-reads them from the PSA. */
export async function ticketMetadata(
  ctx: AppContext,
  psa: PsaKind,
  connector: PsaConnector,
  refresh = false
): Promise<TicketMetadata> {
  const cached = refresh ? null : loadCachedMetadata(ctx.db, psa)
  if (cached) return cached.choices
  const fresh = await connector.getTicketMetadata()
  saveCachedMetadata(ctx.db, psa, fresh, ctx.now())
  return fresh
}
