import type { Handlers } from '../../shared/contract'
import pkg from '../../../package.json'
import type { AppContext } from './context'
import { summarizeAll } from '../integrations/summary'

export function createSystemHandlers(ctx: AppContext): Pick<Handlers, 'getStatus'> {
  return {
    async getStatus() {
      const integrations = await summarizeAll(ctx.db, ctx.secrets)
      return {
        version: pkg.version,
        dataDir: ctx.dataDir,
        secretStore: ctx.secrets.kind,
        integrations,
        lastSync: null
      }
    }
  }
}
