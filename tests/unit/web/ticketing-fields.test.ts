import { describe, expect, it } from 'vitest'
import { TicketFieldsSchema } from '../../../src/shared/contract/ticketing'
import {
  ageText,
  fieldsOf,
  optionsFor,
  parseDaysDue,
  safeLink,
  setField,
  type Choices
} from '../../../src/renderer/src/screens/ticketing/fields'

const choices: Choices = {
  statuses: [{ value: '1', label: 'New' }],
  priorities: [
    { value: '1', label: 'High' },
    { value: '2', label: 'Low' }
  ],
  issueTypes: [
    { value: '10', label: 'Security' },
    { value: '11', label: 'Accounts' }
  ],
  subIssueTypes: [
    { value: '100', label: 'Encryption', parent: '10' },
    { value: '110', label: 'Lockout', parent: '11' }
  ],
  queues: [],
  sources: [],
  technicians: [{ value: '7', label: 'Dana Tech' }],
  closedStatuses: ['5']
}
const empty = TicketFieldsSchema.parse({})

describe('Ticketing field helpers', () => {
  it('lists queue, source and sub-issue type for Autotask only, in the PSA own words', () => {
    expect(fieldsOf('syncro').map((f) => f.label)).toEqual([
      'Priority',
      'Problem type',
      'Status',
      'Days due',
      'Tech assigned to'
    ])
    const at = fieldsOf('autotask').map((f) => f.key)
    expect(at).toEqual([
      'priority',
      'issueType',
      'subIssueType',
      'status',
      'daysDue',
      'technicianId',
      'queue',
      'source'
    ])
  })

  it('offers "PSA default" on the defaults row and names the inherited value on an alert type row', () => {
    expect(optionsFor({ choices, list: 'priorities', value: null, fallback: null })[0]).toEqual({
      value: '',
      label: 'PSA default'
    })
    expect(optionsFor({ choices, list: 'priorities', value: null, fallback: { value: '2' } })[0]).toEqual({
      value: '',
      label: 'Default: Low'
    })
    expect(optionsFor({ choices, list: 'priorities', value: null, fallback: { value: null } })[0]!.label).toBe(
      'Default'
    )
  })

  it('keeps a saved value the PSA no longer lists selectable and marked', () => {
    const opts = optionsFor({ choices, list: 'technicians', value: '99', fallback: null })
    expect(opts.map((o) => o.value)).toEqual(['', '7', '99'])
    expect(opts[2]!.label).toBe('99 (not in PSA list)')
  })

  it('offers only the sub-issue types of the effective issue type', () => {
    expect(
      optionsFor({ choices, list: 'subIssueTypes', value: null, fallback: null, issueType: '11' }).map((o) => o.value)
    ).toEqual(['', '110'])
    expect(
      optionsFor({ choices, list: 'subIssueTypes', value: null, fallback: null, issueType: null }).map((o) => o.value)
    ).toEqual([''])
  })

  it('drops a sub-issue type that does not belong to a newly chosen issue type, keeps one that does', () => {
    const withSub = { ...empty, issueType: '10', subIssueType: '100' }
    expect(setField(withSub, 'issueType', '11', choices, null).subIssueType).toBeNull()
    expect(setField({ ...empty, subIssueType: '100' }, 'issueType', null, choices, '10').subIssueType).toBe('100')
    expect(setField(withSub, 'priority', '1', choices, null)).toMatchObject({ priority: '1', subIssueType: '100' })
  })

  it('parses days due within the contract range', () => {
    expect(parseDaysDue('')).toEqual({ ok: true, value: null })
    expect(parseDaysDue(' 3 ')).toEqual({ ok: true, value: 3 })
    expect(parseDaysDue('365')).toEqual({ ok: true, value: 365 })
    for (const bad of ['366', '-1', '1.5', 'two', '1e2']) expect(parseDaysDue(bad)).toEqual({ ok: false })
  })

  it('writes queue ages in the largest sensible units', () => {
    expect([
      ageText(42),
      ageText(60 * 12),
      ageText(3600 * 3 + 300),
      ageText(7200),
      ageText(86400 * 2 + 3600 * 4),
      ageText(86400)
    ]).toEqual(['42 s', '12 min', '3 h 5 min', '2 h', '2 d 4 h', '1 d'])
  })

  it('makes links only of http(s) URLs', () => {
    expect(safeLink('https://x.syncromsp.com/tickets/5')).toBe('https://x.syncromsp.com/tickets/5')
    expect(safeLink('javascript:alert(1)')).toBeNull()
    expect(safeLink('not a url')).toBeNull()
    expect(safeLink(null)).toBeNull()
  })
})
