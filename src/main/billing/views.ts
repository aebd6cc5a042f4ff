// Read models for the Billing and Activity screens: rows with names and this month's HWM, history, run detail.
// They read the kept HWM rows, so callers first await ensureHwmBuckets (the buckets follow the billing zone).
import { DateTime } from 'luxon'
import type { Handlers } from '../../shared/contract'
import type { BillingMappingRow, HwmOrigin } from '../../shared/contract/billing'
import { orgKey } from '../../shared/contract/org-ref'
import type { BillingContainer, PsaKind, SourceKind } from '../connectors/types'
import type { Db } from '../db/connection'
import { getCustomer, loadCustomers, loadMappings, loadOrgs } from '../customers/store'
import { nextRun, parseSchedule } from '../scheduler/schedule'
import { requireZone } from '../scheduler/zoned-time'
import { monthKey } from './hwm'
import {
  getBillingMapping,
  getRunRow,
  listBillingMappings,
  listRunRows,
  loadBillingSettings,
  loadRunItems,
  type BillingMappingRecord
} from './store'
import { mappingBlock } from './mapping-block'
import { customersByOrg, syncedOrgs } from './synced-orgs'
import { monthHwms, orgDays, orgHwmHistory, orgMonthHwm, sampleOrigin } from './usage-store'
import { EVENT_ORIGIN } from './usage-events'
import { SAMPLE_ORIGIN } from './usage-sampler'

/** A stored sample origin as the chart names it: a push's own count ('sync') is "push". */
function originLabel(origin: string | null): HwmOrigin | null {
  if (origin === 'sync') return 'push'
  if (origin === SAMPLE_ORIGIN) return 'sample'
  if (origin === EVENT_ORIGIN) return 'event'
  return null
}

/** What a handler returns (the contract re-validates it on the way out). */
type Out<M extends keyof Handlers> = Awaited<ReturnType<Handlers[M]>>
type Names = { orgs: Map<string, string>; customers: Map<string, string> }

/** orgKey → name, every source. */
export const orgNames = (db: Db) =>
  new Map(loadOrgs(db).map((o) => [orgKey({ source: o.source, orgId: o.id }), o.name]))
export const customerNames = (db: Db, psa: PsaKind) => new Map(loadCustomers(db, psa).map((c) => [c.id, c.name]))

function toRow(
  m: BillingMappingRecord,
  names: Names,
  hwm: number | null,
  customerOfOrg: ReadonlyMap<string, string>
): BillingMappingRow {
  return {
    mappingId: m.id,
    source: m.source,
    orgId: m.orgId,
    orgName: names.orgs.get(orgKey(m)) ?? null,
    customerId: m.customerId,
    customerName: names.customers.get(m.customerId) ?? null,
    target: { containerId: m.containerId, containerName: m.containerName, itemId: m.itemId, itemName: m.itemName },
    metric: m.metric,
    nonBillable: m.nonBillable,
    unitCost: m.unitCost,
    unitPrice: m.unitPrice,
    enabled: m.enabled,
    hwm,
    lastSyncAt: m.lastSyncAt,
    lastSyncResult: m.lastSyncResult,
    blocked: mappingBlock(m, customerOfOrg)?.reason ?? null
  }
}

export function billingView(db: Db, psa: PsaKind | null, at: Date, running: boolean): Out<'getBillingView'> {
  const settings = loadBillingSettings(db)
  // The kept HWM rows: one indexed query (issue 12).
  const month = monthKey(at, settings.timeZone)
  const table = monthHwms(db, month)
  const lastRun = listRunRows(db, { limit: 1, includeDryRuns: false })[0] ?? null
  const base = { psa, month, settings, running, lastRun }
  const nextRunAt = settings.scheduleEnabled ? nextRun(parseSchedule(settings.schedule), at).toISOString() : null
  if (!psa) return { ...base, nextRunAt, mappings: [], orgsWithoutBilling: [] }
  const names = { orgs: orgNames(db), customers: customerNames(db, psa) }
  const byOrg = customersByOrg(db, psa)
  const mappings = listBillingMappings(db, psa)
  const withBilling = new Set(mappings.map(orgKey))
  const synced = syncedOrgs(db, psa)
  const orgsWithoutBilling = loadMappings(db, psa)
    .filter((m) => synced.has(orgKey(m)) && !withBilling.has(orgKey(m)))
    .map((m) => ({
      source: m.source,
      orgId: m.orgId,
      orgName: synced.get(orgKey(m))!,
      customerId: m.customerId,
      customerName: names.customers.get(m.customerId) ?? null
    }))
  return {
    ...base,
    nextRunAt,
    mappings: mappings.map((m) => toRow(m, names, table.get(m.source, m.orgId, m.metric), byOrg)),
    orgsWithoutBilling
  }
}

/** One billing mapping as the Billing screen shows it. */
export function billingMappingRow(db: Db, psa: PsaKind, mappingId: string, at: Date): BillingMappingRow {
  const m = getBillingMapping(db, mappingId)
  const hwm = orgMonthHwm(db, m.source, m.orgId, monthKey(at, loadBillingSettings(db).timeZone))[m.metric]
  return toRow(m, { orgs: orgNames(db), customers: customerNames(db, psa) }, hwm, customersByOrg(db, psa))
}

/** A customer's containers and items from the PSA, each item marked when a billing mapping already uses it. */
export function billingTargets(
  db: Db,
  psa: PsaKind,
  customerId: string,
  containers: BillingContainer[]
): Out<'listBillingTargets'> {
  const mapped = new Set(listBillingMappings(db, psa).map((m) => JSON.stringify([m.containerId, m.itemId])))
  return {
    customerId,
    customerName: getCustomer(db, psa, customerId)?.name ?? null,
    containers: containers.map((c) => ({
      id: c.id,
      name: c.name,
      items: c.items.map((i) => ({
        id: i.id,
        name: i.name,
        quantity: i.quantity,
        unitCost: i.unitCost ?? null,
        unitPrice: i.unitPrice ?? null,
        mapped: mapped.has(JSON.stringify([c.id, i.id]))
      }))
    }))
  }
}

export function runDetail(db: Db, runId: string): Out<'getRun'> {
  const run = getRunRow(db, runId)
  const names = orgNames(db)
  return { ...run, items: loadRunItems(db, runId).map((i) => ({ ...i, orgName: names.get(orgKey(i)) ?? null })) }
}

/** The org's HWM per month for the last `months` months, and this month's daily maxima for the chart. */
export function hwmHistory(db: Db, source: SourceKind, orgId: string, months: number, at: Date): Out<'getHwmHistory'> {
  const { timeZone } = loadBillingSettings(db)
  const local = DateTime.fromJSDate(at, { zone: requireZone(timeZone) })
  const keys = Array.from({ length: months }, (_, i) => local.minus({ months: months - 1 - i }).toFormat('yyyy-MM'))
  const current = keys[keys.length - 1]!
  const byMonth = new Map<string, { users: number | null; devices: number | null }>()
  for (const r of orgHwmHistory(db, source, orgId, keys[0]!, current)) {
    const m = byMonth.get(r.month) ?? { users: null, devices: null }
    m[r.metric] = r.hwm
    byMonth.set(r.month, m)
  }
  return {
    source,
    orgId,
    orgName: orgNames(db).get(orgKey({ source, orgId })) ?? null,
    timeZone,
    months: keys.map((month) => ({ month, ...(byMonth.get(month) ?? { users: null, devices: null }) })),
    currentMonth: {
      month: current,
      points: orgDays(db, source, orgId, current)
        .map((d) => ({
          at: d.at,
          metric: d.metric,
          count: d.hwm,
          origin: originLabel(sampleOrigin(db, source, orgId, d.metric, d.at, d.hwm))
        }))
        .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
    }
  }
}
