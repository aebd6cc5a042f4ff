import type { Handlers } from '../../shared/contract'
import { MAX_REPORT_BYTES } from '../../shared/contract/reports'
import { AppError } from '../../shared/errors'
import { loadBillingSettings } from '../billing/store'
import { openSession } from '../connect/session'
import { recordActivity } from '../core/activity'
import type { AppContext } from '../core/context'
import { readSetting, writeSetting } from '../core/settings'
import { createPlanned, planCreate } from './create'
import { pullAssets } from './pull'
import { assetsSheet, renderAssetsReport } from './report'
import {
  assetTypes,
  assetTypesComplete,
  loadModel,
  MappingSetting,
  requireDeviceSource,
  typeMapping,
  typeMappingKey
} from './scope'
import { dropLink, lastPullAt, putLink, setAssetIgnored, setDeviceIgnored } from './store'
import { countTabs } from './view'
import { withProgress } from '../core/progress'

type AssetHandlers = Pick<
  Handlers,
  | 'getAssetsView'
  | 'pullAssets'
  | 'acceptAssetMatch'
  | 'acceptAllAssetMatches'
  | 'matchAssetTo'
  | 'unmatchAsset'
  | 'setAssetIgnored'
  | 'setAssetTypeMapping'
  | 'previewAssetCreate'
  | 'createAssets'
  | 'exportAssetsReport'
>

export function createAssetHandlers(ctx: AppContext): AssetHandlers {
  const now = () => ctx.now().toISOString()
  const audit = (action: string, detail: Record<string, unknown>) =>
    recordActivity(ctx.db, { actor: 'user', action, detail, at: now() })
  const rowsFor = (customerId: string | undefined) => {
    const psa = openSession(ctx).requirePsaKind()
    const model = loadModel(ctx, psa)
    const rows = customerId ? model.rows.filter((r) => r.customerId === customerId) : model.rows
    return { psa, model, rows }
  }

  return {
    async getAssetsView({ customerId }) {
      const { psa, model, rows } = rowsFor(customerId)
      const customerIds = new Set(model.rows.map((r) => r.customerId))
      return {
        psa,
        rows,
        counts: countTabs(rows),
        customers: [...customerIds]
          .map((id) => ({ id, name: model.customerNames.get(id) ?? id }))
          .sort((a, b) => a.name.localeCompare(b.name)),
        assetTypes: assetTypes(ctx, psa),
        typeMapping: typeMapping(ctx, psa),
        pulledAt: lastPullAt(ctx.db)
      }
    },

    pullAssets: (input) => withProgress(ctx.events, 'assetsPull', (p) => pullAssets(ctx, input, p)),

    async acceptAssetMatch({ deviceId, source }) {
      const psa = openSession(ctx).requirePsaKind()
      const s = loadModel(ctx, psa).suggestions.get(deviceId)
      if (!s) throw new AppError('not-found', 'That device has no suggested match any more. Refresh the view.')
      putLink(ctx.db, requireDeviceSource(ctx, deviceId, source), psa, {
        deviceId,
        assetId: s.assetId,
        origin: 'accepted',
        at: now()
      })
      audit('asset.matched', { deviceId, assetId: s.assetId, via: s.via })
      return { ok: true as const }
    },

    async acceptAllAssetMatches({ customerId }) {
      const psa = openSession(ctx).requirePsaKind()
      const list = [...loadModel(ctx, psa).suggestions.values()].filter(
        (s) => !customerId || s.customerId === customerId
      )
      ctx.db.transaction(() => {
        for (const s of list)
          putLink(ctx.db, requireDeviceSource(ctx, s.deviceId), psa, {
            deviceId: s.deviceId,
            assetId: s.assetId,
            origin: 'accepted',
            at: now()
          })
      })()
      if (list.length) audit('asset.matched-all', { count: list.length, customerId: customerId ?? null })
      return { accepted: list.length }
    },

    async matchAssetTo({ deviceId, assetId, source }) {
      const psa = openSession(ctx).requirePsaKind()
      const model = loadModel(ctx, psa)
      const d = model.devices.get(deviceId)
      const a = model.assets.get(assetId)
      if (!d || !a) throw new AppError('not-found', 'That device or PSA asset is not in the list. Pull assets again.')
      // Never across customers: a device of one client linked to another client's asset would mislead both.
      if (d.customerId !== a.customerId)
        throw new AppError('validation', 'The PSA asset belongs to another customer than the device’s organization.')
      const holder = [...model.linked].find(([dev, asset]) => asset === assetId && dev !== deviceId)
      if (holder)
        throw new AppError('conflict', 'That PSA asset is already matched to another device. Unmatch it first.')
      putLink(ctx.db, requireDeviceSource(ctx, deviceId, source), psa, {
        deviceId,
        assetId,
        origin: 'manual',
        at: now()
      })
      audit('asset.matched', { deviceId, assetId, via: 'manual' })
      return { ok: true as const }
    },

    async unmatchAsset({ deviceId, source }) {
      const psa = openSession(ctx).requirePsaKind()
      if (!dropLink(ctx.db, requireDeviceSource(ctx, deviceId, source), psa, deviceId))
        throw new AppError('not-found', 'That device is not matched.')
      audit('asset.unmatched', { deviceId })
      return { ok: true as const }
    },

    async setAssetIgnored({ side, id, source, ignored }) {
      const psa = openSession(ctx).requirePsaKind()
      const ok =
        side === 'device'
          ? setDeviceIgnored(ctx.db, requireDeviceSource(ctx, id, source), id, ignored)
          : setAssetIgnored(ctx.db, psa, id, ignored)
      if (!ok) throw new AppError('not-found', `That ${side === 'device' ? 'device' : 'PSA asset'} is not in the list.`)
      audit(ignored ? 'asset.ignored' : 'asset.unignored', { side, id })
      return { ok: true as const }
    },

    async setAssetTypeMapping({ mapping }) {
      const psa = openSession(ctx).requirePsaKind()
      const known = new Set(assetTypes(ctx, psa).map((t) => t.value))
      // A PSA that cannot list its types (Syncro) takes any name; it refuses an unknown one when creating.
      const strict = assetTypesComplete(ctx, psa)
      for (const v of Object.values(mapping))
        if (strict && v !== null && v !== undefined && !known.has(v))
          throw new AppError('validation', `"${v}" is not an asset type of the PSA. Pull assets to refresh the list.`)
      const saved = readSetting(ctx.db, typeMappingKey(psa), MappingSetting, {})
      writeSetting(ctx.db, typeMappingKey(psa), MappingSetting, { ...saved, ...mapping }, ctx.now())
      return typeMapping(ctx, psa)
    },

    async previewAssetCreate({ deviceIds }) {
      const plan = planCreate(ctx, openSession(ctx).requirePsaKind(), deviceIds)
      return {
        create: plan.create.map((c) => ({
          deviceId: c.deviceId,
          customerId: c.customerId,
          name: c.name,
          type: c.type,
          typeLabel: c.typeLabel
        })),
        refused: plan.refused
      }
    },

    async createAssets({ deviceIds }) {
      const { kind: psa, connector } = await openSession(ctx).psa()
      const plan = planCreate(ctx, psa, deviceIds)
      const result = await createPlanned(ctx, psa, connector, plan)
      return { ...result, refused: plan.refused }
    },

    async exportAssetsReport({ format, customerId }) {
      const { psa, model, rows } = rowsFor(customerId)
      const sheet = assetsSheet(rows, {
        psa,
        generatedAt: now(),
        timeZone: loadBillingSettings(ctx.db).timeZone,
        scope: customerId ? (model.customerNames.get(customerId) ?? customerId) : 'all'
      })
      const file = await renderAssetsReport(sheet, format)
      if (file.bytes.length > MAX_REPORT_BYTES)
        throw new AppError('validation', `The ${format.toUpperCase()} report is over the size limit.`, {
          hint: 'Export CSV or Excel, or one customer at a time.'
        })
      return { fileName: file.fileName, mimeType: file.mimeType, base64: file.bytes.toString('base64') }
    }
  }
}
