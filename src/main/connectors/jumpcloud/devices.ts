import { z } from 'zod'
import type { HttpClient } from '../http'
import type { SourceDevice } from '../types'
import { ChassisInfoSchema, InterfaceDetailsSchema, SystemInfoSchema, type SystemSchema } from './schemas'

// An org's devices: V1 `/api/systems` has hostname, display name, serial, OS and last contact, but no MAC
// (`networkInterfaces` carries addresses only) and no chassis; those come from System Insights (V2 spec:
// `interface_details.mac`, `chassis_info.chassis_types`, `system_info.hardware_model` / `hardware_serial`).

/** System Insights routes allow up to 10000 rows (V2 spec `trait:systemInsightsLimit:limit`). */
const INSIGHTS_LIMIT = 10_000

export async function insightsRows<T extends z.ZodType>(
  http: HttpClient,
  table: string,
  row: T,
  headers: Record<string, string>
): Promise<Array<z.infer<T>>> {
  const out: Array<z.infer<T>> = []
  for (let skip = 0; ;) {
    const { data } = await http.request({
      method: 'GET',
      url: `/api/v2/systeminsights/${table}`,
      params: { limit: INSIGHTS_LIMIT, skip },
      headers,
      schema: z.array(row)
    })
    out.push(...data)
    // V2 bare-array lists: stop on a short page, as JumpCloud's own module does (jumpcloud.md §A.1).
    if (data.length < INSIGHTS_LIMIT) return out
    skip += data.length
  }
}

interface Deps {
  systems(): Promise<Array<z.infer<typeof SystemSchema>>>
  insights<T extends z.ZodType>(table: string, row: T): Promise<Array<z.infer<T>>>
}

function bySystem<R extends { system_id: string }>(rows: R[]): Map<string, R> {
  return new Map(rows.map((r) => [r.system_id, r]))
}

export async function listOrgDevices(orgId: string, deps: Deps): Promise<SourceDevice[]> {
  const [systems, ifaces, chassis, info] = await Promise.all([
    deps.systems(),
    deps.insights('interface_details', InterfaceDetailsSchema),
    deps.insights('chassis_info', ChassisInfoSchema),
    deps.insights('system_info', SystemInfoSchema)
  ])
  const macs = new Map<string, string[]>()
  for (const row of ifaces) {
    const mac = row.mac?.trim().toLowerCase()
    if (!mac || mac === '00:00:00:00:00:00') continue
    const list = macs.get(row.system_id) ?? []
    if (!list.includes(mac)) list.push(mac)
    macs.set(row.system_id, list)
  }
  const chassisOf = bySystem(chassis)
  const infoOf = bySystem(info)
  return systems.map((s) => {
    const d: SourceDevice = {
      id: s._id,
      orgId,
      hostname: s.hostname || s.displayName || s._id,
      macs: macs.get(s._id) ?? []
    }
    const extra = infoOf.get(s._id)
    const serial = s.serialNumber || extra?.hardware_serial
    if (serial) d.serial = serial
    if (s.displayName) d.displayName = s.displayName
    const os = [s.os, s.version].filter(Boolean).join(' ')
    if (os) d.os = os
    if (s.lastContact) d.lastContact = s.lastContact
    const types = chassisOf.get(s._id)?.chassis_types
    if (types) d.chassisTypes = types
    if (extra?.hardware_model) d.model = extra.hardware_model
    return d
  })
}
