import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DEFAULT_UI_PREFS, UiPrefsSchema, type UiPrefs } from '../../shared/contract/settings'

/** UI preferences of one installation (not billing data: those live in the database). */
export interface PrefsStore {
  read(): UiPrefs
  write(next: UiPrefs): void
}

/** The file electron-store writes with `{ cwd: dataDir, name: 'ui-prefs' }`: both doors share it. */
export const PREFS_FILE = 'ui-prefs.json'

/** Parses whatever the file holds: unknown keys are ignored, a bad or missing field takes its default. */
export function parsePrefs(raw: unknown): UiPrefs {
  const parsed = UiPrefsSchema.safeParse(raw ?? {})
  if (parsed.success) return parsed.data
  const obj = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {}
  const out: Record<string, unknown> = { ...DEFAULT_UI_PREFS }
  for (const key of Object.keys(DEFAULT_UI_PREFS)) {
    const one = UiPrefsSchema.shape[key as keyof UiPrefs].safeParse(obj[key])
    if (one.success) out[key] = one.data
  }
  return out as UiPrefs
}

/**
 * The browser bridge's (and CLI's) store: a JSON file of the same schema in the data folder. Keys it does not
 * know (the desktop app's close-notice flag) are kept on write; the write is atomic (temp file + rename).
 */
export function createJsonPrefsStore(dataDir: string): PrefsStore {
  const file = join(dataDir, PREFS_FILE)
  const readRaw = (): Record<string, unknown> => {
    if (!existsSync(file)) return {}
    try {
      const v: unknown = JSON.parse(readFileSync(file, 'utf8'))
      return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {}
    } catch {
      return {} // A damaged file reads as defaults; the next save rewrites it whole.
    }
  }
  return {
    read: () => parsePrefs(readRaw()),
    write(next) {
      const merged = { ...readRaw(), ...UiPrefsSchema.parse(next) }
      const tmp = `${file}.${process.pid}.tmp`
      writeFileSync(tmp, JSON.stringify(merged, null, 2), { mode: 0o600 })
      renameSync(tmp, file)
    }
  }
}

/** A store over any key/value object (electron-store in the desktop app). */
export function createKeyValuePrefsStore(kv: { readonly store: unknown; set(value: Record<string, unknown>): void }) {
  return {
    read: () => parsePrefs(kv.store),
    write: (next: UiPrefs) => kv.set(UiPrefsSchema.parse(next))
  } satisfies PrefsStore
}
