import { z } from 'zod'
import type { PsaKind, SourceKind } from '../connectors/types'
import type { Db } from '../db/connection'
import { prepared } from '../db/prepared'
import type { RunItemRecord } from './store'

// SQLite access for billing write intents (migration 012): recorded before a PSA write, removed in the same
// transaction that records the run's items. Left-over rows belong to a run that died in between.

export interface WriteIntent {
  psa: PsaKind
  mappingId: string
  source: SourceKind
  orgId: string
  target: RunItemRecord['target']
  oldQuantity: number | null
  newQuantity: number
  action: string
  change: { from: number; to: number; unitCost?: number; unitPrice?: number; billingDay: string }
}

const ChangeSchema = z.object({
  from: z.number(),
  to: z.number(),
  unitCost: z.number().optional(),
  unitPrice: z.number().optional(),
  billingDay: z.string()
})
const TargetSchema = z.object({
  containerId: z.string(),
  containerName: z.string(),
  itemId: z.string(),
  itemName: z.string()
})

export function putIntents(db: Db, runId: string, intents: readonly WriteIntent[], at: string): void {
  const ins = prepared(
    db,
    `INSERT INTO billing_write_intents (run_id, psa_kind, mapping_id, source_kind, org_id, target, old_quantity, new_quantity,
       action, change, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  db.transaction(() => {
    for (const i of intents)
      ins.run(
        runId,
        i.psa,
        Number(i.mappingId),
        i.source,
        i.orgId,
        JSON.stringify(i.target),
        i.oldQuantity,
        i.newQuantity,
        i.action,
        JSON.stringify(i.change),
        at
      )
  })()
}

/** The run recorded its items: its intents are settled. */
export function deleteIntents(db: Db, runId: string, mappingIds?: readonly string[]): void {
  if (!mappingIds) return void prepared(db, 'DELETE FROM billing_write_intents WHERE run_id = ?').run(runId)
  const del = prepared(db, 'DELETE FROM billing_write_intents WHERE run_id = ? AND mapping_id = ?')
  for (const id of mappingIds) del.run(runId, Number(id))
}

/** Intents left by runs that ended without recording them (interrupted: killed, power cut), oldest first. */
export function orphanIntents(db: Db): Array<WriteIntent & { runId: string }> {
  const rows = prepared(
    db,
    `SELECT i.* FROM billing_write_intents i JOIN sync_runs r ON r.id = i.run_id
     WHERE r.status = 'interrupted' ORDER BY i.id`
  ).all() as Array<{
    run_id: string
    psa_kind: PsaKind
    mapping_id: number
    source_kind: SourceKind
    org_id: string
    target: string
    old_quantity: number | null
    new_quantity: number
    action: string
    change: string
  }>
  return rows.map((r) => ({
    runId: r.run_id,
    psa: r.psa_kind,
    mappingId: String(r.mapping_id),
    source: r.source_kind,
    orgId: r.org_id,
    target: TargetSchema.parse(JSON.parse(r.target)),
    oldQuantity: r.old_quantity,
    newQuantity: r.new_quantity,
    action: r.action,
    change: ChangeSchema.parse(JSON.parse(r.change))
  }))
}
