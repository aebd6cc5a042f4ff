import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import { z } from 'zod'
import type { Db } from '../db/connection'
import { deleteSetting, readSetting, writeSetting } from './settings'

// In-process locks do not see other processes on the same data dir (the desktop app and
// `psa-bridge sync` from a scheduled task): a lease in the database does. Without it both would
// deliver the same queued alert (two tickets) or push billing at once.

/** The leases in use: settings keys, one per kind of exclusive work. */
export const LEASES = {
  alertCycle: 'ticketing.cycleLease',
  billingRun: 'billing.runLease',
  /** The process running the background jobs of this data dir (`psa-bridge service`, `web --background`). */
  background: 'app.backgroundLease'
} as const
export type LeaseName = keyof typeof LEASES
/** A lease not renewed for this long belongs to a process that died mid-cycle. */
export const LEASE_TTL_MS = 5 * 60_000
/** Renewal period while a cycle runs (real time: it only has to beat the TTL). */
const RENEW_EVERY_MS = 60_000

// The holder is named (pid, host, start), so a holder that died (SIGKILL, power cut) is replaced at once instead of
// blocking every other process until the TTL runs out; leases written before this carry no holder and just expire.
const LeaseSchema = z.object({
  owner: z.string(),
  until: z.string(),
  pid: z.number().int().optional(),
  host: z.string().optional(),
  startedAt: z.string().optional()
})
type LeaseRow = z.infer<typeof LeaseSchema>

/** Whether the holder is certainly gone: same host, and no process with its pid. */
function holderDead(cur: LeaseRow): boolean {
  if (cur.pid === undefined || cur.host !== hostname()) return false
  if (cur.pid === process.pid) return false
  try {
    process.kill(cur.pid, 0)
    return false
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH'
  }
}

function live(cur: LeaseRow | null, now: Date): cur is LeaseRow {
  return cur !== null && Date.parse(cur.until) > now.getTime() && !holderDead(cur)
}

/** "process 1234 on host-a since 12:00:00 UTC", for messages; null when the lease is free. */
export function leaseHolder(db: Db, name: LeaseName, now: Date): string | null {
  const cur = readSetting(db, LEASES[name], LeaseSchema.nullable(), null)
  if (!live(cur, now)) return null
  return cur.pid === undefined ? 'another process' : `process ${cur.pid} on ${cur.host} since ${cur.startedAt}`
}

export interface Lease {
  release(): void
}

/** Takes the lease (or renews our own); false while another process holds a live one. */
function claim(db: Db, key: string, owner: string, now: Date, startedAt: string): boolean {
  // IMMEDIATE: the read and the write happen under one write lock, so two processes cannot both win.
  return db
    .transaction(() => {
      const cur = readSetting(db, key, LeaseSchema.nullable(), null)
      if (cur && cur.owner !== owner && live(cur, now)) return false
      const until = new Date(now.getTime() + LEASE_TTL_MS).toISOString()
      writeSetting(db, key, LeaseSchema, { owner, until, pid: process.pid, host: hostname(), startedAt }, now)
      return true
    })
    .immediate()
}

/** Whether another process holds this lease right now (e.g. at start-up: is that `running` row still alive?). */
export function leaseHeld(db: Db, name: LeaseName, now: Date): boolean {
  return live(readSetting(db, LEASES[name], LeaseSchema.nullable(), null), now)
}

/** The lease, renewed until released; null when another process holds it. */
export function acquireLease(db: Db, name: LeaseName, now: () => Date): Lease | null {
  const key = LEASES[name]
  const owner = randomUUID()
  const startedAt = now().toISOString()
  if (!claim(db, key, owner, now(), startedAt)) return null
  const timer = setInterval(() => {
    try {
      claim(db, key, owner, now(), startedAt)
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
