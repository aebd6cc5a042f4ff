import type { PsaKind, SourceKind } from '../connectors/types'
import { readSetting, writeSetting } from '../core/settings'
import type { Db } from '../db/connection'
import { isSourceKind, psaInfo, sourceInfo } from '../../shared/registry'
import { SeverityTicketingSchema, type SeverityTicketing } from '../../shared/contract/severity-ticketing'
import { missingSeverityDefaults } from './severity-rules'

// A severity source's ticketing settings live per PSA ("<psa>.ticketing.<source>"): Disable & Clear of
// the PSA removes them, like the fixed-type settings.

const key = (psa: PsaKind, source: string) => `${psa}.ticketing.${source}`

/** Whether this source raises alerts by severity (the registry says so). */
export function isSeveritySource(kind: string): kind is SourceKind {
  return isSourceKind(kind) && sourceInfo(kind).alertsBy === 'severity'
}

export function loadSeverityTicketing(db: Db, psa: PsaKind, source: string): SeverityTicketing {
  return readSetting(db, key(psa, source), SeverityTicketingSchema, SeverityTicketingSchema.parse({}))
}

export function saveSeverityTicketing(db: Db, psa: PsaKind, source: string, s: SeverityTicketing, now: Date): void {
  writeSetting(db, key(psa, source), SeverityTicketingSchema, s, now)
}

/** What is missing for this PSA's ticket fields (Syncro has no queue or source). */
export function missingFor(psa: PsaKind, s: SeverityTicketing): string[] {
  return missingSeverityDefaults(psaInfo(psa).ticketFields, s)
}

/** The settings of every severity source, for delivery (null for a fixed-type source). */
export function severityLookup(db: Db, psa: PsaKind): (source: string) => SeverityTicketing | null {
  const cache = new Map<string, SeverityTicketing | null>()
  return (source) => {
    if (!cache.has(source)) cache.set(source, isSeveritySource(source) ? loadSeverityTicketing(db, psa, source) : null)
    return cache.get(source)!
  }
}
