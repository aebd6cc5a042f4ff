import { z } from 'zod'
import { AppError } from '../../shared/errors'
import type { Choice, PsaKind, SourceKind } from '../connectors/types'
import { orgKey } from '../../shared/contract/org-ref'
import { SOURCE_KINDS, sourceInfo } from '../../shared/registry'
import type { AppContext } from '../core/context'
import { readSetting } from '../core/settings'
import { loadCustomers, loadMappings } from '../customers/store'
import { DEVICE_KINDS, resolveTypeMapping, type AssetTypeMapping } from './device-kind'
import { loadAssets, loadDevices, loadLinks, sourceOfDevice } from './store'
import { buildAssetsModel, type AssetsModel } from './view'

// What every assets handler starts from (with the active PSA its session resolved): the org → customer
// mappings and the current model.

export const typesKey = (psa: PsaKind) => `${psa}.assetTypes`
export const typeMappingKey = (psa: PsaKind) => `${psa}.assetTypeMapping`
export const TypesSetting = z.object({
  types: z.array(z.object({ value: z.string(), label: z.string() })),
  complete: z.boolean()
})
export const MappingSetting = z.partialRecord(z.enum(DEVICE_KINDS), z.string().nullable())

/** The sources that list devices (the registry says which). */
export const DEVICE_SOURCES: readonly SourceKind[] = SOURCE_KINDS.filter((k) => sourceInfo(k).devices)

/** One source's org → customer mappings. */
export function customerOfOrg(ctx: AppContext, psa: PsaKind, source: SourceKind): Map<string, string> {
  return new Map(loadMappings(ctx.db, psa, source).map((m) => [m.orgId, m.customerId]))
}

/**
 * The source a device was pulled from (device ids are unique per source), or a not-found error. The caller's
 * `given` source (the row carries it) is checked, not trusted; without one the device sources are searched.
 */
export function requireDeviceSource(ctx: AppContext, deviceId: string, given?: SourceKind): SourceKind {
  const source = sourceOfDevice(ctx.db, deviceId, given ? DEVICE_SOURCES.filter((s) => s === given) : DEVICE_SOURCES)
  if (!source) throw new AppError('not-found', 'That device is not in the list. Pull assets again.')
  return source
}

export function loadModel(ctx: AppContext, psa: PsaKind): AssetsModel & { customerNames: Map<string, string> } {
  const customerNames = new Map(loadCustomers(ctx.db, psa).map((c) => [c.id, c.name]))
  // Devices of every device source; their org ids are qualified by source so two sources' orgs never mix.
  const model = buildAssetsModel({
    devices: DEVICE_SOURCES.flatMap((s) =>
      loadDevices(ctx.db, s).map((d) => ({ ...d, source: s, orgId: orgKey({ source: s, orgId: d.orgId }) }))
    ),
    assets: loadAssets(ctx.db, psa),
    links: DEVICE_SOURCES.flatMap((s) => loadLinks(ctx.db, s, psa)),
    customerOfOrg: new Map(
      DEVICE_SOURCES.flatMap((s) =>
        [...customerOfOrg(ctx, psa, s)].map(([orgId, c]) => [orgKey({ source: s, orgId }), c] as const)
      )
    ),
    customerName: (id) => customerNames.get(id) ?? null
  })
  return { ...model, customerNames }
}

/** The PSA's asset types as last read, plus any type seen on a pulled asset (Syncro lists none of its own). */
export function assetTypes(ctx: AppContext, psa: PsaKind): Choice[] {
  const saved = readSetting(ctx.db, typesKey(psa), TypesSetting, { types: [], complete: false }).types
  const seen = new Set(saved.map((t) => t.value))
  const extra = [...new Set(loadAssets(ctx.db, psa).map((a) => a.type))]
    .filter((t): t is string => t !== null && !seen.has(t))
    .map((t) => ({ value: t, label: t }))
  return [...saved, ...extra]
}

export function typeMapping(ctx: AppContext, psa: PsaKind): AssetTypeMapping {
  const saved = readSetting(ctx.db, typeMappingKey(psa), MappingSetting, {})
  return resolveTypeMapping(assetTypes(ctx, psa), saved, assetTypesComplete(ctx, psa))
}

/** Whether the PSA listed all its asset types (then a mapping may only name one of them). */
export function assetTypesComplete(ctx: AppContext, psa: PsaKind): boolean {
  return readSetting(ctx.db, typesKey(psa), TypesSetting, { types: [], complete: false }).complete
}
