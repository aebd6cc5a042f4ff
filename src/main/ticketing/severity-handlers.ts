import type { Handlers } from '../../shared/contract'
import { AppError } from '../../shared/errors'
import type { AppContext } from '../core/context'
import { activePsaKind, noPsaError } from '../connect/open'
import { isSeveritySource, loadSeverityTicketing, missingFor, saveSeverityTicketing } from './severity-settings'
import { sourceOrgs } from './source-orgs'

type SeverityHandlers = Pick<Handlers, 'getSourceTicketing' | 'saveSourceTicketing'>

export function createSeverityTicketingHandlers(ctx: AppContext): SeverityHandlers {
  const check = (source: string) => {
    if (!isSeveritySource(source))
      throw new AppError('validation', `"${source}" is not a source that raises alerts by severity.`, {
        field: 'source'
      })
    const psa = activePsaKind(ctx.db)
    if (!psa) throw noPsaError()
    return psa
  }
  return {
    async getSourceTicketing({ source }) {
      const psa = check(source)
      const settings = loadSeverityTicketing(ctx.db, psa, source)
      return { source, settings, missing: missingFor(psa, settings), orgs: sourceOrgs(ctx.db, psa, source) }
    },
    async saveSourceTicketing({ source, settings }) {
      const psa = check(source)
      const missing = missingFor(psa, settings)
      // SaaS Alerts' own wizard cannot be finished without them; tickets without a priority or status are worse.
      if (settings.enabled && missing.length)
        throw new AppError('validation', `Automated ticketing cannot be switched on yet: set ${missing.join(', ')}.`, {
          field: 'enabled',
          hint: 'Set the required ticket and note defaults, then switch it on.'
        })
      saveSeverityTicketing(ctx.db, psa, source, settings, ctx.now())
      return { source, settings, missing, orgs: sourceOrgs(ctx.db, psa, source) }
    }
  }
}
