// The result rows of a billing run: what the plan and write steps produced, and how each is recorded.
import type { MappingBlock } from './mapping-block'
import { moneyWords } from './money'
import type { PlanRow } from '../../shared/contract/billing'
import type { PsaKind } from '../connectors/types'
import type { BillingMappingRecord, RunItemRecord } from './store'

function targetOf(m: BillingMappingRecord) {
  return { containerId: m.containerId, containerName: m.containerName, itemId: m.itemId, itemName: m.itemName }
}

export type PlanFields = Pick<
  PlanRow,
  'hwm' | 'nonBillable' | 'current' | 'newQuantity' | 'delta' | 'action' | 'code' | 'reason'
>

export function planRow(
  m: BillingMappingRecord,
  item: PlanFields,
  result: PlanRow['result'],
  error: string | null
): PlanRow {
  return {
    mappingId: m.id,
    source: m.source,
    orgId: m.orgId,
    orgName: null,
    target: targetOf(m),
    metric: m.metric,
    hwm: item.hwm,
    nonBillable: item.nonBillable,
    current: item.current,
    newQuantity: item.newQuantity,
    delta: item.delta,
    action: item.action,
    code: item.code,
    reason: item.reason,
    result,
    error
  }
}

export function failedRow(m: BillingMappingRecord, hwm: number | null, current: number | null, error: string): PlanRow {
  const blocked: PlanFields = {
    hwm,
    nonBillable: m.nonBillable,
    current,
    newQuantity: null,
    delta: null,
    action: 'blocked',
    code: 'error',
    reason: error
  }
  return planRow(m, blocked, 'failed', error)
}

export function blockedRow(m: BillingMappingRecord, hwm: number | null, block: MappingBlock): PlanRow {
  return { ...failedRow(m, hwm, null, block.reason), code: block.code, result: 'blocked', error: null }
}

export function toRecord(psa: PsaKind, m: BillingMappingRecord, row: PlanRow, at: string): RunItemRecord {
  return {
    psa,
    mappingId: m.id,
    source: m.source,
    orgId: m.orgId,
    target: row.target,
    oldQuantity: row.current,
    newQuantity: row.newQuantity,
    action: row.action,
    result: row.result,
    message: row.error ?? (row.result === 'held' || row.result === 'blocked' ? row.reason : writtenNote(row)),
    at
  }
}

/** What Activity says beside a written row: a unit cost/price change, a write confirmed after its reply was lost. */
function writtenNote(row: PlanRow): string | null {
  const money = row.result !== 'unchanged' ? moneyWords(row) : []
  return [...money, row.note ?? null].filter(Boolean).join('; ') || null
}

export function lastResultText(r: RunItemRecord): string {
  if (r.result === 'written') return `written ${r.oldQuantity} → ${r.newQuantity}${r.message ? ` (${r.message})` : ''}`
  if (r.result === 'unchanged') return `unchanged (${r.oldQuantity})`
  return r.message ? `${r.result}: ${r.message}` : r.result
}
