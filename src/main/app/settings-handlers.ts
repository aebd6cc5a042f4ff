import pkg from '../../../package.json'
import type { Handlers } from '../../shared/contract'
import {
  DEFAULT_SAMPLING_MINUTES,
  SamplingIntervalSchema,
  type Folder,
  type SettingsView
} from '../../shared/contract/settings'
import { AppError } from '../../shared/errors'
import type { AppContext } from '../core/context'
import { logDirOf } from '../core/log'
import { readPause, writePause } from '../core/pause'
import { createJsonPrefsStore } from '../core/prefs'
import { readSetting, writeSetting } from '../core/settings'
import { secretStoreStatus } from '../secrets/status'
import type { AppHost } from './host'

/** In the database: the background sampler (desktop app or headless service) reads it. */
export const SAMPLING_KEY = 'sampling.intervalMinutes'

export function readSamplingMinutes(ctx: Pick<AppContext, 'db'>): number {
  return readSetting(ctx.db, SAMPLING_KEY, SamplingIntervalSchema, DEFAULT_SAMPLING_MINUTES)
}

type SettingsHandlers = Pick<Handlers, 'getSettings' | 'saveSettings' | 'setPaused' | 'openFolder'>

/** Settings that belong to no one domain (billing and ticketing keep theirs on their own screens). */
export function createSettingsHandlers(ctx: AppContext, host: AppHost): SettingsHandlers {
  const prefs = host.prefs ?? createJsonPrefsStore(ctx.dataDir)
  const folders: Record<Folder, string> = { data: ctx.dataDir, logs: logDirOf(ctx.dataDir) }

  const view = async (): Promise<SettingsView> => ({
    prefs: prefs.read(),
    samplingIntervalMinutes: readSamplingMinutes(ctx),
    pause: readPause(ctx.db),
    door: host.door,
    canStartAtLogin: host.canStartAtLogin === true,
    canOpenFolders: typeof host.openFolder === 'function',
    dataDir: folders.data,
    logDir: folders.logs,
    secrets: await secretStoreStatus(ctx.secrets),
    about: { name: 'PSA Bridge', version: pkg.version, node: process.versions.node, platform: process.platform }
  })
  const changed = async (): Promise<SettingsView> => {
    const v = await view()
    ctx.events.emit('settingsChanged', {
      prefs: v.prefs,
      samplingIntervalMinutes: v.samplingIntervalMinutes,
      pause: v.pause
    })
    return v
  }

  return {
    getSettings: view,
    async saveSettings(input) {
      if (input.startAtLogin === true && !host.canStartAtLogin)
        throw new AppError('config', 'Start at login is set in the desktop app.', {
          hint: 'Open PSA Bridge as a desktop app to change it; this window is the browser bridge.',
          field: 'startAtLogin'
        })
      const current = prefs.read()
      const next = {
        startAtLogin: input.startAtLogin ?? current.startAtLogin,
        notifications: input.notifications ?? current.notifications
      }
      // Never write what did not change.
      if (next.startAtLogin !== current.startAtLogin || next.notifications !== current.notifications) prefs.write(next)
      if (input.samplingIntervalMinutes !== undefined && input.samplingIntervalMinutes !== readSamplingMinutes(ctx))
        writeSetting(ctx.db, SAMPLING_KEY, SamplingIntervalSchema, input.samplingIntervalMinutes, ctx.now())
      return changed()
    },
    async setPaused({ paused }) {
      const before = readPause(ctx.db)
      const after = writePause(ctx.db, paused, ctx.now())
      if (before.paused !== after.paused) {
        ctx.log.info(paused ? 'scheduled work paused' : 'scheduled work resumed', { door: host.door })
        await changed()
      }
      return after
    },
    async openFolder({ folder }) {
      const path = folders[folder]
      if (!host.openFolder)
        return { opened: false, path, message: `Open ${path} in your file manager (this window cannot open folders).` }
      await host.openFolder(path)
      return { opened: true, path, message: `Opened ${path}.` }
    }
  }
}
