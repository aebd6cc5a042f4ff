import type { SaasAlertsConnector } from './saasalerts'
import type { PsaConnector, SourceConnector, SourceRegion } from './types'

export interface AutotaskZone {
  /** The zone's name, or its API host when the reply has none. */
  zoneName: string
  url: string
  webUrl: string
}

/** Builds connectors from saved settings + secrets; the only place that knows hosts and overrides. */
export interface ConnectorFactory {
  syncro(o: { subdomain: string; apiToken: string }): PsaConnector
  autotaskZone(username: string): Promise<AutotaskZone>
  autotask(o: {
    username: string
    secret: string
    integrationCode: string
    zoneUrl: string
    webUrl?: string
  }): PsaConnector
  jumpcloud(o: { apiKey: string; providerId: string; region: SourceRegion }): SourceConnector
  saasalerts(o: { apiKey: string }): SaasAlertsConnector
}
