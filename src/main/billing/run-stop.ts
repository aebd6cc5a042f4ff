import { AppError } from '../../shared/errors'
import type { Db } from '../db/connection'

// A stop asked of the billing run in progress (service shutdown on SIGTERM). The runner checks it before every
// step, like an outage: steps in flight finish, later ones end "Not attempted", and the run is recorded
// "interrupted" with what it did — never a half-written history.

const stops = new WeakMap<Db, AppError>()

export function setBillingStop(db: Db, reason: string): void {
  stops.set(db, new AppError('unavailable', reason))
}

export function clearBillingStop(db: Db): void {
  stops.delete(db)
}

/** The stop asked of this database's run, if any. */
export function billingStopRequested(db: Db): AppError | null {
  return stops.get(db) ?? null
}
