import { z } from 'zod'
import { AppError } from '../../shared/errors'
import type { Choice, PsaKind } from '../connectors/types'
import { activePsaKind } from '../connect/open'
import type { AppContext } from '../core/context'
import { readSetting } from '../core/settings'
import { loadCustomers, loadMappings, SOURCE } from '../customers/store'
import { DEVICE_KINDS, resolveTypeMapping, type AssetTypeMapping } from './device-kind'
import { loadAssets, loadDevices, loadLinks } from './store'
import { buildAssetsModel, type AssetsModel } from './view'

// What every assets handler starts from: the active PSA, the org → customer mappings and the current model.

export const typesKey = (psa: PsaKind) => `${psa}.assetTypes`
export const typeMappingKey = (psa: PsaKind) => `${psa}.assetTypeMapping`
export const TypesSetting = z.object({
  types: z.array(z.object({ value: z.string(), label: z.string() })),
  complete: z.boolean()
})
export const MappingSetting = z.partialRecord(z.enum(DEVICE_KINDS), z.string().nullable())

export function requirePsa(ctx: AppContext): PsaKind {
  const psa = activePsaKind(ctx.db)
  if (!psa) throw new AppError('config', 'No PSA is connected yet.', { hint: 'Connect Syncro or Autotask first.' })
  return psa
}

export function customerOfOrg(ctx: AppContext, psa: PsaKind): Map<string, string> {
  return new Map(loadMappings(ctx.db, psa).map((m) => [m.orgId, m.customerId]))
}

export function loadModel(ctx: AppContext, psa: PsaKind): AssetsModel & { customerNames: Map<string, string> } {
  const customerNames = new Map(loadCustomers(ctx.db, psa).map((c) => [c.id, c.name]))
  const model = buildAssetsModel({
    devices: loadDevices(ctx.db, SOURCE),
    assets: loadAssets(ctx.db, psa),
    links: loadLinks(ctx.db, SOURCE, psa),
    customerOfOrg: customerOfOrg(ctx, psa),
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
