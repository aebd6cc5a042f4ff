import { z } from 'zod'
import { PSAS } from './psas'
import { SOURCES } from './sources'
import type { ConnectDescription, PsaDescription, SourceDescription } from './types'

// Everything that lists kinds derives from PSAS and SOURCES: the contract's enums, the renderer's
// labels and choices, the main registry's exhaustive records (`satisfies Record<PsaKind, …>`).

export type PsaKind = keyof typeof PSAS
export type SourceKind = keyof typeof SOURCES
export type IntegrationKind = PsaKind | SourceKind
export type IntegrationRole = 'psa' | 'source'

type NonEmpty<T> = readonly [T, ...T[]]
const keysOf = <K extends string>(o: Record<K, unknown>) => Object.keys(o) as unknown as NonEmpty<K>

export const PSA_KINDS = keysOf(PSAS)
export const SOURCE_KINDS = keysOf(SOURCES)
export const INTEGRATION_KINDS = [...PSA_KINDS, ...SOURCE_KINDS] as unknown as NonEmpty<IntegrationKind>

export const PsaKindSchema = z.enum(PSA_KINDS)
export const SourceKindSchema = z.enum(SOURCE_KINDS)
export const IntegrationKindSchema = z.enum(INTEGRATION_KINDS)
export const IntegrationRoleSchema = z.enum(['psa', 'source'])

export const isPsaKind = (k: string): k is PsaKind => Object.prototype.hasOwnProperty.call(PSAS, k)
export const isSourceKind = (k: string): k is SourceKind => Object.prototype.hasOwnProperty.call(SOURCES, k)

export function psaInfo(kind: PsaKind): PsaDescription {
  return PSAS[kind]
}
export function sourceInfo(kind: SourceKind): SourceDescription {
  return SOURCES[kind]
}

export function roleOf(kind: IntegrationKind): IntegrationRole {
  return isPsaKind(kind) ? 'psa' : 'source'
}

/** "Syncro", "Autotask", "JumpCloud". */
export function kindLabel(kind: IntegrationKind): string {
  return isPsaKind(kind) ? PSAS[kind].label : SOURCES[kind].label
}

export function connectOf(kind: IntegrationKind): ConnectDescription {
  return isPsaKind(kind) ? PSAS[kind].connect : SOURCES[kind].connect
}

/** "Syncro or Autotask": for hints that name every PSA. */
export function anyOf(kinds: readonly IntegrationKind[]): string {
  const labels = kinds.map(kindLabel)
  return labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} or ${labels.at(-1)}`
}

export const NO_PSA_MESSAGE = 'No PSA is connected yet.'
export const NO_PSA_HINT = `Connect ${anyOf(PSA_KINDS)} first.`

export type Descriptions = typeof PSAS & typeof SOURCES
export const DESCRIPTIONS: Descriptions = { ...PSAS, ...SOURCES }

export { PSAS, SOURCES }
export type { ConnectDescription, ConnectField, PsaDescription, SourceDescription, TicketFieldKey } from './types'

/** Every alert type any source raises (the contract's AlertType). */
export type AlertTypeId = (typeof SOURCES)[SourceKind]['alertTypes'][number]
export const ALERT_TYPE_IDS = [
  ...new Set(SOURCE_KINDS.flatMap((k) => SOURCES[k].alertTypes))
] as unknown as NonEmpty<AlertTypeId>

/**
 * The source of org ids saved before orgs carried their source (config files of version 1): JumpCloud was the
 * only source then.
 */
export const LEGACY_SOURCE: SourceKind = 'jumpcloud'

/** "Syncro or Autotask", "JumpCloud": UI copy that names every registered kind of a role. */
export const PSA_CHOICES = anyOf(PSA_KINDS)
export const SOURCE_CHOICES = anyOf(SOURCE_KINDS)
