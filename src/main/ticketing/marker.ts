import { randomBytes } from 'node:crypto'

/** The exactly-once marker of a ticket: unique, on disk before the create, searched for after an unknown outcome. */
export function newMarker(): string {
  return `psa-bridge:${randomBytes(8).toString('hex')}`
}
