import type { PsaKind, SourceKind } from '../../shared/registry'
import type { ConfigOf } from './registry'
import type { PsaConnector, SourceConnector } from './types'

export interface AutotaskZone {
  /** The zone's name, or its API host when the reply has none. */
  zoneName: string
  url: string
  webUrl: string
}

/**
 * Builds connectors from saved settings + secrets; the only place that knows hosts and overrides.
 * One function per registered kind (from the registry), plus Autotask's zone discovery.
 */
export type ConnectorFactory = { [K in PsaKind]: (config: ConfigOf<K>) => PsaConnector } & {
  [K in SourceKind]: (config: ConfigOf<K>) => SourceConnector
} & {
  autotaskZone(username: string): Promise<AutotaskZone>
}
