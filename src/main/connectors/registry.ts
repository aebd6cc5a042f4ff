import type { IntegrationKind, PsaKind, SourceKind } from '../../shared/registry'
import { autotaskEntry } from './autotask/entry'
import type { ConnectorFactory } from './factory-types'
import { jumpcloudEntry } from './jumpcloud/entry'
import { saasalertsEntry } from './saasalerts/entry'
import type { EntryShape, KindEntry, SaveInput } from './registry-types'
import { syncroEntry } from './syncro/entry'
import type { PsaConnector, SourceConnector } from './types'

// The main-side registry: one entry per kind, beside its shared description (src/shared/registry).
// A kind missing here, or an entry whose save input is not its description's, fails to compile.

export const PSA_ENTRIES = {
  syncro: syncroEntry,
  autotask: autotaskEntry
} satisfies { [K in PsaKind]: EntryShape<SaveInput<K>, PsaConnector> }

export const SOURCE_ENTRIES = {
  jumpcloud: jumpcloudEntry,
  saasalerts: saasalertsEntry
} satisfies { [K in SourceKind]: EntryShape<SaveInput<K>, SourceConnector> }

type Entries = typeof PSA_ENTRIES & typeof SOURCE_ENTRIES
/** The connector config of a kind (what its factory function takes). */
export type ConfigOf<K extends IntegrationKind> = Entries[K] extends KindEntry<infer C, unknown, unknown> ? C : never

// One entry type for any kind: the correlation kind ↔ input ↔ config is checked above, per kind.
type AnyEntry<Conn> = KindEntry<unknown, unknown, Conn>

export function psaEntry(kind: PsaKind): AnyEntry<PsaConnector> {
  return PSA_ENTRIES[kind] as AnyEntry<PsaConnector>
}
export function sourceEntry(kind: SourceKind): AnyEntry<SourceConnector> {
  return SOURCE_ENTRIES[kind] as AnyEntry<SourceConnector>
}
export function entryOf(kind: IntegrationKind): AnyEntry<PsaConnector | SourceConnector> {
  return (kind in PSA_ENTRIES ? psaEntry(kind as PsaKind) : sourceEntry(kind as SourceKind)) as AnyEntry<
    PsaConnector | SourceConnector
  >
}

/** The factory's connector for a kind and config (the factory may be a test's fake). */
export function makePsa(factory: ConnectorFactory, kind: PsaKind, config: unknown): PsaConnector {
  return (factory[kind] as (c: unknown) => PsaConnector)(config)
}
export function makeSource(factory: ConnectorFactory, kind: SourceKind, config: unknown): SourceConnector {
  return (factory[kind] as (c: unknown) => SourceConnector)(config)
}
