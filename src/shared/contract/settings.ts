import { DoorSchema } from './door'
import { z } from 'zod'
import { method } from './define'

/**
 * UI preferences of one installation: electron-store in the desktop app, a JSON file of this same schema in
 * the data folder for the browser bridge. Every field has a default, so an older or hand-edited file still reads.
 */
export const UiPrefsSchema = z.object({
  startAtLogin: z.boolean().default(false),
  notifications: z.boolean().default(true)
})
export type UiPrefs = z.output<typeof UiPrefsSchema>
export const DEFAULT_UI_PREFS: UiPrefs = Object.freeze(UiPrefsSchema.parse({}))

/** How often usage is sampled for the HWM (stored in the database: the headless service reads it too). */
export const SamplingIntervalSchema = z
  .number()
  .int()
  .min(15, 'Sample at most every 15 minutes.')
  .max(24 * 60, 'Sample at least once a day.')
export const DEFAULT_SAMPLING_MINUTES = 60

/** Scheduled work paused by a person (stored in the database, so the CLI and the service see it). */
export const PauseStateSchema = z.object({ paused: z.boolean(), since: z.string().nullable() })
export type PauseState = z.output<typeof PauseStateSchema>

/** The door this process serves (one of the audit's doors; 'internal' is not a host). */
export const HostKindSchema = DoorSchema.exclude(['internal'])
export type HostKind = z.output<typeof HostKindSchema>

export const FolderSchema = z.enum(['data', 'logs'])
export type Folder = z.output<typeof FolderSchema>

/** A screen of the window, and the filter to open it with (the tray and notifications lead there). */
export const ScreenSchema = z.enum(['connect', 'customers', 'billing', 'ticketing', 'assets', 'activity', 'settings'])
export const NavigateTargetSchema = z.object({
  screen: ScreenSchema,
  filter: z.enum(['unmapped', 'alerts']).nullable()
})
export type NavigateTarget = z.output<typeof NavigateTargetSchema>

export const SettingsViewSchema = z.object({
  prefs: UiPrefsSchema,
  samplingIntervalMinutes: SamplingIntervalSchema,
  pause: PauseStateSchema,
  /** Which door answers: start at login and opening folders exist in the desktop app only. */
  door: HostKindSchema,
  canStartAtLogin: z.boolean(),
  canOpenFolders: z.boolean(),
  dataDir: z.string(),
  logDir: z.string(),
  /** Whether secrets can be stored — never a secret itself. */
  secrets: z.object({
    store: z.enum(['keychain', 'env', 'memory']),
    available: z.boolean(),
    message: z.string()
  }),
  about: z.object({ name: z.string(), version: z.string(), node: z.string(), platform: z.string() })
})
export type SettingsView = z.output<typeof SettingsViewSchema>

export const SaveSettingsSchema = z
  .object({
    startAtLogin: z.boolean().optional(),
    notifications: z.boolean().optional(),
    samplingIntervalMinutes: SamplingIntervalSchema.optional()
  })
  .strict()

export const settingsMethods = {
  getSettings: method(
    'Settings: start at login, notifications, sampling interval, folders, keychain status, version',
    z.object({}),
    SettingsViewSchema
  ),
  saveSettings: method('Change one or more settings (the others are kept)', SaveSettingsSchema, SettingsViewSchema),
  setPaused: method(
    'Pause scheduled work (billing schedule, alert polling, sampling) or resume it; Sync now still works',
    z.object({ paused: z.boolean() }),
    PauseStateSchema
  ),
  openFolder: method(
    'Open the data or log folder in the file manager (desktop app); elsewhere returns its path',
    z.object({ folder: FolderSchema }),
    z.object({ opened: z.boolean(), path: z.string(), message: z.string() })
  )
}
