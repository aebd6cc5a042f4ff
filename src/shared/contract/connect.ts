import { z } from 'zod'
import { method } from './define'

export const IntegrationKindSchema = z.enum(['syncro', 'autotask', 'jumpcloud'])
export type IntegrationKind = z.infer<typeof IntegrationKindSchema>

/** What the renderer may know about an integration: never a secret, only whether one is saved. */
export const IntegrationSummarySchema = z.object({
  kind: IntegrationKindSchema,
  role: z.enum(['psa', 'source']),
  displayName: z.string(),
  /** Non-secret settings (subdomain, API username, zone, provider id, region). */
  settings: z.record(z.string(), z.string()),
  secretSaved: z.boolean(),
  createdAt: z.string(),
  verifiedAt: z.string().nullable()
})
export type IntegrationSummary = z.infer<typeof IntegrationSummarySchema>

// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const CONTROL = /[\u0000-\u001f\u007f]/
const secretField = (label: string) =>
  z
    .string()
    .trim()
    .min(1, `${label} is required`)
    .max(4096, `${label} is too long`)
    // A pasted line break would otherwise surface later as an obscure "invalid header" error.
    .refine((v) => !CONTROL.test(v), `${label} contains a line break or another control character; paste it again`)

/**
 * `replace` must be true to re-configure an integration that already exists: the first save of a
 * kind creates it, a second one without `replace` is refused with code 'conflict'.
 * A secret left out re-uses the one already in the keychain (the form shows it masked).
 */
export const SaveSyncroInput = z.object({
  subdomain: z.string().max(2048),
  apiToken: secretField('API token').optional(),
  replace: z.boolean().default(false)
})

export const SaveAutotaskInput = z.object({
  username: z.string().trim().min(3, 'API username is required').max(320),
  secret: secretField('Secret').optional(),
  integrationCode: secretField('Integration code').optional(),
  replace: z.boolean().default(false)
})

export const SaveJumpCloudInput = z.object({
  apiKey: secretField('API key').optional(),
  providerId: z
    .string()
    .trim()
    .regex(/^[0-9a-f]{24}$/i, 'The provider id is 24 hexadecimal characters (MTP → Account Overview)'),
  region: z.enum(['us', 'eu']).default('us'),
  replace: z.boolean().default(false)
})

export const SaveResultSchema = z.object({
  integration: IntegrationSummarySchema,
  /** "Integration has been created" / "Integration has been updated". */
  message: z.string()
})

export const connectMethods = {
  listIntegrations: method(
    'List configured integrations (no secrets)',
    z.object({}),
    z.array(IntegrationSummarySchema)
  ),
  saveSyncro: method('Verify Syncro credentials and save them', SaveSyncroInput, SaveResultSchema),
  saveAutotask: method(
    'Discover the Autotask zone, verify the API user and save it',
    SaveAutotaskInput,
    SaveResultSchema
  ),
  saveJumpCloud: method(
    'Verify the JumpCloud MTP API key by listing the provider organizations and save it',
    SaveJumpCloudInput,
    SaveResultSchema
  ),
  disableIntegration: method(
    'Remove an integration: its keychain secrets and every row of its data',
    z.object({ kind: IntegrationKindSchema }),
    z.object({ message: z.string(), removedRows: z.number().int() })
  )
}
