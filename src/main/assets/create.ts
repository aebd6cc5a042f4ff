import { isAppError } from '../../shared/errors'
import type { NewAsset, PsaAsset, PsaConnector, PsaKind, SourceKind } from '../connectors/types'
import { recordActivity } from '../core/activity'
import type { AppContext } from '../core/context'
import { dropIntent, getIntent, markCreated, putIntent } from './create-store'
import { normalizeSerial } from './identifiers'
import { assetTypes, loadModel, requireDeviceSource, typeMapping } from './scope'
import { putLink, saveAssets } from './store'

// Create in PSA: only devices with no match and no unaccepted suggestion (creating before matching is how
// duplicates are born), each exactly once: the intent is stored before the request, and an intent whose outcome
// was never learned is first looked up among the customer's assets.

export interface CreatePlan {
  create: Array<NewAsset & { deviceId: string; typeLabel: string }>
  refused: Array<{ deviceId: string; reason: string }>
}

/** Errors that prove the PSA created nothing. Anything else (timeout, 5xx, dropped connection) is uncertain. */
const DEFINITE = new Set(['validation', 'permission', 'auth', 'not-found', 'conflict', 'config'])

export function planCreate(ctx: AppContext, psa: PsaKind, deviceIds: string[]): CreatePlan {
  const model = loadModel(ctx, psa)
  const mapping = typeMapping(ctx, psa)
  const labels = new Map(assetTypes(ctx, psa).map((t) => [t.value, t.label]))
  const plan: CreatePlan = { create: [], refused: [] }
  for (const deviceId of [...new Set(deviceIds)]) {
    const d = model.devices.get(deviceId)
    const refuse = (reason: string) => plan.refused.push({ deviceId, reason })
    if (!d) refuse('not a device of a mapped organization (pull assets, or map its organization first)')
    else if (d.ignored) refuse('ignored')
    else if (model.linked.has(deviceId)) refuse('already matched to a PSA asset')
    else if (model.suggestions.has(deviceId))
      refuse('has a suggested match: accept it, or match it to another asset, before creating')
    else if (!mapping[d.kind]) refuse(`no PSA asset type is chosen for ${d.kind} devices`)
    else
      plan.create.push({
        deviceId,
        customerId: d.customerId,
        name: d.hostname.split('.')[0]!.trim() || d.hostname,
        type: mapping[d.kind]!,
        typeLabel: labels.get(mapping[d.kind]!) ?? mapping[d.kind]!,
        serial: normalizeSerial(d.serial) ? d.serial!.trim() : undefined,
        hostname: d.hostname,
        macs: d.macs
      })
  }
  return plan
}

/** An earlier attempt's asset, if the PSA has it: same name (and serial when we sent one), not linked elsewhere. */
function findEarlier(assets: PsaAsset[], want: { name: string; serial: string | null }): PsaAsset | undefined {
  const same = (a?: string | null, b?: string | null) =>
    (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase()
  return assets.find((a) => same(a.name, want.name) && (!want.serial || same(a.serial, want.serial)))
}

export async function createPlanned(
  ctx: AppContext,
  psa: PsaKind,
  connector: PsaConnector,
  plan: CreatePlan
): Promise<{
  created: Array<{ deviceId: string; assetId: string }>
  failed: Array<{ deviceId: string; error: string }>
}> {
  const created: Array<{ deviceId: string; assetId: string }> = []
  const failed: Array<{ deviceId: string; error: string }> = []
  const listed = new Map<string, Promise<PsaAsset[]>>()
  const assetsOf = (customerId: string) => {
    if (!listed.has(customerId)) listed.set(customerId, connector.listAssets(customerId))
    return listed.get(customerId)!
  }
  const finish = (source: SourceKind, deviceId: string, asset: PsaAsset) => {
    const at = ctx.now().toISOString()
    ctx.db.transaction(() => {
      markCreated(ctx.db, source, psa, deviceId, asset.id, at)
      saveAssets(ctx.db, psa, asset.customerId, [asset], at, false)
      putLink(ctx.db, source, psa, { deviceId, assetId: asset.id, origin: 'created', at })
      recordActivity(ctx.db, {
        actor: 'user',
        action: 'asset.created',
        at,
        detail: { psa, deviceId, assetId: asset.id }
      })
    })()
    created.push({ deviceId, assetId: asset.id })
  }

  for (const item of plan.create) {
    const { deviceId, typeLabel: _label, ...input } = item
    const source = requireDeviceSource(ctx, deviceId)
    try {
      const prior = getIntent(ctx.db, source, psa, deviceId)
      if (prior?.state === 'created' && prior.assetId) {
        // Created before, link since removed: the asset exists, never create it again.
        finish(source, deviceId, { id: prior.assetId, customerId: prior.customerId, name: prior.name })
        continue
      }
      if (prior?.state === 'creating') {
        const earlier = findEarlier(await assetsOf(prior.customerId), prior)
        if (earlier) {
          finish(source, deviceId, earlier)
          continue
        }
      }
      putIntent(ctx.db, source, psa, {
        deviceId,
        customerId: input.customerId,
        name: input.name,
        serial: input.serial ?? null,
        type: input.type,
        startedAt: ctx.now().toISOString()
      })
      finish(source, deviceId, await connector.createAsset(input))
    } catch (e) {
      if (isAppError(e) && DEFINITE.has(e.code)) dropIntent(ctx.db, source, psa, deviceId)
      failed.push({ deviceId, error: e instanceof Error ? e.message : String(e) })
      ctx.log.warn('creating a PSA asset failed', { deviceId, code: isAppError(e) ? e.code : 'unknown' })
    }
  }
  return { created, failed }
}
