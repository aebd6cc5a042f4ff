// Ticket picklists and string lengths from entityInformation/fields, and the metadata the settings show.
import type { Choice, TicketMetadata } from '../types'
import type { AutotaskApi } from './api'
import { chunk } from './query'
import { ResourceSchema, ServiceDeskRoleSchema, type FieldInfo } from './schemas'

const STATUS_COMPLETE = '5' // autotask.md §7.7 (Datto "Query tickets Not Complete")

export function field(fields: FieldInfo[], name: string): FieldInfo | undefined {
  return fields.find((f) => f.name.toLowerCase() === name.toLowerCase())
}

export function maxLength(fields: FieldInfo[], name: string): number | undefined {
  return field(fields, name)?.length || undefined
}

function choices(f: FieldInfo | undefined): Choice[] {
  return (f?.picklistValues ?? [])
    .filter((p) => p.isActive)
    .sort((a, b) => (a.sortOrder ?? 0) - (b.sortOrder ?? 0))
    .map((p) => ({ value: p.value, label: p.label }))
}

export function defaultChoice(f: FieldInfo | undefined): string | undefined {
  const active = (f?.picklistValues ?? []).filter((p) => p.isActive)
  return (active.find((p) => p.isDefaultValue) ?? active[0])?.value
}

/** Retired (inactive) statuses included: old tickets may still sit in one. */
export function closedStatuses(fields: FieldInfo[]): string[] {
  return (field(fields, 'status')?.picklistValues ?? [])
    .filter((s) => s.value === STATUS_COMPLETE || /^complete/i.test(s.label))
    .map((s) => s.value)
}

export async function readTicketMetadata(api: AutotaskApi): Promise<TicketMetadata> {
  // Asked for explicitly ("Refresh" in Ticketing): re-read the picklists; ticket writes keep using the cache.
  api.forgetFields('Tickets')
  const fields = await api.fields('Tickets')
  const resources = await api.query('Resources', [{ op: 'eq', field: 'isActive', value: true }], ResourceSchema)
  const roles = resources.length
    ? (
        await Promise.all(
          chunk(resources.map((r) => r.id)).map((ids) =>
            api.query(
              'ResourceServiceDeskRoles',
              [
                { op: 'in', field: 'resourceID', value: ids },
                { op: 'eq', field: 'isActive', value: true }
              ],
              ServiceDeskRoleSchema
            )
          )
        )
      ).flat()
    : []
  const withRole = new Set(roles.map((r) => r.resourceID))
  return {
    statuses: choices(field(fields, 'status')),
    priorities: choices(field(fields, 'priority')),
    issueTypes: choices(field(fields, 'issueType')),
    subIssueTypes: (field(fields, 'subIssueType')?.picklistValues ?? [])
      .filter((p) => p.isActive)
      .map((p) => ({ value: p.value, label: p.label, parent: p.parentValue ?? '' })),
    queues: choices(field(fields, 'queueID')),
    sources: choices(field(fields, 'source')),
    // API-only users and resources without a service-desk role cannot be assigned (§7.7, §7.9)
    technicians: resources
      .filter((r) => withRole.has(r.id))
      .map((r) => ({
        value: String(r.id),
        label: [r.firstName, r.lastName].filter(Boolean).join(' ') || `Resource ${r.id}`
      })),
    closedStatuses: closedStatuses(fields),
    // Autotask refuses a ticket with neither (autotask.md §7.7: "plus a queue or resource").
    requiredOneOf: [
      { fields: ['queue', 'technicianId'], message: 'Autotask needs a queue or a technician on every new ticket.' }
    ]
  }
}
