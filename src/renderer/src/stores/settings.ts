import { create } from 'zustand'
import type { PauseState, SettingsView } from '../../../shared/contract/settings'
import { api, toApiError, type ApiError } from '../api/client'

type Patch = { startAtLogin?: boolean; notifications?: boolean; samplingIntervalMinutes?: number }

interface SettingsState {
  view: SettingsView | null
  error: ApiError | null
  notice: string | null
  busy: boolean
  load(): Promise<void>
  save(patch: Patch): Promise<void>
  setPaused(paused: boolean): Promise<void>
  openFolder(folder: 'data' | 'logs'): Promise<void>
}

export const useSettings = create<SettingsState>((set, get) => {
  // A read that started before a save must not overwrite it (two reads start with the window).
  let epoch = 0
  const run = async (fn: () => Promise<void>) => {
    set({ busy: true, error: null, notice: null })
    try {
      await fn()
    } catch (e) {
      set({ error: toApiError(e) })
    } finally {
      set({ busy: false })
    }
  }
  return {
    view: null,
    error: null,
    notice: null,
    busy: false,
    async load() {
      const started = epoch
      try {
        const view = await api.getSettings({})
        if (started === epoch) set({ view, error: null })
      } catch (e) {
        set({ error: toApiError(e) })
      }
    },
    save: (patch) => {
      epoch++
      // The switch moves at once; the core's reply (or a reload after an error) is the truth.
      const view = get().view
      if (view) {
        const { samplingIntervalMinutes, ...prefs } = patch
        set({
          view: {
            ...view,
            prefs: { ...view.prefs, ...prefs },
            samplingIntervalMinutes: samplingIntervalMinutes ?? view.samplingIntervalMinutes
          }
        })
      }
      return run(async () => {
        try {
          set({ view: await api.saveSettings(patch), notice: 'Settings saved.' })
        } catch (e) {
          await get().load()
          throw e
        }
      })
    },
    setPaused: (paused) =>
      run(async () => {
        const pause: PauseState = await api.setPaused({ paused })
        const view = get().view
        if (view) set({ view: { ...view, pause } })
      }),
    openFolder: (folder) => run(async () => set({ notice: (await api.openFolder({ folder })).message }))
  }
})

/** Keeps the pause state and settings current when another door (tray, CLI, another window) changes them. */
export function watchSettings(): () => void {
  void useSettings.getState().load()
  return api.on('settingsChanged', (p) => {
    const view = useSettings.getState().view
    if (view) useSettings.setState({ view: { ...view, ...p } })
    else void useSettings.getState().load()
  })
}
