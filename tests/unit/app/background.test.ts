import { describe, expect, it, vi } from 'vitest'
import { createBackground } from '../../../src/main/app/background'
import type { App } from '../../../src/main/app/app'
import { AppError } from '../../../src/shared/errors'

function fakeApp(overrides: { pushSync?: () => Promise<unknown> } = {}) {
  const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn(), debug: vi.fn(), redact: vi.fn() }
  const handlers = {
    pushSync: vi.fn(overrides.pushSync ?? (async () => ({}))),
    pollAlertsNow: vi.fn(async () => ({}))
  }
  return { app: { handlers, log, events: { on: () => () => {} }, db: {} } as unknown as App, handlers, log }
}

describe('background jobs', () => {
  it('"Sync now" pushes billing then processes alerts, ignoring the alert backoff', async () => {
    const f = fakeApp()
    await createBackground(f.app, {
      cron: { schedule: () => ({ stop() {} }) },
      timer: { every: () => ({ stop() {} }) }
    }).syncNow()
    expect(f.handlers.pushSync).toHaveBeenCalledWith({ trigger: 'tray' })
    expect(f.handlers.pollAlertsNow).toHaveBeenCalledWith({ retryNow: true })
    expect(f.handlers.pushSync.mock.invocationCallOrder[0]!).toBeLessThan(
      f.handlers.pollAlertsNow.mock.invocationCallOrder[0]!
    )
  })

  it('a run already in progress or a failure is logged, never thrown at the tray, and alerts still run', async () => {
    const busy = fakeApp({
      pushSync: async () => {
        throw new AppError('conflict', 'running')
      }
    })
    const bg = createBackground(busy.app, {
      cron: { schedule: () => ({ stop() {} }) },
      timer: { every: () => ({ stop() {} }) }
    })
    await expect(bg.syncNow()).resolves.toBeUndefined()
    expect(busy.log.info).toHaveBeenCalledWith('billing sync skipped: already running')
    expect(busy.handlers.pollAlertsNow).toHaveBeenCalled()

    const down = fakeApp({
      pushSync: async () => {
        throw new AppError('unavailable', 'PSA down')
      }
    })
    await createBackground(down.app, {
      cron: { schedule: () => ({ stop() {} }) },
      timer: { every: () => ({ stop() {} }) }
    }).syncNow()
    expect(down.log.warn).toHaveBeenCalledWith('billing sync failed', { error: 'PSA down' })
  })
})
