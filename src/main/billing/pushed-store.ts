import type { Db } from '../db/connection'
import { prepared } from '../db/prepared'

/** Per billing mapping: the quantity last written to the PSA and when (previews never write, so never count). */
export function lastPushedByMapping(db: Db): Map<string, { quantity: number | null; at: string }> {
  // SQLite takes the bare columns of a MAX() aggregate from the row holding the maximum: the latest write.
  const rows = prepared(
    db,
    `SELECT mapping_id, new_quantity, at, MAX(id) AS last FROM sync_items
     WHERE result = 'written' AND mapping_id IS NOT NULL GROUP BY mapping_id`
  ).all() as Array<{ mapping_id: number; new_quantity: number | null; at: string }>
  return new Map(rows.map((r) => [String(r.mapping_id), { quantity: r.new_quantity, at: r.at }]))
}
