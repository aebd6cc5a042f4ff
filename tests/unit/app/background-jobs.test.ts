import { afterEach, describe, expect, it, vi } from 'vitest'
import { createBackground, type BackgroundDeps } from '../../../src/main/app/background'
import { loadBillingSettings, storeBillingSettings, storeLastScheduledRun } from '../../../src/main/billing/store'
import { SAMPLING_KEY } from '../../../src/main/app/settings-handlers'
import { createEventBus } from '../../../src/main/core/events'
import { writePause } from '../../../src/main/core/pause'
import { writeSetting } from '../../../src/main/core/settings'
import { SamplingIntervalSchema } from '../../../src/shared/contract/settings'
import { openDatabase, type Db } from '../../../src/main/db/connection'
import { migrate } from '../../../src/main/db/migrate'
import { migrations } from '../../../src/main/db/migrations'
import { ManualClock } from '../../helpers/manual-clock'

let db: Db
afterEach(() => db?.close())

// The job manager with a clock the test moves: which job runs when, and the one pause switch that gates them all.
function rig(start: string, o: { sampleEveryMinutes?: number; sample?: () => Promise<void> } = {}) {
  db = openDatabase(':memory:')
  migrate(db, migrations)
  const clock = new ManualClock(start)
  storeBillingSettings(db, { ...loadBillingSettings(db), scheduleEnabled: true }, clock.now())
  if (o.sampleEveryMinutes) writeSetting(db, SAMPLING_KEY, SamplingIntervalSchema, o.sampleEveryMinutes, clock.now())
  storeLastScheduledRun(db, clock.now())
  const calls: string[] = []
  const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn(), debug: vi.fn(), redact: vi.fn() }
  const events = createEventBus()
  const app: BackgroundDeps = {
    db,
    log,
    events,
    handlers: {
      pushSync: vi.fn(async ({ trigger }: { trigger?: string }) => void calls.push(`push:${trigger}`)),
      pollAlertsNow: vi.fn(async () => void calls.push('alerts'))
    } as never,
    jobs: {
      sampleUsage: vi.fn(async () => {
        calls.push('sample')
        await o.sample?.()
        return { at: clock.now().toISOString(), orgs: 1, failed: 0, eventPoints: 0 }
      })
    }
  }
  const jobs = createBackground(app, { cron: clock.cron, timer: clock.timer, now: clock.now })
  clock.settle = jobs.idle
  return { clock, jobs, calls, log, events }
}

describe('the background job manager', () => {
  it('runs the daily push at its time, samples every interval and polls alerts every 2 minutes', async () => {
    const r = rig('2026-03-10T15:30:00Z', { sampleEveryMinutes: 60 }) // 11:30 New York
    await r.jobs.start()
    expect(r.calls).toEqual(['sample', 'alerts']) // at start: nothing owed, one sample and one alert cycle
    r.calls.length = 0
    await r.clock.advanceTo('2026-03-10T16:30:00Z') // past noon New York (16:00 UTC)
    expect(r.calls.filter((c) => c.startsWith('push'))).toEqual(['push:schedule'])
    expect(r.calls.filter((c) => c === 'sample')).toHaveLength(1) // 16:30
    expect(r.calls.filter((c) => c === 'alerts')).toHaveLength(30)
    r.jobs.stop()
    r.calls.length = 0
    await r.clock.advance(86_400_000)
    expect(r.calls).toEqual([])
  })

  it('follows a changed sampling interval without a restart', async () => {
    const r = rig('2026-03-10T00:00:00Z', { sampleEveryMinutes: 60 })
    await r.jobs.start()
    writeSetting(db, SAMPLING_KEY, SamplingIntervalSchema, 15, r.clock.now())
    r.events.emit('settingsChanged', {
      prefs: { startAtLogin: false, notifications: true },
      samplingIntervalMinutes: 15,
      pause: { paused: false, since: null }
    })
    r.calls.length = 0
    await r.clock.advance(60 * 60_000)
    expect(r.calls.filter((c) => c === 'sample')).toHaveLength(4)
    r.jobs.stop()
  })

  it('runs nothing scheduled while paused (the stored Pause, as every door sets it); a push owed meanwhile runs once (catch-up) after the pause', async () => {
    const r = rig('2026-03-10T15:30:00Z')
    writePause(db, true, r.clock.now())
    await r.jobs.start()
    await r.clock.advanceTo('2026-03-11T15:30:00Z') // a whole day, noon included
    expect(r.calls).toEqual([])
    expect(r.log.info).toHaveBeenCalledWith('usage sampling skipped: scheduled work is paused')
    // "Sync now" is a person asking: it runs even while paused.
    await r.jobs.syncNow()
    expect(r.calls).toEqual(['push:tray', 'alerts'])
    r.calls.length = 0
    writePause(db, false, r.clock.now())
    await r.clock.advance(60 * 60_000)
    expect(r.calls.filter((c) => c.startsWith('push'))).toEqual(['push:catch-up'])
    expect(r.calls).toContain('sample')
    expect(r.calls).toContain('alerts')
    r.jobs.stop()
  })

  it('shutdown stops every timer and resolves only when the step in flight has finished', async () => {
    let release: (() => void) | null = null
    let finished = false
    const r = rig('2026-03-10T15:30:00Z', {
      sample: async () => {
        if (r.calls.length > 2) {
          await new Promise<void>((resolve) => (release = resolve))
          finished = true
        }
      }
    })
    await r.jobs.start()
    r.clock.settle = async () => undefined // let the held sample stay in flight
    await r.clock.advance(60 * 60_000)
    expect(release).not.toBeNull()
    let stopped = false
    const stop = r.jobs.shutdown('test').then(() => (stopped = true))
    await Promise.resolve()
    expect(stopped).toBe(false)
    release!()
    await stop
    expect(finished).toBe(true)
    r.calls.length = 0
    await r.clock.advance(2 * 86_400_000)
    expect(r.calls).toEqual([])
  })
})
