import { z } from 'zod'
import { method, type MethodDef } from './define'
import {
  DESCRIPTIONS,
  INTEGRATION_KINDS,
  IntegrationKindSchema,
  IntegrationRoleSchema,
  PSAS,
  SOURCES,
  type Descriptions,
  type IntegrationKind
} from '../registry'

export { IntegrationKindSchema }
export type { IntegrationKind }

/** What the renderer may know about an integration: never a secret, only whether one is saved. */
export const IntegrationSummarySchema = z.object({
  kind: IntegrationKindSchema,
  role: IntegrationRoleSchema,
  displayName: z.string(),
  /** Non-secret settings (subdomain, API username, zone, provider id, region). */
  settings: z.record(z.string(), z.string()),
  secretSaved: z.boolean(),
  createdAt: z.string(),
  verifiedAt: z.string().nullable()
})
export type IntegrationSummary = z.infer<typeof IntegrationSummarySchema>

// The save inputs live in the registry beside each kind's form; named here for existing importers.
export const SaveSyncroInput = PSAS.syncro.connect.input
export const SaveAutotaskInput = PSAS.autotask.connect.input
export const SaveJumpCloudInput = SOURCES.jumpcloud.connect.input

export const SaveResultSchema = z.object({
  integration: IntegrationSummarySchema,
  /** "Integration has been created" / "Integration has been updated". */
  message: z.string()
})

type Connect<K extends IntegrationKind> = Descriptions[K]['connect']
/** One "save<Kind>" method per registered kind: 'saveSyncro', 'saveAutotask', 'saveJumpCloud', … */
export type SaveMethods = {
  [K in IntegrationKind as Connect<K>['method']]: MethodDef<Connect<K>['input'], typeof SaveResultSchema>
}
export type SaveMethodName = keyof SaveMethods

const saveMethods = Object.fromEntries(
  INTEGRATION_KINDS.map((k) => {
    const c = DESCRIPTIONS[k].connect
    return [c.method, method(c.summary, c.input, SaveResultSchema)]
  })
) as SaveMethods

export const connectMethods = {
  listIntegrations: method(
    'List configured integrations (no secrets)',
    z.object({}),
    z.array(IntegrationSummarySchema)
  ),
  ...saveMethods,
  disableIntegration: method(
    'Remove an integration: its keychain secrets and every row of its data',
    z.object({ kind: IntegrationKindSchema }),
    z.object({ message: z.string(), removedRows: z.number().int() })
  )
}
