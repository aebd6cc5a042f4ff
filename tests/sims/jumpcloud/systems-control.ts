import { z } from 'zod'
import type { SimHandler, SimReply } from '../common'
import { findOrg, objectId, type JcSystem, type JumpCloudSimState } from './model'
import { makeEvent } from './seed'

// /__sim/systems: plant, change and remove devices with exact fields, for asset-matching tests and the demo
// (placeholder serials, a dock MAC on several laptops, a renamed host, a retired machine).

const SystemFields = z.object({
  hostname: z.string(),
  displayName: z.string().optional(),
  serialNumber: z.string().optional(),
  macs: z.array(z.string()).optional(),
  os: z.string().optional(),
  version: z.string().optional(),
  chassisTypes: z.string().optional(),
  hardwareModel: z.string().optional(),
  lastContact: z.string().nullable().optional()
})
const AddBody = z.object({ orgId: z.string(), systems: z.array(SystemFields) })
const UpdateBody = SystemFields.partial().extend({ id: z.string() })
const RemoveBody = z.object({ ids: z.array(z.string()) })

export interface SystemsControl {
  addSystems(input: z.input<typeof AddBody>): string[]
  updateSystem(input: z.input<typeof UpdateBody>): void
  removeSystems(input: z.input<typeof RemoveBody>): number
}

const ifaces = (macs: string[]): JcSystem['networkInterfaces'] =>
  macs.map((mac, i) => ({ name: `en${i}`, address: `10.0.${i}.${10 + i}`, family: 'IPv4', internal: false, mac }))

export function systemsControl(
  state: () => JumpCloudSimState,
  now: () => Date
): { api: SystemsControl; routes: Record<string, SimHandler> } {
  const find = (id: string) => {
    for (const org of state().orgs) {
      const s = org.systems.find((x) => x._id === id)
      if (s) return { org, s }
    }
    throw new Error(`unknown system ${id}`)
  }
  const api: SystemsControl = {
    addSystems(input) {
      const { orgId, systems } = AddBody.parse(input)
      const s = state()
      const org = findOrg(s, orgId)
      if (!org) throw new Error(`unknown org ${orgId}`)
      const at = now().toISOString()
      return systems.map((x) => {
        const sys: JcSystem = {
          _id: objectId(s, 'b'),
          hostname: x.hostname,
          displayName: x.displayName ?? x.hostname,
          serialNumber: x.serialNumber ?? '',
          os: x.os ?? 'Windows',
          version: x.version ?? '11 Pro',
          created: at,
          lastContact: x.lastContact === undefined ? at : x.lastContact,
          networkInterfaces: ifaces(x.macs ?? []),
          chassisTypes: x.chassisTypes ?? 'Notebook',
          hardwareModel: x.hardwareModel ?? 'Latitude 5440'
        }
        org.systems.push(sys)
        // DI "system_create — System is created." (jumpcloud-directoryinsights.swagger.json, Directory - Object Events).
        org.events.push(makeEvent(s, org, 'system_create', at, { device: sys.hostname }))
        return sys._id
      })
    },
    updateSystem(input) {
      const { id, macs, ...rest } = UpdateBody.parse(input)
      const { s } = find(id)
      Object.assign(s, Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)))
      if (macs) s.networkInterfaces = ifaces(macs)
    },
    removeSystems(input) {
      const ids = new Set(RemoveBody.parse(input).ids)
      let n = 0
      const at = now().toISOString()
      for (const org of state().orgs) {
        const before = org.systems.length
        for (const gone of org.systems.filter((x) => ids.has(x._id)))
          org.events.push(makeEvent(state(), org, 'system_delete', at, { device: gone.hostname }))
        org.systems = org.systems.filter((x) => !ids.has(x._id))
        n += before - org.systems.length
      }
      return n
    }
  }
  const attempt = (fn: () => unknown): SimReply => {
    try {
      return { status: 200, body: fn() }
    } catch (e) {
      const error = e instanceof z.ZodError ? z.prettifyError(e) : e instanceof Error ? e.message : String(e)
      return { status: 400, body: { error } }
    }
  }
  const routes: Record<string, SimHandler> = {
    'POST systems': (req) => attempt(() => ({ ids: api.addSystems(req.body as never) })),
    'PATCH systems': (req) => attempt(() => (api.updateSystem(req.body as never), { ok: true })),
    'DELETE systems': (req) => attempt(() => ({ removed: api.removeSystems(req.body as never) }))
  }
  return { api, routes }
}
