import type { Handlers } from '../../shared/contract'
import { AppError } from '../../shared/errors'
import type { AppContext } from '../core/context'
import type { PsaKind, SourceKind } from '../connectors/types'
import { openSession } from '../connect/session'
import { isSeveritySource, loadSeverityTicketing, missingFor, saveSeverityTicketing } from './severity-settings'
import { sourceOrgs } from './source-orgs'

type SeverityHandlers = Pick<Handlers, 'getSourceTicketing' | 'saveSourceTicketing'>

export function createSeverityTicketingHandlers(ctx: AppContext): SeverityHandlers {
  const check = (source: string): { psa: PsaKind; kind: SourceKind } => {
    if (!isSeveritySource(source))
      throw new AppError('validation', `"${source}" is not a source that raises alerts by severity.`, {
        field: 'source'
      })
    return { psa: openSession(ctx).requirePsaKind(), kind: source }
  }
  return {
    async getSourceTicketing({ source }) {
      const { psa, kind } = check(source)
      const settings = loadSeverityTicketing(ctx.db, psa, kind)
      return { source, settings, missing: missingFor(psa, settings), orgs: sourceOrgs(ctx.db, psa, kind) }
    },
    async saveSourceTicketing({ source, settings }) {
      const { psa, kind } = check(source)
      const missing = missingFor(psa, settings)
      // SaaS Alerts' own wizard cannot be finished without them; tickets without a priority or status are worse.
      if (settings.enabled && missing.length)
        throw new AppError('validation', `Automated ticketing cannot be switched on yet: set ${missing.join(', ')}.`, {
          field: 'enabled',
          hint: 'Set the required ticket and note defaults, then switch it on.'
        })
      saveSeverityTicketing(ctx.db, psa, kind, settings, ctx.now())
      return { source, settings, missing, orgs: sourceOrgs(ctx.db, psa, kind) }
    }
  }
}
