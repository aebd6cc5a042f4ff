import { z } from 'zod'
import type { SyncResult } from '../../shared/contract/billing'
import { recordActivity } from '../core/activity'
import type { AppContext } from '../core/context'
import { readSetting, writeSetting } from '../core/settings'
import { prepared } from '../db/prepared'
import { DEFAULT_SCHEDULE } from '../scheduler/schedule'
import { loadBillingSettings, storeBillingSettings, storeLastScheduledRun } from './store'

// Daily push on by default (issue 10 #8): JumpCloud's own integration pushes daily at 12 PM Eastern once configured
// (jumpcloud.md §B.1). Ours turns the schedule on by itself once billing mappings exist and a first push has been
// previewed and done — unless a person has chosen the schedule (on or off) themselves, which always wins.

/** Set when a person saves the schedule switch: from then on it is theirs. */
export const SCHEDULE_CHOSEN_KEY = 'billing.scheduleChosen'

export function markScheduleChosen(ctx: AppContext): void {
  writeSetting(ctx.db, SCHEDULE_CHOSEN_KEY, z.boolean(), true, ctx.now())
}

/**
 * After a push: turns the daily schedule on when it is off, nobody chose it, the push touched billing mappings and
 * a preview ran before it. Noon in the billing zone, like JumpCloud's noon Eastern (the same time for the default
 * New York zone). Returns whether it turned it on.
 */
export function turnOnScheduleAfterFirstPush(ctx: AppContext, run: SyncResult): boolean {
  if (run.dryRun || (run.status !== 'ok' && run.status !== 'partial') || run.items.length === 0) return false
  const settings = loadBillingSettings(ctx.db)
  if (settings.scheduleEnabled || readSetting(ctx.db, SCHEDULE_CHOSEN_KEY, z.boolean(), false)) return false
  const previewed = prepared(
    ctx.db,
    "SELECT 1 FROM sync_runs WHERE kind = 'billing' AND dry_run = 1 AND started_at <= ? LIMIT 1"
  ).get(run.startedAt)
  if (!previewed) return false
  const now = ctx.now()
  const schedule = { kind: 'daily' as const, time: DEFAULT_SCHEDULE.time, zone: settings.timeZone }
  storeBillingSettings(ctx.db, { ...settings, scheduleEnabled: true, schedule }, now)
  storeLastScheduledRun(ctx.db, now) // the first scheduled push is the next slot, not a catch-up now
  recordActivity(ctx.db, {
    actor: 'system',
    action: 'billing.schedule.auto-on',
    detail: { schedule, after: run.runId },
    at: now.toISOString()
  })
  ctx.log.info('daily push turned on after the first previewed push', { time: schedule.time, zone: schedule.zone })
  ctx.events.emit('billingSettingsChanged', {})
  return true
}
