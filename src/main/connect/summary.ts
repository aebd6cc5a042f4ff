import type { IntegrationSummary } from '../../shared/contract/connect'
import type { SecretStore } from '../secrets/types'
import { accountsOf } from '../secrets/types'
import { listIntegrationRows, toSummary, type IntegrationRow } from './store'
import type { Db } from '../db/connection'

/** Whether every secret of that integration is present; the value itself never leaves this function. */
export async function hasSavedSecrets(secrets: SecretStore, kind: string): Promise<boolean> {
  for (const a of accountsOf(kind)) if (!(await secrets.get(a))) return false
  return true
}

export async function summarizeAll(db: Db, secrets: SecretStore): Promise<IntegrationSummary[]> {
  return Promise.all(
    listIntegrationRows(db).map(async (r: IntegrationRow) => toSummary(r, await hasSavedSecrets(secrets, r.kind)))
  )
}
