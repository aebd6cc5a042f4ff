import type { Db } from '../db/connection'
import { deleteIntents } from './intents-store'
import { lastResultText } from './run-rows'
import { insertRunItems, setLastSync, type RunItemRecord } from './store'

/**
 * Records finished rows of a run in one transaction: the items, their write intents settled (the items say what
 * happened; at the run's `end` every intent it left), and each mapping's last sync unless it is a preview. A run records
 * as its write batches settle, while it waits for rate windows, and the rest at its end.
 */
export function recordRunItems(
  db: Db,
  runId: string,
  records: readonly RunItemRecord[],
  o: { dryRun: boolean; end: boolean }
): void {
  db.transaction(() => {
    insertRunItems(db, runId, records)
    if (o.end) deleteIntents(db, runId)
    else deleteIntents(db, runId, records.map((r) => r.mappingId).filter(Boolean))
    if (o.dryRun) return
    for (const r of records) if (r.mappingId) setLastSync(db, r.mappingId, r.at, lastResultText(r))
  })()
}
