import { z } from 'zod'
import type { RunCounts, RunSummary } from '../../shared/contract/billing'
// From its own module, not the billing contract: `status` reads the settings without building every billing schema.
import { BillingSettingsSchema, type BillingSettings } from '../../shared/contract/billing-settings'
import { AppError } from '../../shared/errors'
import type { PsaKind, SourceKind } from '../connectors/types'
import type { Db } from '../db/connection'
import { readSetting, writeSetting } from '../core/settings'
import type { Metric } from './hwm'
import { prepared } from '../db/prepared'

// SQLite access for billing (tables of migration 003). Mapping ids are integers in the DB and strings outside.

export const SETTINGS_KEY = 'billing.settings'
export const LAST_SCHEDULED_KEY = 'billing.lastScheduledRunAt'

export function loadBillingSettings(db: Db): BillingSettings {
  return readSetting(db, SETTINGS_KEY, BillingSettingsSchema, BillingSettingsSchema.parse({}))
}
export function storeBillingSettings(db: Db, s: BillingSettings, now: Date): BillingSettings {
  return writeSetting(db, SETTINGS_KEY, BillingSettingsSchema, s, now)
}

const IsoSchema = z.string()
export function loadLastScheduledRun(db: Db): Date | null {
  const v = readSetting(db, LAST_SCHEDULED_KEY, IsoSchema.nullable(), null)
  return v ? new Date(v) : null
}
export function storeLastScheduledRun(db: Db, at: Date | null): void {
  writeSetting(db, LAST_SCHEDULED_KEY, IsoSchema.nullable(), at ? at.toISOString() : null, at ?? new Date())
}

export interface BillingMappingRecord {
  id: string
  psa: PsaKind
  source: SourceKind
  orgId: string
  customerId: string
  containerId: string
  containerName: string
  itemId: string
  itemName: string
  metric: Metric
  nonBillable: number
  unitCost: number | null
  unitPrice: number | null
  enabled: boolean
  lastSyncAt: string | null
  lastSyncResult: string | null
}

interface MappingRow {
  id: number
  psa_kind: PsaKind
  source_kind: SourceKind
  org_id: string
  customer_id: string
  container_id: string
  container_name: string
  item_id: string
  item_name: string
  metric: Metric
  non_billable: number
  unit_cost: string | null
  unit_price: string | null
  enabled: number
  last_sync_at: string | null
  last_sync_result: string | null
}

function toRecord(r: MappingRow): BillingMappingRecord {
  return {
    id: String(r.id),
    psa: r.psa_kind,
    source: r.source_kind,
    orgId: r.org_id,
    customerId: r.customer_id,
    containerId: r.container_id,
    containerName: r.container_name,
    itemId: r.item_id,
    itemName: r.item_name,
    metric: r.metric,
    nonBillable: r.non_billable,
    // Stored as text so a price is never rounded through a float column.
    unitCost: r.unit_cost === null ? null : Number(r.unit_cost),
    unitPrice: r.unit_price === null ? null : Number(r.unit_price),
    enabled: r.enabled === 1,
    lastSyncAt: r.last_sync_at,
    lastSyncResult: r.last_sync_result
  }
}

export function listBillingMappings(db: Db, psa: PsaKind): BillingMappingRecord[] {
  return (prepared(db, 'SELECT * FROM billing_mappings WHERE psa_kind = ? ORDER BY id').all(psa) as MappingRow[]).map(
    toRecord
  )
}

export function getBillingMapping(db: Db, id: string): BillingMappingRecord {
  const n = Number(id)
  const row = Number.isSafeInteger(n)
    ? (prepared(db, 'SELECT * FROM billing_mappings WHERE id = ?').get(n) as MappingRow | undefined)
    : undefined
  if (!row) throw new AppError('not-found', `Billing mapping ${id} does not exist (deleted?).`, { field: 'mappingId' })
  return toRecord(row)
}

export type NewBillingMapping = Omit<
  BillingMappingRecord,
  'id' | 'enabled' | 'lastSyncAt' | 'lastSyncResult' | 'source'
> & {
  enabled?: boolean
  /** Default: the first registered source (the one that billed before sources were told apart). */
  source?: SourceKind
}

/** Inserts, or updates `id` when given. A target can carry one mapping only (UNIQUE psa/container/item). */
export function putBillingMapping(db: Db, m: NewBillingMapping & { id?: string }, now: string): string {
  const clash = prepared(
    db,
    'SELECT id FROM billing_mappings WHERE psa_kind = ? AND container_id = ? AND item_id = ?'
  ).get(m.psa, m.containerId, m.itemId) as { id: number } | undefined
  if (clash && String(clash.id) !== m.id) {
    throw new AppError('conflict', `"${m.itemName}" already carries the billing of another mapping.`, {
      hint: 'Pick another line item, or change that mapping first.',
      field: 'itemId'
    })
  }
  // Named parameters: the update and the insert write the same columns from one row.
  const row = {
    source: m.source,
    orgId: m.orgId,
    customerId: m.customerId,
    containerId: m.containerId,
    containerName: m.containerName,
    itemId: m.itemId,
    itemName: m.itemName,
    metric: m.metric,
    nonBillable: m.nonBillable,
    cost: m.unitCost === null ? null : String(m.unitCost),
    price: m.unitPrice === null ? null : String(m.unitPrice),
    now
  }
  if (m.id !== undefined) {
    getBillingMapping(db, m.id)
    prepared(
      db,
      `UPDATE billing_mappings SET source_kind = @source, org_id = @orgId, customer_id = @customerId,
         container_id = @containerId, container_name = @containerName, item_id = @itemId, item_name = @itemName,
         metric = @metric, non_billable = @nonBillable, unit_cost = @cost, unit_price = @price, updated_at = @now
       WHERE id = @id`
    ).run({ ...row, id: Number(m.id) })
    return m.id
  }
  const r = prepared(
    db,
    `INSERT INTO billing_mappings (psa_kind, source_kind, org_id, customer_id, container_id, container_name, item_id,
         item_name, metric, non_billable, unit_cost, unit_price, enabled, created_at, updated_at)
       VALUES (@psa, @source, @orgId, @customerId, @containerId, @containerName, @itemId, @itemName, @metric,
         @nonBillable, @cost, @price, @enabled, @now, @now)`
  ).run({ ...row, psa: m.psa, enabled: m.enabled === false ? 0 : 1 })
  return String(r.lastInsertRowid)
}

export function setMappingEnabled(db: Db, id: string, enabled: boolean, now: string): void {
  getBillingMapping(db, id)
  prepared(db, 'UPDATE billing_mappings SET enabled = ?, updated_at = ? WHERE id = ?').run(
    enabled ? 1 : 0,
    now,
    Number(id)
  )
}

export function deleteBillingMappingRow(db: Db, id: string): void {
  getBillingMapping(db, id)
  prepared(db, 'DELETE FROM billing_mappings WHERE id = ?').run(Number(id))
}

/** Every billing mapping of this org (it was disabled: it is no longer synced to any PSA). */
export function deleteOrgBillingMappings(db: Db, source: SourceKind, orgId: string): void {
  prepared(db, 'DELETE FROM billing_mappings WHERE source_kind = ? AND org_id = ?').run(source, orgId)
}

/** Every billing mapping to this PSA (a config import replaces them all). */
export function deleteBillingMappings(db: Db, psa: PsaKind): void {
  prepared(db, 'DELETE FROM billing_mappings WHERE psa_kind = ?').run(psa)
}

export function setLastSync(db: Db, id: string, at: string, result: string): void {
  prepared(db, 'UPDATE billing_mappings SET last_sync_at = ?, last_sync_result = ? WHERE id = ?').run(
    at,
    result,
    Number(id)
  )
}

// ── approvals ──────────────────────────────────────────────────────────────

export function approvalsFor(db: Db, month: string): Map<string, number> {
  const rows = prepared(db, 'SELECT mapping_id, to_quantity FROM decrease_approvals WHERE month = ?').all(
    month
  ) as Array<{ mapping_id: number; to_quantity: number }>
  return new Map(rows.map((r) => [String(r.mapping_id), r.to_quantity]))
}

export function putApproval(db: Db, a: { mappingId: string; month: string; to: number; at: string; by: string }): void {
  prepared(
    db,
    `INSERT INTO decrease_approvals (mapping_id, month, to_quantity, approved_at, approved_by) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (mapping_id, month) DO UPDATE SET to_quantity = excluded.to_quantity, approved_at = excluded.approved_at, approved_by = excluded.approved_by`
  ).run(Number(a.mappingId), a.month, a.to, a.at, a.by)
}

// ── runs ───────────────────────────────────────────────────────────────────

export const ZERO_COUNTS: RunCounts = Object.freeze({
  written: 0,
  unchanged: 0,
  held: 0,
  blocked: 0,
  failed: 0,
  planned: 0
})

interface RunRow {
  id: string
  trigger: string
  dry_run: number
  started_at: string
  finished_at: string | null
  status: RunSummary['status']
  counts_json: string
  error: string | null
}

function toSummary(r: RunRow): RunSummary {
  return {
    runId: r.id,
    trigger: r.trigger,
    dryRun: r.dry_run === 1,
    status: r.status,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    counts: { ...ZERO_COUNTS, ...(JSON.parse(r.counts_json) as Partial<RunCounts>) },
    error: r.error
  }
}

export function insertRun(db: Db, r: { id: string; trigger: string; dryRun: boolean; startedAt: string }): void {
  prepared(
    db,
    "INSERT INTO sync_runs (id, kind, trigger, dry_run, started_at, status) VALUES (?, 'billing', ?, ?, ?, 'running')"
  ).run(r.id, r.trigger, r.dryRun ? 1 : 0, r.startedAt)
}

export function finishRun(
  db: Db,
  id: string,
  f: { status: RunSummary['status']; finishedAt: string; counts: RunCounts; error: string | null }
): void {
  prepared(db, 'UPDATE sync_runs SET status = ?, finished_at = ?, counts_json = ?, error = ? WHERE id = ?').run(
    f.status,
    f.finishedAt,
    JSON.stringify(f.counts),
    f.error,
    id
  )
}

/**
 * A `running` row left by a crash or a power cut: it will never finish, so say so. Its counts are only written
 * when a run finishes, so they are summed here from the items it recorded before it stopped (a result that is
 * not a count, e.g. "not written", counts as failed, as reconcile.ts counts it). Returns how many.
 */
export function markInterruptedRuns(db: Db, now: string): number {
  return db.transaction(() => {
    const running = prepared(db, "SELECT id FROM sync_runs WHERE kind = 'billing' AND status = 'running'")
    const ids = (running.all() as { id: string }[]).map((r) => r.id)
    const tally = prepared(db, 'SELECT result, COUNT(*) AS n FROM sync_items WHERE run_id = ? GROUP BY result')
    const mark = prepared(
      db,
      "UPDATE sync_runs SET status = 'interrupted', finished_at = ?, counts_json = ?, error = 'The app stopped while this run was in progress.' WHERE id = ?"
    )
    for (const id of ids) {
      const counts: RunCounts = { ...ZERO_COUNTS }
      for (const { result, n } of tally.all(id) as { result: string; n: number }[]) {
        const key = result in ZERO_COUNTS ? (result as keyof RunCounts) : 'failed'
        counts[key] += n
      }
      mark.run(now, JSON.stringify(counts), id)
    }
    return ids.length
  })()
}

export function listRunRows(db: Db, o: { limit: number; includeDryRuns: boolean }): RunSummary[] {
  const where = o.includeDryRuns ? '' : 'AND dry_run = 0'
  return (
    prepared(
      db,
      `SELECT * FROM sync_runs WHERE kind = 'billing' ${where} ORDER BY started_at DESC, rowid DESC LIMIT ?`
    ).all(o.limit) as RunRow[]
  ).map(toSummary)
}

export function getRunRow(db: Db, id: string): RunSummary {
  const r = prepared(db, "SELECT * FROM sync_runs WHERE kind = 'billing' AND id = ?").get(id) as RunRow | undefined
  if (!r) throw new AppError('not-found', `Run ${id} does not exist.`, { field: 'runId' })
  return toSummary(r)
}

export interface RunItemRecord {
  psa: PsaKind
  mappingId: string
  source: SourceKind
  orgId: string
  target: { containerId: string; containerName: string; itemId: string; itemName: string }
  oldQuantity: number | null
  newQuantity: number | null
  action: string
  result: string
  message: string | null
  at: string
}

export function insertRunItems(db: Db, runId: string, items: readonly RunItemRecord[]): void {
  const ins = prepared(
    db,
    `INSERT INTO sync_items (run_id, psa_kind, mapping_id, source_kind, org_id, target, old_quantity, new_quantity, action,
       result, error, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  db.transaction(() => {
    for (const i of items)
      ins.run(
        runId,
        i.psa,
        // '' = an org without a billing mapping yet (default-service.ts): its row says why, under no mapping.
        i.mappingId === '' ? null : Number(i.mappingId),
        i.source,
        i.orgId,
        JSON.stringify(i.target),
        i.oldQuantity,
        i.newQuantity,
        i.action,
        i.result,
        i.message,
        i.at
      )
  })()
}

const TargetSchema = z.object({
  containerId: z.string(),
  containerName: z.string(),
  itemId: z.string(),
  itemName: z.string()
})

export function loadRunItems(
  db: Db,
  runId: string
): Array<Omit<RunItemRecord, 'psa' | 'mappingId'> & { mappingId: string | null }> {
  const rows = prepared(db, 'SELECT * FROM sync_items WHERE run_id = ? ORDER BY id').all(runId) as Array<{
    mapping_id: number | null
    source_kind: SourceKind
    org_id: string
    target: string
    old_quantity: number | null
    new_quantity: number | null
    action: string
    result: string
    error: string | null
    at: string
  }>
  return rows.map((r) => ({
    mappingId: r.mapping_id === null ? null : String(r.mapping_id),
    source: r.source_kind,
    orgId: r.org_id,
    target: TargetSchema.parse(JSON.parse(r.target)),
    oldQuantity: r.old_quantity,
    newQuantity: r.new_quantity,
    action: r.action,
    result: r.result,
    message: r.error,
    at: r.at
  }))
}
