import type { Db } from '../db/connection'
import { prepared } from '../db/prepared'

/** The Activity log: who did what, when. Details must never carry secrets. */
export function recordActivity(
  db: Db,
  e: { actor: string; action: string; detail?: Record<string, unknown>; at?: string }
): void {
  prepared(db, 'INSERT INTO activity (at, actor, action, detail_json) VALUES (?, ?, ?, ?)').run(
    e.at ?? new Date().toISOString(),
    e.actor,
    e.action,
    JSON.stringify(e.detail ?? {})
  )
}
