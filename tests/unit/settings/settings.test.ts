import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { createApp } from '../../../src/main/app/app'
import { createJsonPrefsStore, createKeyValuePrefsStore, parsePrefs, PREFS_FILE } from '../../../src/main/core/prefs'
import { secretStoreStatus } from '../../../src/main/secrets/status'
import { createMemoryStore } from '../../../src/main/secrets'
import { SaveSettingsSchema, SettingsViewSchema, UiPrefsSchema } from '../../../src/shared/contract/settings'
import { useTempDirs } from '../../helpers/tmp'

const tmp = useTempDirs()

describe('settings schema', () => {
  it('every UI preference has a default, so an empty or older file reads', () => {
    expect(UiPrefsSchema.parse({})).toEqual({ startAtLogin: false, notifications: true })
  })

  it('a bad field takes its default and the good ones are kept; unknown keys are ignored', () => {
    expect(parsePrefs({ startAtLogin: 'yes', notifications: false, closeNoticeShown: true })).toEqual({
      startAtLogin: false,
      notifications: false
    })
    expect(parsePrefs(null)).toEqual({ startAtLogin: false, notifications: true })
    expect(parsePrefs([1, 2])).toEqual({ startAtLogin: false, notifications: true })
  })

  it('saveSettings refuses unknown fields and sampling intervals out of range', () => {
    expect(SaveSettingsSchema.safeParse({ dataDir: '/etc' }).success).toBe(false)
    expect(SaveSettingsSchema.safeParse({ samplingIntervalMinutes: 5 }).success).toBe(false)
    expect(SaveSettingsSchema.safeParse({ samplingIntervalMinutes: 24 * 60 + 1 }).success).toBe(false)
    expect(SaveSettingsSchema.safeParse({ samplingIntervalMinutes: 30.5 }).success).toBe(false)
    expect(SaveSettingsSchema.parse({ samplingIntervalMinutes: 30 })).toEqual({ samplingIntervalMinutes: 30 })
  })
})

describe('JSON prefs store (browser bridge)', () => {
  it('writes the file electron-store reads, keeping keys it does not know', () => {
    const dir = tmp()
    writeFileSync(join(dir, PREFS_FILE), JSON.stringify({ closeNoticeShown: true }))
    const store = createJsonPrefsStore(dir)
    expect(store.read()).toEqual({ startAtLogin: false, notifications: true })
    store.write({ startAtLogin: true, notifications: false })
    expect(JSON.parse(readFileSync(join(dir, PREFS_FILE), 'utf8'))).toEqual({
      closeNoticeShown: true,
      startAtLogin: true,
      notifications: false
    })
    expect(createJsonPrefsStore(dir).read()).toEqual({ startAtLogin: true, notifications: false })
  })

  it('a damaged file reads as defaults and the next save repairs it', () => {
    const dir = tmp()
    writeFileSync(join(dir, PREFS_FILE), '{not json')
    const store = createJsonPrefsStore(dir)
    expect(store.read()).toEqual({ startAtLogin: false, notifications: true })
    store.write({ startAtLogin: false, notifications: false })
    expect(store.read().notifications).toBe(false)
  })

  it('a key/value store (electron-store) reads and writes the same schema', () => {
    let data: Record<string, unknown> = { notifications: false, closeNoticeShown: true }
    const kv = {
      get store() {
        return data
      },
      set: (v: Record<string, unknown>) => void (data = { ...data, ...v })
    }
    const store = createKeyValuePrefsStore(kv)
    expect(store.read()).toEqual({ startAtLogin: false, notifications: false })
    store.write({ startAtLogin: true, notifications: true })
    expect(data).toEqual({ closeNoticeShown: true, startAtLogin: true, notifications: true })
  })
})

describe('secret store status', () => {
  it('reports whether the keychain answers, never a secret', async () => {
    const working = createMemoryStore()
    await working.set('syncro.apiToken', 'super-secret-token')
    const ok = await secretStoreStatus({ ...working, kind: 'keychain' })
    expect(ok).toEqual({ store: 'keychain', available: true, message: 'The OS keychain is available.' })
    const broken = {
      kind: 'keychain' as const,
      get: vi.fn(async () => {
        throw new Error('The OS keychain is not available: no Secret Service')
      }),
      set: vi.fn(),
      delete: vi.fn()
    }
    const bad = await secretStoreStatus(broken)
    expect(bad).toMatchObject({ store: 'keychain', available: false })
    expect(bad.message).toContain('no Secret Service')
    // Only the probe account is read: never an integration's secret.
    expect(broken.get).toHaveBeenCalledWith('status.probe')
  })
})

describe('settings handlers', () => {
  async function open(host?: Parameters<typeof createApp>[0]['host']) {
    const dataDir = tmp()
    const app = await createApp({ dataDir, secrets: createMemoryStore(), host })
    return { app, dataDir }
  }

  it('saves preferences and the sampling interval, survives reopening, and announces the change', async () => {
    const { app, dataDir } = await open({ door: 'bridge' })
    const seen: unknown[] = []
    app.events.on('settingsChanged', (p) => seen.push(p))
    const saved = await app.dispatch('saveSettings', { notifications: false, samplingIntervalMinutes: 30 })
    expect(saved.ok).toBe(true)
    expect(seen).toEqual([
      {
        prefs: { startAtLogin: false, notifications: false },
        samplingIntervalMinutes: 30,
        pause: { paused: false, since: null }
      }
    ])
    await app.close()
    const again = await createApp({ dataDir, secrets: createMemoryStore(), host: { door: 'bridge' } })
    const view = await again.dispatch('getSettings', {})
    expect(view.ok && SettingsViewSchema.parse(view.value)).toMatchObject({
      prefs: { notifications: false },
      samplingIntervalMinutes: 30,
      door: 'bridge',
      canStartAtLogin: false,
      canOpenFolders: false,
      dataDir,
      logDir: join(dataDir, 'logs'),
      secrets: { store: 'memory', available: true }
    })
    await again.close()
  })

  it('start at login is refused where the door cannot apply it', async () => {
    const { app } = await open({ door: 'bridge' })
    const r = await app.dispatch('saveSettings', { startAtLogin: true })
    expect(r).toMatchObject({ ok: false, error: { code: 'config', field: 'startAtLogin' } })
    await app.close()
  })

  it('pause persists in the database, keeps its first time, and resume clears it', async () => {
    let now = new Date('2026-03-01T10:00:00Z')
    const dataDir = tmp()
    const app = await createApp({ dataDir, secrets: createMemoryStore(), now: () => now })
    const first = await app.dispatch('setPaused', { paused: true })
    expect(first).toEqual({ ok: true, value: { paused: true, since: '2026-03-01T10:00:00.000Z' } })
    now = new Date('2026-03-01T11:00:00Z')
    expect((await app.dispatch('setPaused', { paused: true })).ok && first.ok).toBe(true)
    const status = await app.dispatch('getStatus', {})
    expect(status.ok && status.value).toMatchObject({ pause: { paused: true, since: '2026-03-01T10:00:00.000Z' } })
    await app.close()
    const cli = await createApp({ dataDir, secrets: createMemoryStore() })
    expect(await cli.dispatch('setPaused', { paused: false })).toEqual({
      ok: true,
      value: { paused: false, since: null }
    })
    await cli.close()
  })

  it('opens only the data or log folder, through the door; elsewhere it returns the path', async () => {
    const opened: string[] = []
    const { app, dataDir } = await open({ door: 'window', openFolder: async (p) => void opened.push(p) })
    expect(await app.dispatch('openFolder', { folder: 'logs' })).toMatchObject({ ok: true, value: { opened: true } })
    expect(opened).toEqual([join(dataDir, 'logs')])
    expect(await app.dispatch('openFolder', { folder: '/etc' })).toMatchObject({
      ok: false,
      error: { code: 'validation' }
    })
    await app.close()
    const bridge = await open({ door: 'bridge' })
    const r = await bridge.app.dispatch('openFolder', { folder: 'data' })
    expect(r).toMatchObject({ ok: true, value: { opened: false, path: bridge.dataDir } })
    await bridge.app.close()
  })
})
