import { isAppError } from '../../../shared/errors'
import { targetKey, type BillingTargetRef, type QuantityRead, type ReadOptions } from '../types'
import { wireId, type SyncroApi } from './api'
import { toItem, toRead } from './billing'
import { SchedulePageSchema, ScheduleReplySchema, type SyncroSchedule } from './schemas'

/**
 * From this many distinct recurring invoices on, listing every schedule (a page holds 25 in the documented
 * examples, syncro.md §2) costs fewer requests than one GET per schedule; below it, GET each one.
 */
export const LIST_ALL_FROM = 40

/**
 * Errors that fail the lines of the one schedule asked for. A 5xx or timeout on one schedule is among them: whether
 * Syncro as a whole is down is the billing run's call (its breaker counts such failures across items); auth and
 * rate limits stop the whole read.
 */
const ONE_TARGET = new Set(['bad-response', 'validation', 'permission', 'unavailable', 'timeout'])

/**
 * Quantities of many schedule lines with as few requests as possible at 180/min (syncro.md §3): one GET per
 * distinct schedule (lines of the same invoice share it), or the paged list of all schedules for large runs.
 * Lines missing from the result no longer exist. Same values as readQuantity.
 */
export async function readQuantities(
  api: SyncroApi,
  targets: readonly BillingTargetRef[],
  onRead?: ReadOptions['onRead']
): Promise<Map<string, QuantityRead | Error>> {
  const ids = [...new Set(targets.map((t) => t.containerId))]
  const out = new Map<string, QuantityRead | Error>()
  const wanted = new Set(targets.map(targetKey))
  // Only the asked lines' reads are kept, page by page: the parsed schedules are dropped as soon as they are read.
  // Each is told to onRead at once, so a run writes while later pages load. The list has no page count (syncro.md
  // §2), but the asked invoices should exist: the pages that hold that many are asked at once (api.each), later ones
  // one after another. First sight wins (a schedule shifted onto the next page while listing shows twice), so what
  // onRead was told is what the map holds.
  const keep = (s: SyncroSchedule) => {
    for (const line of s.lines) {
      const key = targetKey({ containerId: String(s.id), itemId: String(line.id) })
      if (!wanted.has(key) || out.has(key)) continue
      const read = toRead(toItem(line))
      out.set(key, read)
      onRead?.(key, read)
    }
  }
  if (ids.length >= LIST_ALL_FROM)
    await api.each('/schedules', 'schedules', SchedulePageSchema, {}, (page) => page.forEach(keep), ids.length)
  else {
    const one = async (id: string): Promise<void> => {
      try {
        keep((await api.get(`/schedules/${wireId(id, 'recurring invoice')}`, ScheduleReplySchema)).schedule)
      } catch (e) {
        if (isAppError(e) && e.code === 'not-found') return // deleted in Syncro: its lines are reported missing
        // One unreadable invoice (a malformed reply, a refused id) fails its own lines, not everyone's billing.
        if (isAppError(e) && ONE_TARGET.has(e.code)) {
          for (const t of targets) if (t.containerId === id) out.set(targetKey(t), e)
          return
        }
        throw e
      }
    }
    await Promise.all(ids.map(one))
  }
  return out
}
