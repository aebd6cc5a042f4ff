import type { z } from 'zod'
import type { Descriptions, IntegrationKind } from '../../shared/registry'
import type { SecretAccount } from '../../shared/registry/secrets'
import type { EndpointOverrides } from './endpoints'
import type { ConnectorFactory } from './factory-types'
import type { PsaConnector, SourceConnector } from './types'

// What the main side knows per kind, beside the shared description: how to build its connector,
// how to rebuild its config from what was saved, and how to verify and save a Connect form.

/** The parsed input of a kind's save method (the registry's zod schema). */
export type SaveInput<K extends IntegrationKind> = z.output<Descriptions[K]['connect']['input']>

export type SecretReader = (account: SecretAccount) => Promise<string>

export interface SaveTools {
  /** The app's connectors (tests inject fakes): verify with the same instance the app will use. */
  factory: ConnectorFactory
  /** A secret typed in the form wins; otherwise the saved one is re-used (the form shows it masked). */
  secret(typed: string | undefined, account: SecretAccount, label: string): Promise<string>
}

/** What a verified save stores: non-secret settings in the DB, secrets in the keychain. */
export interface Saved {
  displayName: string
  settings: Record<string, string>
  secrets: Partial<Record<SecretAccount, string>>
}

export interface KindEntry<Config, Input, Connector> {
  /** Builds a connector (the factory caches one per config: its HTTP layer holds the rate limiter). */
  create(config: Config, endpoints: EndpointOverrides): Connector
  /** The connector config from the saved settings and secrets. */
  config(settings: Readonly<Record<string, string>>, secret: SecretReader): Promise<Config>
  /** Verifies the form's input against the service; throws an AppError when it is refused. */
  save(input: Input, tools: SaveTools): Promise<Saved>
}

export type PsaEntry<Config, Input> = KindEntry<Config, Input, PsaConnector>
export type SourceEntry<Config, Input> = KindEntry<Config, Input, SourceConnector>

/** What the registry checks per kind: an entry of the right role whose save takes that kind's input. */
export interface EntryShape<Input, Connector> {
  create: (config: never, endpoints: EndpointOverrides) => Connector
  config: (settings: Readonly<Record<string, string>>, secret: SecretReader) => Promise<unknown>
  save: (input: Input, tools: SaveTools) => Promise<Saved>
}
