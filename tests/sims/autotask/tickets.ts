// Ticket and ticket-note business rules of the sim (autotask.md §7.7, §7.8). Violations are HTTP 500
// with {"errors":[...]} like the real API (§6).
import { AutotaskRuleError, ci, type Row } from './filter'
import { checkLength, findById, nextId, type AutotaskState } from './model'

function picklistCheck(state: AutotaskState, field: string, value: unknown, parent?: unknown): void {
  if (value === undefined || value === null) return
  const list = state.ticketPicklists[field] ?? []
  const hit = list.find((p) => p.value === String(value) && p.isActive)
  if (!hit) throw new AutotaskRuleError(`Value does not reference an existing entity for ${field}.`)
  if (parent !== undefined && hit.parentValue !== '' && hit.parentValue !== String(parent))
    throw new AutotaskRuleError(`${field} ${String(value)} does not belong to issueType ${String(parent)}.`)
}

function pickInt(body: unknown, key: string): number | undefined {
  const v = ci(body, key)
  if (v === undefined || v === null) return undefined
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new AutotaskRuleError(`Invalid value for field ${key}.`)
  return v
}

function pickString(body: unknown, key: string): string | undefined {
  const v = ci(body, key)
  if (v === undefined || v === null) return undefined
  if (typeof v !== 'string') throw new AutotaskRuleError(`Invalid value for field ${key}.`)
  return v
}

function ticketNumber(state: AutotaskState, now: Date): string {
  const day = now.toISOString().slice(0, 10).replaceAll('-', '')
  const seq = state.tables.Tickets.filter((t) => String(t.ticketNumber).startsWith(`T${day}.`)).length + 1
  return `T${day}.${String(seq).padStart(4, '0')}` // format per ecitsolutions "How to Query" (§7.7)
}

export function createTicket(state: AutotaskState, body: unknown, now: Date): number {
  const companyID = pickInt(body, 'companyID')
  const title = pickString(body, 'title')
  const status = pickInt(body, 'status')
  const priority = pickInt(body, 'priority')
  const queueID = pickInt(body, 'queueID')
  const resourceID = pickInt(body, 'assignedResourceID')
  const roleID = pickInt(body, 'assignedResourceRoleID')
  const missing = [
    ['companyID', companyID],
    ['title', title],
    ['status', status],
    ['priority', priority]
  ].filter(([, v]) => v === undefined || v === '')
  if (missing.length)
    throw new AutotaskRuleError(`Missing required field(s): ${missing.map(([k]) => String(k)).join(', ')}.`)
  checkLength('Tickets', 'title', title)
  checkLength('Tickets', 'description', pickString(body, 'description'))
  if (!findById(state, 'Companies', companyID ?? -1))
    throw new AutotaskRuleError('Value does not reference an existing entity for companyID.')
  // Verbatim rule text [OBS WYRE-AI/msp-claude-plugins #32] (§7.7)
  if ((resourceID === undefined) !== (roleID === undefined))
    throw new AutotaskRuleError(
      'When assigning a Resource, you must assign both a assignedResourceID and assignedResourceRoleID.'
    )
  if (queueID === undefined && resourceID === undefined)
    throw new AutotaskRuleError('A ticket requires a queueID or an assigned resource.')
  if (resourceID !== undefined) {
    const okRole = state.tables.ResourceServiceDeskRoles.some(
      (r) => r.resourceID === resourceID && r.roleID === roleID && r.isActive
    )
    if (!okRole)
      throw new AutotaskRuleError(
        'The assignedResourceRoleID is not a valid service desk role for the assignedResourceID.'
      )
  }
  const issueType = pickInt(body, 'issueType')
  const subIssueType = pickInt(body, 'subIssueType')
  picklistCheck(state, 'status', status)
  picklistCheck(state, 'priority', priority)
  picklistCheck(state, 'queueID', queueID)
  picklistCheck(state, 'issueType', issueType)
  picklistCheck(state, 'subIssueType', subIssueType, issueType)
  picklistCheck(state, 'source', pickInt(body, 'source'))
  const contractID = pickInt(body, 'contractID')
  // A ticket's contract must be one of its company's (same wording as the companyID check, UNCONFIRMED).
  if (contractID !== undefined && findById(state, 'Contracts', contractID)?.companyID !== companyID)
    throw new AutotaskRuleError('Value does not reference an existing entity for contractID.')
  const id = nextId(state)
  const row: Row = {
    id,
    ticketNumber: ticketNumber(state, now),
    companyID,
    title,
    description: pickString(body, 'description') ?? null,
    status,
    priority,
    queueID: queueID ?? null,
    issueType: issueType ?? null,
    subIssueType: subIssueType ?? null,
    source: pickInt(body, 'source') ?? null,
    dueDateTime: pickString(body, 'dueDateTime') ?? null,
    assignedResourceID: resourceID ?? null,
    assignedResourceRoleID: roleID ?? null,
    contractID: contractID ?? null,
    createDate: now.toISOString(),
    lastActivityDate: now.toISOString(),
    completedDate: status === 5 ? now.toISOString() : null
  }
  state.tables.Tickets.push(row)
  return id
}

/** Notes are created only through POST Tickets/{id}/Notes (§3.1, §7.8). */
export function createTicketNote(state: AutotaskState, ticketId: number, body: unknown, now: Date): number {
  const ticket = findById(state, 'Tickets', ticketId)
  if (!ticket) throw new AutotaskRuleError('Value does not reference an existing entity for ticketID.')
  const description = pickString(body, 'description')
  const title = pickString(body, 'title')
  const noteType = pickInt(body, 'noteType')
  const publish = pickInt(body, 'publish')
  if (!description) throw new AutotaskRuleError('Missing required field: description.')
  if (state.requireNoteTitles && !title) throw new AutotaskRuleError('Missing required field: title.')
  checkLength('TicketNotes', 'title', title)
  checkLength('TicketNotes', 'description', description)
  if (noteType === undefined || publish === undefined)
    throw new AutotaskRuleError('Missing required field(s): noteType, publish.')
  const id = nextId(state)
  state.tables.TicketNotes.push({
    id,
    ticketID: ticketId,
    title: title ?? null,
    description,
    noteType,
    publish,
    createDateTime: now.toISOString(),
    creatorResourceID: null
  })
  ticket.lastActivityDate = now.toISOString()
  return id
}
