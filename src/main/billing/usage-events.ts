import { z } from 'zod'
import type { SourceConnector, SourceEvent, SourceKind } from '../connectors/types'
import { LEGACY_SOURCE } from '../../shared/registry'
import type { AppContext } from '../core/context'
import { readSetting, writeSetting } from '../core/settings'
import { prepared } from '../db/prepared'
import type { Metric } from './hwm'
import { recordSamples, type UsageSample } from './usage-store'

// Peaks between two samples, from the source's create/delete events (issue 10 #8). JumpCloud Directory Insights
// logs "user_create — A user account is created." / "user_delete — A user account is deleted." (Directory - User and
// Admin Events) and "system_create — System is created." / "system_delete — System is deleted." (Directory - Object
// Events), service `directory` (jumpcloud-directoryinsights.swagger.json, info.description "Event Types";
// jumpcloud.md §D.1). Between two samples a (count at t0) and b (count at t1) the count after each event is
//   forward  f = a + (events up to it)       backward  g = b − (events after it, up to t1)
// With every event seen, f = g = the true count. With one missing, one of them is too high, so we keep min(f, g):
// an event stream with gaps can hide a peak, never invent one (never bill a seat that was not there).

/** Event type → the count it moves, and by how much. */
export const COUNT_EVENTS: Readonly<Record<string, { metric: Metric; delta: 1 | -1 }>> = {
  user_create: { metric: 'users', delta: 1 },
  user_delete: { metric: 'users', delta: -1 },
  system_create: { metric: 'devices', delta: 1 },
  system_delete: { metric: 'devices', delta: -1 }
}
export const EVENT_ORIGIN = 'event'
/** Up to where events have been replayed: an instant of a sample (ISO). */
/** Per source (removed with it by Disable & Clear). */
export const eventCursorKey = (source: SourceKind) => `${source}.usageEventCursor`
/** Where the legacy source's cursor was kept before orgs carried their source: read once, then moved. */
const OLD_CURSOR_KEY = 'billing.usageEventCursor'
/**
 * DI events arrive late (jumpcloud.md §A.3: Elastic's agent reads up to now − a lag), so a window is replayed only
 * once its end is this far in the past — normally at the next sampling pass.
 */
export const EVENT_LAG_MS = 5 * 60_000
/** How far back a window may start (an org whose counts could not be read for this long starts afresh). */
const LOOKBACK_MS = 36 * 3_600_000

export interface CountAt {
  at: string
  count: number
}

/** The counts after each of `deltas` (oldest first) between samples `a` and `b`: min of forward and backward. */
export function countsBetween(a: number, b: number, deltas: readonly number[]): number[] {
  const total = deltas.reduce((s, d) => s + d, 0)
  let forward = a
  let seen = 0
  return deltas.map((d) => {
    forward += d
    seen += d
    const backward = b - (total - seen)
    return Math.max(0, Math.min(forward, backward))
  })
}

/**
 * Event points of one org and metric: for each pair of consecutive samples, the count after each event between
 * them (in (a, b]). Samples and events oldest first.
 */
export function reconstruct(
  samples: readonly CountAt[],
  events: ReadonlyArray<{ at: string; delta: number }>
): CountAt[] {
  const out: CountAt[] = []
  let e = 0
  for (let i = 1; i < samples.length; i++) {
    const a = samples[i - 1]!
    const b = samples[i]!
    while (e < events.length && events[e]!.at <= a.at) e++
    const between: Array<{ at: string; delta: number }> = []
    for (; e < events.length && events[e]!.at <= b.at; e++) between.push(events[e]!)
    const counts = countsBetween(
      a.count,
      b.count,
      between.map((x) => x.delta)
    )
    between.forEach((x, k) => out.push({ at: x.at, count: counts[k]! }))
  }
  return out
}

const Cursor = z.string().nullable()
const SAMPLE_ORIGINS = `origin IN ('sample', 'sync')`
type Row = { org_id: string; metric: Metric; count: number; taken_at: string }

/**
 * Replays the count events of `orgIds` between the samples taken since the last pass (up to `now` − lag) and stores
 * each reconstructed count as an 'event' sample. One events query for all orgs (chunked by the connector).
 * Returns the number of points stored.
 */
export async function replayCountEvents(
  ctx: AppContext,
  kind: SourceKind,
  source: SourceConnector,
  orgIds: readonly string[],
  now: Date
): Promise<number> {
  const db = ctx.db
  const until = new Date(now.getTime() - EVENT_LAG_MS).toISOString()
  const key = eventCursorKey(kind)
  const cursor =
    readSetting(db, key, Cursor, null) ??
    (kind === LEGACY_SOURCE ? readSetting(db, OLD_CURSOR_KEY, Cursor, null) : null)
  if (cursor === null) {
    // First pass: nothing before now to replay against; windows start at this pass's samples.
    writeSetting(db, key, Cursor, now.toISOString(), now)
    return 0
  }
  const later = prepared(
    db,
    `SELECT org_id, metric, count, taken_at FROM usage_snapshots
     WHERE taken_at > ? AND taken_at <= ? AND source_kind = ? AND ${SAMPLE_ORIGINS} ORDER BY taken_at`
  ).all(cursor, until, kind) as Row[]
  if (later.length === 0) return 0
  const from = new Date(Date.parse(cursor) - LOOKBACK_MS).toISOString()
  // Each org's last sample at or before the cursor starts its first window (SQLite: bare columns of the max row).
  const starts = prepared(
    db,
    `SELECT org_id, metric, count, MAX(taken_at) AS taken_at FROM usage_snapshots
     WHERE taken_at > ? AND taken_at <= ? AND source_kind = ? AND ${SAMPLE_ORIGINS} GROUP BY org_id, metric`
  ).all(from, cursor, kind) as Row[]
  const wanted = new Set(orgIds)
  const series = new Map<string, CountAt[]>()
  for (const r of [...starts, ...later]) {
    if (!wanted.has(r.org_id)) continue
    const k = `${r.metric}\u0000${r.org_id}`
    const list = series.get(k) ?? []
    list.push({ at: r.taken_at, count: r.count })
    series.set(k, list)
  }
  const orgs = [...new Set([...series.keys()].map((k) => k.split('\u0000')[1]!))]
  const first = [...series.values()].reduce((m, l) => (l[0]!.at < m ? l[0]!.at : m), until)
  const newCursor = later[later.length - 1]!.taken_at
  const events = orgs.length
    ? await source.fetchEvents({
        orgIds: orgs,
        eventTypes: Object.keys(COUNT_EVENTS),
        start: new Date(first),
        end: new Date(Date.parse(newCursor) + 1)
      })
    : []
  const byKey = groupEvents(events)
  const points: UsageSample[] = []
  for (const [k, samples] of series) {
    const [metric, orgId] = k.split('\u0000') as [Metric, string]
    for (const p of reconstruct(samples, byKey.get(k) ?? []))
      points.push({ source: kind, orgId, metric, count: p.count, takenAt: p.at, origin: EVENT_ORIGIN })
  }
  db.transaction(() => {
    recordSamples(db, points)
    writeSetting(db, key, Cursor, newCursor, now)
  })()
  return points.length
}

/** Count events keyed like the sample series (metric + org), oldest first, duplicates (same id) once. */
function groupEvents(events: readonly SourceEvent[]): Map<string, Array<{ at: string; delta: number }>> {
  const seen = new Set<string>()
  const out = new Map<string, Array<{ at: string; delta: number }>>()
  for (const e of events) {
    const kind = COUNT_EVENTS[e.eventType.toLowerCase()]
    if (!kind || seen.has(e.id)) continue
    seen.add(e.id)
    const k = `${kind.metric}\u0000${e.orgId}`
    const list = out.get(k) ?? []
    list.push({ at: e.timestamp, delta: kind.delta })
    out.set(k, list)
  }
  for (const list of out.values()) list.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
  return out
}
