import { describe, expect, it } from 'vitest'
import { SeverityTicketingSchema } from '../../../src/shared/contract/severity-ticketing'
import {
  effectiveSeverity,
  missingSeverityDefaults,
  resolveSeverityFields,
  severityGroupKey
} from '../../../src/main/ticketing/severity-rules'

const syncroFields = [
  { key: 'priority', label: 'Priority' },
  { key: 'issueType', label: 'Problem type' },
  { key: 'status', label: 'Status' }
]
const autotaskFields = [
  ...syncroFields.map((f) => (f.key === 'issueType' ? { ...f, label: 'Issue type' } : f)),
  { key: 'subIssueType', label: 'Sub-issue type' },
  { key: 'queue', label: 'Queue' },
  { key: 'source', label: 'Source' }
]

const ready = SeverityTicketingSchema.parse({
  severities: { critical: { priority: '1' }, medium: { priority: '2' }, low: { priority: '3' } },
  defaults: { issueType: '10', subIssueType: '101', status: 'New', queue: '5', source: '2', technicianId: '7' },
  eventTypeOverrides: [
    { eventType: 'MFA.Disable', issueType: '20', subIssueType: '201' },
    { eventType: 'login.failure', subIssueType: '102' }
  ],
  note: { title: 'Repeat: {alertType}', visibility: 'internal' }
})

describe('severity rules', () => {
  it('maps the severity to its priority and keeps the other defaults', () => {
    expect(resolveSeverityFields(ready, 'critical', 'admin.new.admin')).toMatchObject({
      priority: '1',
      issueType: '10',
      subIssueType: '101',
      status: 'New',
      technicianId: '7'
    })
    expect(resolveSeverityFields(ready, 'low', 'x').priority).toBe('3')
  })

  it('overrides the issue type per event type (case-insensitive), with its own sub-issue type', () => {
    expect(resolveSeverityFields(ready, 'medium', 'mfa.disable')).toMatchObject({
      priority: '2',
      issueType: '20',
      subIssueType: '201'
    })
    // Only a sub-issue type: the default issue type stays.
    expect(resolveSeverityFields(ready, 'low', 'login.failure')).toMatchObject({ issueType: '10', subIssueType: '102' })
    const noSub = SeverityTicketingSchema.parse({ ...ready, eventTypeOverrides: [{ eventType: 'a', issueType: '30' }] })
    expect(resolveSeverityFields(noSub, 'low', 'a')).toMatchObject({ issueType: '30', subIssueType: null })
  })

  it('refuses two overrides of one event type', () => {
    const r = SeverityTicketingSchema.safeParse({
      eventTypeOverrides: [
        { eventType: 'a.b', issueType: '1' },
        { eventType: 'A.B', issueType: '2' }
      ]
    })
    expect(r.success).toBe(false)
  })

  it('names what is missing for the PSA that is connected (no queue or source for Syncro)', () => {
    const blank = SeverityTicketingSchema.parse({})
    expect(missingSeverityDefaults(syncroFields, blank)).toEqual([
      'Priority for Critical alerts',
      'Priority for Medium alerts',
      'Priority for Low alerts',
      'Default problem type',
      'Default status',
      'Note title',
      'Note visibility'
    ])
    expect(missingSeverityDefaults(autotaskFields, blank)).toContain('Default queue')
    expect(missingSeverityDefaults(autotaskFields, blank)).toContain('Default source')
    expect(missingSeverityDefaults(autotaskFields, ready)).toEqual([])
    // A severity that is off needs no priority.
    const lowOff = SeverityTicketingSchema.parse({
      ...ready,
      severities: { ...ready.severities, low: { enabled: false } }
    })
    expect(missingSeverityDefaults(autotaskFields, lowOff)).toEqual([])
  })

  it('groups on stable fields only, as chosen', () => {
    const e = { orgId: 'C1', severity: 'critical' as const, eventType: 'MFA.disable ', user: ' Ana@X.com' }
    expect(severityGroupKey('sa', 'event-type-and-user', e)).toBe('sa|C1|critical|mfa.disable|ana@x.com')
    expect(severityGroupKey('sa', 'event-type', e)).toBe('sa|C1|critical|mfa.disable')
    expect(severityGroupKey('sa', 'user', { ...e, user: null })).toBe('sa|C1|critical|-')
  })

  it('treats an unknown severity as critical', () => {
    expect(effectiveSeverity(undefined)).toBe('critical')
    expect(effectiveSeverity('low')).toBe('low')
  })
})
