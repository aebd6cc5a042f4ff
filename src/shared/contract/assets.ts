import { z } from 'zod'
import { method } from './define'
import { ReportFileSchema, ReportFormatSchema } from './reports'
import { SourceKindSchema } from '../registry'

// Assets: the source's devices matched to the PSA's assets, per customer.

const Id = z.string().trim().min(1).max(200)

export const DEVICE_KINDS = ['desktop', 'laptop', 'server', 'virtual', 'mobile', 'other'] as const
export const DeviceKindSchema = z.enum(DEVICE_KINDS)
export type DeviceKind = z.infer<typeof DeviceKindSchema>

export const AssetTabSchema = z.enum(['matched', 'unmatched', 'psa-only', 'ignored'])
export type AssetTab = z.infer<typeof AssetTabSchema>

export const AssetRowSchema = z.object({
  /** "d:<deviceId>" or "a:<assetId>" (a PSA asset with no device). */
  key: z.string(),
  tab: AssetTabSchema,
  /** confirmed: linked by a person (or created); suggested: the matcher's pairing, to accept. */
  status: z.enum(['confirmed', 'suggested', 'none']),
  customerId: z.string(),
  customerName: z.string().nullable(),
  /** The source the device was pulled from (device ids are per source); null on a PSA asset with no device. */
  source: SourceKindSchema.nullable(),
  deviceId: z.string().nullable(),
  hostname: z.string().nullable(),
  displayName: z.string().nullable(),
  deviceSerial: z.string().nullable(),
  macs: z.array(z.string()),
  os: z.string().nullable(),
  kind: DeviceKindSchema.nullable(),
  lastContact: z.string().nullable(),
  assetId: z.string().nullable(),
  assetName: z.string().nullable(),
  assetSerial: z.string().nullable(),
  assetType: z.string().nullable(),
  /** false: retired / inactive in the PSA. */
  assetActive: z.boolean().nullable(),
  via: z.enum(['serial', 'mac', 'hostname', 'accepted', 'manual', 'created']).nullable(),
  reason: z.string().nullable(),
  /** Why a record was left unmatched: a duplicate value, a differing serial… */
  conflict: z.string().nullable()
})
export type AssetRow = z.infer<typeof AssetRowSchema>

const Choice = z.object({ value: z.string(), label: z.string() })
export const TypeMappingSchema = z.record(DeviceKindSchema, z.string().nullable())
const PartialTypeMappingSchema = z.partialRecord(DeviceKindSchema, z.string().nullable())

export const AssetsViewSchema = z.object({
  psa: z.string().nullable(),
  rows: z.array(AssetRowSchema),
  counts: z.record(AssetTabSchema, z.number().int().nonnegative()),
  customers: z.array(z.object({ id: z.string(), name: z.string() })),
  assetTypes: z.array(Choice),
  typeMapping: TypeMappingSchema,
  pulledAt: z.string().nullable()
})
export type AssetsView = z.infer<typeof AssetsViewSchema>

const Scope = z.object({ customerId: Id.optional() })
/** A device by its source and id, as its row carries them (`source` may be left out: then it is looked up). */
const DeviceRef = { source: SourceKindSchema.optional(), deviceId: Id }

export const CreatePlanSchema = z.object({
  create: z.array(
    z.object({
      deviceId: z.string(),
      customerId: z.string(),
      name: z.string(),
      type: z.string(),
      typeLabel: z.string()
    })
  ),
  refused: z.array(z.object({ deviceId: z.string(), reason: z.string() }))
})

export const assetsMethods = {
  getAssetsView: method(
    'Devices matched to PSA assets (Matched / Unmatched / Only in PSA / Ignored), for one customer or all',
    Scope,
    AssetsViewSchema
  ),
  pullAssets: method(
    'Read devices of mapped orgs and assets of their PSA customers (full the first time, then incremental where the PSA allows); unmapped: also unmapped orgs and customers, whose shared devices suggest org mappings',
    Scope.extend({ full: z.boolean().optional(), unmapped: z.boolean().optional() }),
    z.object({
      customers: z.number().int(),
      devices: z.number().int(),
      assets: z.number().int(),
      incremental: z.number().int()
    })
  ),
  acceptAssetMatch: method(
    "Accept the matcher's suggestion for a device",
    z.object(DeviceRef),
    z.object({ ok: z.literal(true) })
  ),
  acceptAllAssetMatches: method(
    'Accept every suggestion (optionally for one customer)',
    Scope,
    z.object({ accepted: z.number().int() })
  ),
  matchAssetTo: method(
    'Match a device to a PSA asset of its customer by hand (also changes an existing match)',
    z.object({ ...DeviceRef, assetId: Id }),
    z.object({ ok: z.literal(true) })
  ),
  unmatchAsset: method('Remove the match of a device', z.object(DeviceRef), z.object({ ok: z.literal(true) })),
  setAssetIgnored: method(
    'Ignore (or un-ignore) a device or a PSA asset; kept across pulls',
    z.object({
      side: z.enum(['device', 'asset']),
      id: Id,
      /** The device's source (side "device"); looked up when left out. */
      source: SourceKindSchema.optional(),
      ignored: z.boolean()
    }),
    z.object({ ok: z.literal(true) })
  ),
  setAssetTypeMapping: method(
    'Which PSA asset type each kind of device becomes when created',
    z.object({ mapping: PartialTypeMappingSchema }),
    TypeMappingSchema
  ),
  previewAssetCreate: method(
    'What creating these devices in the PSA would do (nothing is written)',
    z.object({ deviceIds: z.array(Id).min(1).max(50_000) }),
    CreatePlanSchema
  ),
  createAssets: method(
    'Create these devices as PSA assets (each exactly once; devices with an unaccepted suggestion are refused)',
    z.object({ deviceIds: z.array(Id).min(1).max(50_000) }),
    z.object({
      created: z.array(z.object({ deviceId: z.string(), assetId: z.string() })),
      refused: z.array(z.object({ deviceId: z.string(), reason: z.string() })),
      failed: z.array(z.object({ deviceId: z.string(), error: z.string() }))
    })
  ),
  exportAssetsReport: method(
    'Assets report (every device and PSA asset with its match) as CSV, XLSX or PDF',
    Scope.extend({ format: ReportFormatSchema }),
    ReportFileSchema
  )
}
