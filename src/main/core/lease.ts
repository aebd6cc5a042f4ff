import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import type { Db } from '../db/connection'
import { deleteSetting, readSetting, writeSetting } from './settings'

// In-process locks do not see other processes on the same data dir (the desktop app and
// `psa-bridge sync` from a scheduled task): a lease in the database does. Without it both would
// deliver the same queued alert (two tickets) or push billing at once.

/** The leases in use: settings keys, one per kind of exclusive work. */
export const LEASES = { alertCycle: 'ticketing.cycleLease', billingRun: 'billing.runLease' } as const
export type LeaseName = keyof typeof LEASES
/** A lease not renewed for this long belongs to a process that died mid-cycle. */
export const LEASE_TTL_MS = 5 * 60_000
/** Renewal period while a cycle runs (real time: it only has to beat the TTL). */
const RENEW_EVERY_MS = 60_000

const LeaseSchema = z.object({ owner: z.string(), until: z.string() })

export interface Lease {
  release(): void
}

/** Takes the lease (or renews our own); false while another process holds a live one. */
function claim(db: Db, key: string, owner: string, now: Date): boolean {
  // IMMEDIATE: the read and the write happen under one write lock, so two processes cannot both win.
  return db
    .transaction(() => {
      const cur = readSetting(db, key, LeaseSchema.nullable(), null)
      if (cur && cur.owner !== owner && Date.parse(cur.until) > now.getTime()) return false
      writeSetting(db, key, LeaseSchema, { owner, until: new Date(now.getTime() + LEASE_TTL_MS).toISOString() }, now)
      return true
    })
    .immediate()
}

/** Whether another process holds this lease right now (e.g. at start-up: is that `running` row still alive?). */
export function leaseHeld(db: Db, name: LeaseName, now: Date): boolean {
  const cur = readSetting(db, LEASES[name], LeaseSchema.nullable(), null)
  return cur !== null && Date.parse(cur.until) > now.getTime()
}

/** The lease, renewed until released; null when another process holds it. */
export function acquireLease(db: Db, name: LeaseName, now: () => Date): Lease | null {
  const key = LEASES[name]
  const owner = randomUUID()
  if (!claim(db, key, owner, now())) return null
  const timer = setInterval(() => {
    try {
      claim(db, key, owner, now())
    } catch {
      // A failed renewal only shortens the lease; the next one (or the release) follows.
    }
  }, RENEW_EVERY_MS)
  timer.unref()
  return {
    release() {
      clearInterval(timer)
      if (!db.open) return // closed mid-cycle: the lease simply expires
      db.transaction(() => {
        const cur = readSetting(db, key, LeaseSchema.nullable(), null)
        if (cur?.owner === owner) deleteSetting(db, key)
      }).immediate()
    }
  }
}
