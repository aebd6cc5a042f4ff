import { PauseStateSchema, type PauseState } from '../../shared/contract/settings'
import type { Db } from '../db/connection'
import { readSetting, writeSetting } from './settings'

/** In the database, not the UI preferences: the CLI and the headless service obey it too. */
export const PAUSE_KEY = 'schedule.paused'

const NOT_PAUSED: PauseState = Object.freeze({ paused: false, since: null })

export function readPause(db: Db): PauseState {
  return readSetting(db, PAUSE_KEY, PauseStateSchema, NOT_PAUSED)
}

export function isPaused(db: Db): boolean {
  return readPause(db).paused
}

/** Pausing twice keeps the first time; resuming clears it. */
export function writePause(db: Db, paused: boolean, now: Date): PauseState {
  const current = readPause(db)
  if (current.paused === paused) return current
  return writeSetting(db, PAUSE_KEY, PauseStateSchema, { paused, since: paused ? now.toISOString() : null }, now)
}
