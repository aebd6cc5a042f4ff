import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import type { Db } from '../db/connection'
import { deleteSetting, readSetting, writeSetting } from '../core/settings'

// The in-process lock of cycle.ts does not see other processes on the same data dir (the desktop app
// and `psa-bridge sync` from a scheduled task): this lease in the database does. Both would otherwise
// deliver the same queued alert — two tickets, or two notes.

const LEASE_KEY = 'ticketing.cycleLease'
/** A lease not renewed for this long belongs to a process that died mid-cycle. */
export const LEASE_TTL_MS = 5 * 60_000
/** Renewal period while a cycle runs (real time: it only has to beat the TTL). */
const RENEW_EVERY_MS = 60_000

const LeaseSchema = z.object({ owner: z.string(), until: z.string() })

export interface CycleLease {
  release(): void
}

/** Takes the lease (or renews our own); false while another process holds a live one. */
function claim(db: Db, owner: string, now: Date): boolean {
  // IMMEDIATE: the read and the write happen under one write lock, so two processes cannot both win.
  return db
    .transaction(() => {
      const cur = readSetting(db, LEASE_KEY, LeaseSchema.nullable(), null)
      if (cur && cur.owner !== owner && Date.parse(cur.until) > now.getTime()) return false
      writeSetting(db, LEASE_KEY, LeaseSchema, { owner, until: new Date(now.getTime() + LEASE_TTL_MS).toISOString() }, now)
      return true
    })
    .immediate()
}

/** The cycle lease, renewed until released; null when another process is running a cycle. */
export function acquireCycleLease(db: Db, now: () => Date): CycleLease | null {
  const owner = randomUUID()
  if (!claim(db, owner, now())) return null
  const timer = setInterval(() => {
    try {
      claim(db, owner, now())
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
        const cur = readSetting(db, LEASE_KEY, LeaseSchema.nullable(), null)
        if (cur?.owner === owner) deleteSetting(db, LEASE_KEY)
      }).immediate()
    }
  }
}
