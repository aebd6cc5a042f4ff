import { z } from 'zod'
import type { PsaAsset, PsaKind, SourceDevice, SourceKind } from '../connectors/types'
import type { Db } from '../db/connection'
import { prepared } from '../db/prepared'
import { deviceKindOf, type DeviceKind } from './device-kind'

// Pulled devices and PSA assets, confirmed links, ignores and pull bookkeeping. Plain typed functions.

export interface DeviceRecord {
  id: string
  orgId: string
  hostname: string
  displayName: string | null
  serial: string | null
  macs: string[]
  os: string | null
  kind: DeviceKind
  lastContact: string | null
  ignored: boolean
  missing: boolean
}

export interface AssetRecord {
  id: string
  customerId: string
  name: string
  serial: string | null
  type: string | null
  hostname: string | null
  macs: string[]
  active: boolean
  ignored: boolean
  missing: boolean
}

export interface LinkRecord {
  deviceId: string
  assetId: string
  origin: 'accepted' | 'manual' | 'created'
  at: string
}

const Macs = z.array(z.string()).catch([])
const macsOf = (json: string) => Macs.parse(JSON.parse(json))

/**
 * Upserts what a pull read. `complete`: the list is everything in that scope, so rows of the scope not in it are
 * marked missing. An incremental (changed-since) list only upserts. `ignored` is never written here.
 */
export function saveDevices(
  db: Db,
  source: string,
  orgId: string,
  devices: SourceDevice[],
  now: string,
  complete: boolean
): void {
  db.transaction(() => {
    if (complete)
      prepared(
        db,
        'UPDATE asset_devices SET missing_since = COALESCE(missing_since, ?) WHERE source_kind = ? AND org_id = ?'
      ).run(now, source, orgId)
    const up = prepared(
      db,
      `INSERT INTO asset_devices (source_kind, id, org_id, hostname, display_name, serial, macs_json, os, device_kind,
         last_contact, refreshed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (source_kind, id) DO UPDATE SET org_id = excluded.org_id, hostname = excluded.hostname,
         display_name = excluded.display_name, serial = excluded.serial, macs_json = excluded.macs_json, os = excluded.os,
         device_kind = excluded.device_kind, last_contact = excluded.last_contact, refreshed_at = excluded.refreshed_at,
         missing_since = NULL`
    )
    for (const d of devices)
      up.run(
        source,
        d.id,
        orgId,
        d.hostname,
        d.displayName ?? null,
        d.serial ?? null,
        JSON.stringify(d.macs),
        d.os ?? null,
        deviceKindOf({ chassisTypes: d.chassisTypes, os: d.os, model: d.model }),
        d.lastContact ?? null,
        now
      )
  })()
}

export function saveAssets(
  db: Db,
  psa: PsaKind,
  customerId: string,
  assets: PsaAsset[],
  now: string,
  complete: boolean
): void {
  db.transaction(() => {
    if (complete)
      prepared(
        db,
        'UPDATE psa_assets SET missing_since = COALESCE(missing_since, ?) WHERE psa_kind = ? AND customer_id = ?'
      ).run(now, psa, customerId)
    const up = prepared(
      db,
      `INSERT INTO psa_assets (psa_kind, id, customer_id, name, serial, type, hostname, macs_json, active, updated_at,
         refreshed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (psa_kind, id) DO UPDATE SET customer_id = excluded.customer_id, name = excluded.name,
         serial = excluded.serial, type = excluded.type, hostname = excluded.hostname, macs_json = excluded.macs_json,
         active = excluded.active, updated_at = excluded.updated_at, refreshed_at = excluded.refreshed_at,
         missing_since = NULL`
    )
    for (const a of assets)
      up.run(
        psa,
        a.id,
        a.customerId,
        a.name,
        a.serial ?? null,
        a.type ?? null,
        a.hostname ?? null,
        JSON.stringify(a.macs ?? []),
        a.active === false ? 0 : 1,
        a.updatedAt ?? null,
        now
      )
  })()
}

interface DeviceRow {
  id: string
  org_id: string
  hostname: string
  display_name: string | null
  serial: string | null
  macs_json: string
  os: string | null
  device_kind: DeviceKind
  last_contact: string | null
  ignored: number
  missing_since: string | null
}

export function loadDevices(db: Db, source: string): DeviceRecord[] {
  const rows = prepared(db, 'SELECT * FROM asset_devices WHERE source_kind = ?').all(source) as DeviceRow[]
  return rows.map((r) => ({
    id: r.id,
    orgId: r.org_id,
    hostname: r.hostname,
    displayName: r.display_name,
    serial: r.serial,
    macs: macsOf(r.macs_json),
    os: r.os,
    kind: r.device_kind,
    lastContact: r.last_contact,
    ignored: r.ignored === 1,
    missing: r.missing_since !== null
  }))
}

interface AssetRow {
  id: string
  customer_id: string
  name: string
  serial: string | null
  type: string | null
  hostname: string | null
  macs_json: string
  active: number
  ignored: number
  missing_since: string | null
}

export function loadAssets(db: Db, psa: PsaKind): AssetRecord[] {
  const rows = prepared(db, 'SELECT * FROM psa_assets WHERE psa_kind = ?').all(psa) as AssetRow[]
  return rows.map((r) => ({
    id: r.id,
    customerId: r.customer_id,
    name: r.name,
    serial: r.serial,
    type: r.type,
    hostname: r.hostname,
    macs: macsOf(r.macs_json),
    active: r.active === 1,
    ignored: r.ignored === 1,
    missing: r.missing_since !== null
  }))
}

/** Which of these sources a device id was pulled from (the first that has it), or null. */
export function sourceOfDevice(db: Db, deviceId: string, sources: readonly SourceKind[]): SourceKind | null {
  const st = prepared(db, 'SELECT 1 FROM asset_devices WHERE source_kind = ? AND id = ?')
  return sources.find((s) => st.get(s, deviceId) !== undefined) ?? null
}

export function loadLinks(db: Db, source: string, psa: PsaKind): LinkRecord[] {
  return prepared(
    db,
    'SELECT device_id AS deviceId, asset_id AS assetId, origin, at FROM asset_links WHERE source_kind = ? AND psa_kind = ?'
  ).all(source, psa) as LinkRecord[]
}

/** Links a device to an asset, replacing the device's previous link; an asset linked elsewhere is refused by the caller. */
export function putLink(db: Db, source: string, psa: PsaKind, link: LinkRecord): void {
  prepared(
    db,
    `INSERT INTO asset_links (source_kind, device_id, psa_kind, asset_id, origin, at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (source_kind, device_id, psa_kind) DO UPDATE SET asset_id = excluded.asset_id, origin = excluded.origin,
       at = excluded.at`
  ).run(source, link.deviceId, psa, link.assetId, link.origin, link.at)
}

export function dropLink(db: Db, source: string, psa: PsaKind, deviceId: string): boolean {
  return (
    prepared(db, 'DELETE FROM asset_links WHERE source_kind = ? AND device_id = ? AND psa_kind = ?').run(
      source,
      deviceId,
      psa
    ).changes > 0
  )
}

export function setDeviceIgnored(db: Db, source: string, id: string, ignored: boolean): boolean {
  return (
    prepared(db, 'UPDATE asset_devices SET ignored = ? WHERE source_kind = ? AND id = ?').run(
      ignored ? 1 : 0,
      source,
      id
    ).changes > 0
  )
}

export function setAssetIgnored(db: Db, psa: PsaKind, id: string, ignored: boolean): boolean {
  return (
    prepared(db, 'UPDATE psa_assets SET ignored = ? WHERE psa_kind = ? AND id = ?').run(ignored ? 1 : 0, psa, id)
      .changes > 0
  )
}

export function lastPull(db: Db, kind: string, scopeId: string): { fullAt: string | null; lastAt: string } | null {
  const r = prepared(db, 'SELECT full_at, last_at FROM asset_pulls WHERE kind = ? AND scope_id = ?').get(
    kind,
    scopeId
  ) as { full_at: string | null; last_at: string } | undefined
  return r ? { fullAt: r.full_at, lastAt: r.last_at } : null
}

export function recordPull(db: Db, kind: string, scopeId: string, at: string, full: boolean): void {
  prepared(
    db,
    `INSERT INTO asset_pulls (kind, scope_id, full_at, last_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (kind, scope_id) DO UPDATE SET last_at = excluded.last_at,
       full_at = COALESCE(excluded.full_at, asset_pulls.full_at)`
  ).run(kind, scopeId, full ? at : null, at)
}

export function lastPullAt(db: Db): string | null {
  const r = prepared(db, 'SELECT MAX(last_at) AS at FROM asset_pulls').get() as { at: string | null }
  return r.at
}
