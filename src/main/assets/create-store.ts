import type { PsaKind } from '../connectors/types'
import type { Db } from '../db/connection'
import { prepared } from '../db/prepared'

// Create intents: written before the PSA request, so a lost reply or a crash can never lead to a second asset.

export interface CreateIntent {
  deviceId: string
  customerId: string
  name: string
  serial: string | null
  type: string
  state: 'creating' | 'created'
  assetId: string | null
  startedAt: string
}

export function getIntent(db: Db, source: string, psa: PsaKind, deviceId: string): CreateIntent | null {
  const r = prepared(
    db,
    `SELECT device_id AS deviceId, customer_id AS customerId, name, serial, type, state, asset_id AS assetId,
       started_at AS startedAt FROM asset_creates WHERE source_kind = ? AND device_id = ? AND psa_kind = ?`
  ).get(source, deviceId, psa) as CreateIntent | undefined
  return r ?? null
}

export function putIntent(db: Db, source: string, psa: PsaKind, i: Omit<CreateIntent, 'state' | 'assetId'>): void {
  prepared(
    db,
    `INSERT INTO asset_creates (source_kind, device_id, psa_kind, customer_id, name, serial, type, state, started_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'creating', ?)
     ON CONFLICT (source_kind, device_id, psa_kind) DO UPDATE SET customer_id = excluded.customer_id,
       name = excluded.name, serial = excluded.serial, type = excluded.type, state = 'creating', asset_id = NULL,
       started_at = excluded.started_at`
  ).run(source, i.deviceId, psa, i.customerId, i.name, i.serial, i.type, i.startedAt)
}

export function markCreated(db: Db, source: string, psa: PsaKind, deviceId: string, assetId: string, at: string): void {
  prepared(
    db,
    `UPDATE asset_creates SET state = 'created', asset_id = ?, finished_at = ?
     WHERE source_kind = ? AND device_id = ? AND psa_kind = ?`
  ).run(assetId, at, source, deviceId, psa)
}

/** The PSA refused the create outright: nothing exists there, a later attempt starts clean. */
export function dropIntent(db: Db, source: string, psa: PsaKind, deviceId: string): void {
  prepared(db, 'DELETE FROM asset_creates WHERE source_kind = ? AND device_id = ? AND psa_kind = ?').run(
    source,
    deviceId,
    psa
  )
}
