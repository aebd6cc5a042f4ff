import type { PsaCustomer, PsaKind, SourceKind, SourceOrg } from '../connectors/types'
import { z } from 'zod'
import { deleteSetting, readSetting, writeSetting } from '../core/settings'
import type { Db } from '../db/connection'
import { prepared } from '../db/prepared'

// An org is (source, id) everywhere: every read or write names the source. Lists without a source cover
// every source and each record says which it came from.

export interface OrgRecord {
  source: SourceKind
  id: string
  name: string
  ignored: boolean
  disabled: boolean
  missingSince: string | null
}
export interface CustomerRecord {
  id: string
  name: string
  type: string | null
  active: boolean
  /** Left out of suggestions and pickers for every source. */
  ignored: boolean
  missingSince: string | null
}
export interface MappingRecord {
  source: SourceKind
  orgId: string
  customerId: string
  origin: 'manual' | 'suggestion' | 'created'
  score: number | null
  updatedAt: string
  updatedBy: string
}

/** Replaces the cached org list; orgs absent from the refresh are marked missing, not deleted (their mappings stay visible). */
export function saveOrgs(db: Db, source: SourceKind, orgs: SourceOrg[], now: string): void {
  db.transaction(() => {
    prepared(db, 'UPDATE source_orgs SET missing_since = COALESCE(missing_since, ?) WHERE source_kind = ?').run(
      now,
      source
    )
    const up = prepared(
      db,
      `INSERT INTO source_orgs (source_kind, id, name, refreshed_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (source_kind, id) DO UPDATE SET name = excluded.name, refreshed_at = excluded.refreshed_at, missing_since = NULL`
    )
    for (const o of orgs) up.run(source, o.id, o.name, now)
  })()
}

/** Same for PSA customers: a customer deleted in the PSA keeps its row with missing_since, so its mapping shows as broken. */
export function saveCustomers(db: Db, psa: PsaKind, customers: PsaCustomer[], now: string): void {
  db.transaction(() => {
    prepared(db, 'UPDATE psa_customers SET missing_since = COALESCE(missing_since, ?) WHERE psa_kind = ?').run(now, psa)
    const up = prepared(
      db,
      `INSERT INTO psa_customers (psa_kind, id, name, type, active, refreshed_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (psa_kind, id) DO UPDATE SET name = excluded.name, type = excluded.type, active = excluded.active,
         refreshed_at = excluded.refreshed_at, missing_since = NULL`
    )
    for (const c of customers) up.run(psa, c.id, c.name, c.type ?? null, c.active ? 1 : 0, now)
  })()
}

/** A customer we just created is known before the next refresh. */
export function putCustomer(
  db: Db,
  psa: PsaKind,
  c: { id: string; name: string; type?: string; active: boolean },
  at: string
): void {
  prepared(
    db,
    `INSERT INTO psa_customers (psa_kind, id, name, type, active, refreshed_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (psa_kind, id) DO UPDATE SET name = excluded.name, missing_since = NULL`
  ).run(psa, c.id, c.name, c.type ?? null, c.active ? 1 : 0, at)
}

type OrgRow = {
  source_kind: SourceKind
  id: string
  name: string
  ignored: number
  disabled: number
  missing_since: string | null
}
const toOrg = (r: OrgRow): OrgRecord => ({
  source: r.source_kind,
  id: r.id,
  name: r.name,
  ignored: r.ignored === 1,
  disabled: r.disabled === 1,
  missingSince: r.missing_since
})
const ORG_COLUMNS = 'source_kind, id, name, ignored, disabled, missing_since'

/** The orgs of one source, or of every source (by name). */
export function loadOrgs(db: Db, source?: SourceKind): OrgRecord[] {
  const rows = source
    ? prepared(db, `SELECT ${ORG_COLUMNS} FROM source_orgs WHERE source_kind = ? ORDER BY name COLLATE NOCASE`).all(
        source
      )
    : prepared(db, `SELECT ${ORG_COLUMNS} FROM source_orgs ORDER BY name COLLATE NOCASE, source_kind`).all()
  return (rows as OrgRow[]).map(toOrg)
}

/** One org by its key (primary-key lookup), or null. */
export function loadOrg(db: Db, source: SourceKind, orgId: string): OrgRecord | null {
  const r = prepared(db, `SELECT ${ORG_COLUMNS} FROM source_orgs WHERE source_kind = ? AND id = ?`).get(
    source,
    orgId
  ) as OrgRow | undefined
  return r ? toOrg(r) : null
}

/** One customer by its key (primary-key lookup), or null. */
export function getCustomer(db: Db, psa: PsaKind, customerId: string): CustomerRecord | null {
  const r = prepared(db, `SELECT ${CUSTOMER_COLUMNS} FROM psa_customers WHERE psa_kind = ? AND id = ?`).get(
    psa,
    customerId
  ) as CustomerRow | undefined
  return r ? toCustomer(r) : null
}

type CustomerRow = {
  id: string
  name: string
  type: string | null
  active: number
  ignored: number
  missing_since: string | null
}
const CUSTOMER_COLUMNS = 'id, name, type, active, ignored, missing_since'
const toCustomer = (r: CustomerRow): CustomerRecord => ({
  id: r.id,
  name: r.name,
  type: r.type,
  active: r.active === 1,
  ignored: r.ignored === 1,
  missingSince: r.missing_since
})

/** The customer an org is mapped to in this PSA (primary-key lookup), or null. */
export function getMappedCustomerId(db: Db, psa: PsaKind, source: SourceKind, orgId: string): string | null {
  const r = prepared(
    db,
    'SELECT customer_id FROM org_mappings WHERE source_kind = ? AND org_id = ? AND psa_kind = ?'
  ).get(source, orgId, psa) as { customer_id: string } | undefined
  return r?.customer_id ?? null
}

/** Active customers that still exist in the PSA and are not ignored, id and name only, by name. */
export function loadCustomerNames(db: Db, psa: PsaKind): Array<{ id: string; name: string }> {
  return prepared(
    db,
    `SELECT id, name FROM psa_customers WHERE psa_kind = ? AND active = 1 AND ignored = 0 AND missing_since IS NULL
     ORDER BY name COLLATE NOCASE`
  ).all(psa) as Array<{ id: string; name: string }>
}

/** Ignores a PSA customer (or stops): it is left out of suggestions and pickers for every source. */
export function setCustomerIgnored(db: Db, psa: PsaKind, customerId: string, ignored: boolean): boolean {
  return (
    prepared(db, 'UPDATE psa_customers SET ignored = ? WHERE psa_kind = ? AND id = ?').run(
      ignored ? 1 : 0,
      psa,
      customerId
    ).changes === 1
  )
}

export function loadCustomers(db: Db, psa: PsaKind): CustomerRecord[] {
  return (
    prepared(db, `SELECT ${CUSTOMER_COLUMNS} FROM psa_customers WHERE psa_kind = ? ORDER BY name COLLATE NOCASE`).all(
      psa
    ) as CustomerRow[]
  ).map(toCustomer)
}

type MappingRow = {
  source_kind: SourceKind
  org_id: string
  customer_id: string
  origin: MappingRecord['origin']
  score: number | null
  updated_at: string
  updated_by: string
}
const MAPPING_COLUMNS = 'source_kind, org_id, customer_id, origin, score, updated_at, updated_by'

/** This PSA's mappings of one source's orgs, or of every source's. */
export function loadMappings(db: Db, psa: PsaKind, source?: SourceKind): MappingRecord[] {
  const rows = source
    ? prepared(db, `SELECT ${MAPPING_COLUMNS} FROM org_mappings WHERE source_kind = ? AND psa_kind = ?`).all(
        source,
        psa
      )
    : prepared(db, `SELECT ${MAPPING_COLUMNS} FROM org_mappings WHERE psa_kind = ?`).all(psa)
  return (rows as MappingRow[]).map((r) => ({
    source: r.source_kind,
    orgId: r.org_id,
    customerId: r.customer_id,
    origin: r.origin,
    score: r.score,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by
  }))
}

export function lastRefresh(db: Db, table: 'source_orgs' | 'psa_customers', kind: string): string | null {
  const col = table === 'source_orgs' ? 'source_kind' : 'psa_kind'
  const r = prepared(db, `SELECT MAX(refreshed_at) AS at FROM ${table} WHERE ${col} = ?`).get(kind) as {
    at: string | null
  }
  return r.at
}

/** Sets (or replaces) one mapping and records the change. */
export function putMapping(
  db: Db,
  m: {
    psa: PsaKind
    source: SourceKind
    orgId: string
    customerId: string
    origin: MappingRecord['origin']
    score?: number | null
    actor: string
    now: string
  }
): void {
  const source = m.source
  db.transaction(() => {
    const old = prepared(
      db,
      'SELECT customer_id FROM org_mappings WHERE source_kind = ? AND org_id = ? AND psa_kind = ?'
    ).get(source, m.orgId, m.psa) as { customer_id: string } | undefined
    prepared(
      db,
      `INSERT INTO org_mappings (source_kind, org_id, psa_kind, customer_id, origin, score, created_at, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (source_kind, org_id, psa_kind) DO UPDATE SET customer_id = excluded.customer_id, origin = excluded.origin,
         score = excluded.score, updated_at = excluded.updated_at, updated_by = excluded.updated_by`
    ).run(source, m.orgId, m.psa, m.customerId, m.origin, m.score ?? null, m.now, m.now, m.actor)
    history(db, {
      source,
      psa: m.psa,
      orgId: m.orgId,
      action: old ? 'remapped' : 'mapped',
      oldId: old?.customer_id ?? null,
      newId: m.customerId,
      actor: m.actor,
      now: m.now
    })
  })()
}

export function dropMapping(
  db: Db,
  m: { psa: PsaKind; source: SourceKind; orgId: string; actor: string; now: string; action?: string }
): boolean {
  return db.transaction(() => {
    const old = prepared(
      db,
      'SELECT customer_id FROM org_mappings WHERE source_kind = ? AND org_id = ? AND psa_kind = ?'
    ).get(m.source, m.orgId, m.psa) as { customer_id: string } | undefined
    if (!old) return false
    prepared(db, 'DELETE FROM org_mappings WHERE source_kind = ? AND org_id = ? AND psa_kind = ?').run(
      m.source,
      m.orgId,
      m.psa
    )
    history(db, {
      source: m.source,
      psa: m.psa,
      orgId: m.orgId,
      action: m.action ?? 'unmapped',
      oldId: old.customer_id,
      newId: null,
      actor: m.actor,
      now: m.now
    })
    return true
  })()
}

export function setOrgFlag(
  db: Db,
  source: SourceKind,
  orgId: string,
  flag: 'ignored' | 'disabled',
  value: boolean
): boolean {
  return (
    prepared(db, `UPDATE source_orgs SET ${flag} = ? WHERE source_kind = ? AND id = ?`).run(
      value ? 1 : 0,
      source,
      orgId
    ).changes === 1
  )
}

/** Clears every org's ignored and disabled flags, of every source (a config import then sets those it lists). */
export function clearOrgFlags(db: Db): void {
  prepared(db, 'UPDATE source_orgs SET ignored = 0, disabled = 0').run()
}

/** Clears every PSA customer's ignored flag (a config import then sets those it lists). */
export function clearCustomerIgnored(db: Db, psa: PsaKind): void {
  prepared(db, 'UPDATE psa_customers SET ignored = 0 WHERE psa_kind = ?').run(psa)
}

/** Removes every mapping (every source) to this PSA's customers without history rows (a config import replaces them all). */
export function deleteMappings(db: Db, psa: PsaKind): void {
  prepared(db, 'DELETE FROM org_mappings WHERE psa_kind = ?').run(psa)
}

const catchAllKey = (psa: PsaKind) => `${psa}.catchAllCustomer`
const CustomerIdSetting = z.string()

/** The customer that receives the alerts of unmapped orgs, if one is chosen. */
export function loadCatchAll(db: Db, psa: PsaKind): string | null {
  return readSetting(db, catchAllKey(psa), CustomerIdSetting.nullable(), null)
}

export function saveCatchAll(db: Db, psa: PsaKind, customerId: string | null, now: Date): void {
  if (customerId === null) deleteSetting(db, catchAllKey(psa))
  else writeSetting(db, catchAllKey(psa), CustomerIdSetting, customerId, now)
}

function history(
  db: Db,
  h: {
    source: SourceKind
    psa: PsaKind
    orgId: string
    action: string
    oldId: string | null
    newId: string | null
    actor: string
    now: string
  }
): void {
  prepared(
    db,
    `INSERT INTO mapping_history (source_kind, psa_kind, org_id, action, old_customer_id, new_customer_id, at, actor)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
  ).run(h.source, h.psa, h.orgId, h.action, h.oldId, h.newId, h.now, h.actor)
}
