import { AppError } from '../../shared/errors'
import { SOURCE_KINDS } from '../../shared/registry'
import type { PsaConnector, PsaKind, SourceConnector, SourceKind } from '../connectors/types'
import type { AppContext } from '../core/context'
import { activePsaOf, noPsaError, notConnectedError, openPsaRow, openSourceRow } from './open'
import { listIntegrationRows, type IntegrationRow } from './store'

/**
 * What one handler call works with, resolved once and passed down: the active PSA (kind, and its connector
 * opened on first use) and the connected sources. Replaces looking the same facts up at every step.
 */
export interface Session {
  readonly ctx: AppContext
  /** The active PSA, or null when none is connected. */
  readonly psaKind: PsaKind | null
  /** The connected sources, in registry order. */
  readonly sources: readonly SourceKind[]
  /** The active PSA or the one "No PSA is connected yet" error. */
  requirePsaKind(): PsaKind
  /** The active PSA's connector, opened once per session. */
  psa(): Promise<{ kind: PsaKind; connector: PsaConnector }>
  /** Refuses a source that is not connected, naming it. */
  requireSource(kind: SourceKind): SourceKind
  /** A connected source's connector, opened once per session. */
  source(kind: SourceKind): Promise<SourceConnector>
}

export function openSession(ctx: AppContext): Session {
  const rows = new Map<string, IntegrationRow>(listIntegrationRows(ctx.db).map((r) => [r.kind, r]))
  const psaKind = activePsaOf([...rows.values()])
  const sources = SOURCE_KINDS.filter((k) => rows.has(k))
  let psa: Promise<{ kind: PsaKind; connector: PsaConnector }> | null = null
  const opened = new Map<SourceKind, Promise<SourceConnector>>()
  const requireSource = (kind: SourceKind): SourceKind => {
    if (!rows.has(kind)) throw notConnectedError(kind)
    return kind
  }
  return {
    ctx,
    psaKind,
    sources,
    requirePsaKind: () => psaKind ?? throwError(noPsaError()),
    psa() {
      if (!psaKind) return Promise.reject(noPsaError())
      psa ??= openPsaRow(ctx, psaKind, rows.get(psaKind)!).then((connector) => ({ kind: psaKind, connector }))
      return psa
    },
    requireSource,
    source(kind) {
      const row = rows.get(requireSource(kind))!
      let p = opened.get(kind)
      if (!p) opened.set(kind, (p = openSourceRow(ctx, kind, row)))
      return p
    }
  }
}

function throwError(e: AppError): never {
  throw e
}
