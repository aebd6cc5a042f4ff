import type { z } from 'zod'
import { AppError } from '../../shared/errors'
import type { Db } from '../db/connection'
import { prepared } from '../db/prepared'

/**
 * Typed key/value settings in SQLite (electron-store holds UI preferences only). Keys of settings that
 * belong to one integration start with "<kind>." so Disable & Clear removes them with it.
 */
export function readSetting<T extends z.ZodType>(db: Db, key: string, schema: T, fallback: z.output<T>): z.output<T> {
  const row = prepared(db, 'SELECT value_json FROM settings WHERE key = ?').get(key) as
    { value_json: string } | undefined
  if (!row) return fallback
  const parsed = schema.safeParse(JSON.parse(row.value_json))
  if (!parsed.success) throw new AppError('internal', `The stored setting "${key}" is invalid; re-save it in Settings.`)
  return parsed.data
}

export function writeSetting<T extends z.ZodType>(
  db: Db,
  key: string,
  schema: T,
  value: z.input<T>,
  now = new Date()
): z.output<T> {
  const parsed = schema.parse(value)
  prepared(
    db,
    `INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`
  ).run(key, JSON.stringify(parsed), now.toISOString())
  return parsed
}

export function deleteSetting(db: Db, key: string): void {
  prepared(db, 'DELETE FROM settings WHERE key = ?').run(key)
}
