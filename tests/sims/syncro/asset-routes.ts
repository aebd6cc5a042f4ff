import { DEFAULT_ASSET_TYPES, nextId, type SyncroAccount } from './model'
import { assetJson } from './records'
import { intParam, obj, type RouteReply, type SyncroRoute } from './route-kit'

// POST /customer_assets (syncro.md §5.8 [S1][S6]): name required; the type must exist by name or id, else 422
// with the message list quoted there; `properties` on create are ignored [S2]; 200 {"asset": {…}}.

const unprocessable = (message: string[], params: unknown): RouteReply => ({
  status: 422,
  body: { success: false, message, params }
})

export function assetTypesOf(a: SyncroAccount): string[] {
  return a.assetTypes ?? DEFAULT_ASSET_TYPES
}

export const assetRoutes: SyncroRoute[] = [
  {
    method: 'POST',
    path: '/customer_assets',
    perm: 'Assets - Create',
    handler: ({ body }, a, h) => {
      const b = obj(body)
      const name = typeof b.name === 'string' ? b.name.trim() : ''
      const types = assetTypesOf(a)
      const typeId = typeof b.asset_type_id === 'number' ? b.asset_type_id : undefined
      const type =
        typeof b.asset_type_name === 'string'
          ? types.find((t) => t.toLowerCase() === String(b.asset_type_name).trim().toLowerCase())
          : typeId !== undefined
            ? types[typeId - 1]
            : undefined
      if (!name) return unprocessable(["Name can't be blank"], b)
      if (!type)
        return unprocessable(
          ["Asset type can't be blank", 'Name You must have an asset type first, please go create one'],
          { name }
        )
      const customerId = typeof b.customer_id === 'number' ? b.customer_id : intParam(String(b.customer_id ?? ''))
      if (customerId === undefined || !a.customers.some((c) => c.id === customerId))
        return unprocessable(['Customer must exist'], b)
      const now = h.now()
      const asset = {
        id: nextId(a),
        customer_id: customerId,
        name,
        asset_type: type,
        asset_serial: typeof b.asset_serial === 'string' && b.asset_serial.trim() ? b.asset_serial.trim() : null,
        created_at: now,
        updated_at: now
      }
      a.assets.push(asset)
      return { status: 200, body: { asset: assetJson(asset, a) } }
    }
  }
]

export interface PlantedAsset {
  customer_id: number
  name: string
  asset_type?: string
  asset_serial?: string | null
  properties?: Record<string, unknown>
  updated_at?: string
}

/** /__sim/assets: assets with exact fields (custom-field MACs/hostnames, retired machines) for tests and the demo. */
export function plantAssets(a: SyncroAccount, list: PlantedAsset[], now: string): number[] {
  return list.map((x) => {
    if (!a.customers.some((c) => c.id === x.customer_id)) throw new Error(`unknown customer ${x.customer_id}`)
    const id = nextId(a)
    a.assets.push({
      id,
      customer_id: x.customer_id,
      name: x.name,
      asset_type: x.asset_type ?? assetTypesOf(a)[0]!,
      asset_serial: x.asset_serial ?? null,
      created_at: now,
      updated_at: x.updated_at ?? now,
      ...(x.properties ? { properties: x.properties } : {})
    })
    return id
  })
}
