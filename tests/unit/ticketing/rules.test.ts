import { describe, expect, it } from 'vitest'
import { alertTypeDef, alertTypeOfEvent, groupKeyOf } from '../../../src/main/ticketing/alert-types'
import { BACKOFF_BASE_MS, BACKOFF_MAX_MS, backoffMs } from '../../../src/main/ticketing/delivery'
import { fieldProblems, resolveFields } from '../../../src/main/ticketing/settings'
import { render } from '../../../src/main/ticketing/templates'
import type { TicketMetadata } from '../../../src/main/connectors/types'
import { TicketingSettingsSchema } from '../../../src/shared/contract/ticketing'

describe('alert types and grouping', () => {
  it('maps every Directory Insights event type of the four alerts, case-insensitively, and nothing else', () => {
    expect(alertTypeOfEvent('system_fde_key_decrypt')?.id).toBe('fde-key-decrypted')
    expect(alertTypeOfEvent('USER_GROUP_ADMIN_GRANT')?.id).toBe('admin-granted')
    expect(alertTypeOfEvent('user_admin_granted')?.id).toBe('admin-granted')
    expect(alertTypeOfEvent('user_lockout')?.id).toBe('user-lockout')
    expect(alertTypeOfEvent('user_password_expired')?.id).toBe('password-expired')
    expect(alertTypeOfEvent('system_fde_key_update')).toBeUndefined()
  })

  it('groups by org + type + the affected user (or device for disk keys), ignoring case and time', () => {
    const lockout = alertTypeDef('user-lockout')
    const fde = alertTypeDef('fde-key-decrypted')
    expect(groupKeyOf(lockout, { orgId: 'o1', user: 'Alice', device: 'PC-1' })).toBe(
      groupKeyOf(lockout, { orgId: 'o1', user: 'alice', device: 'PC-2' })
    )
    expect(groupKeyOf(lockout, { orgId: 'o1', user: 'alice' })).not.toBe(
      groupKeyOf(lockout, { orgId: 'o2', user: 'alice' })
    )
    expect(groupKeyOf(fde, { orgId: 'o1', user: 'alice', device: 'PC-1' })).not.toBe(
      groupKeyOf(fde, { orgId: 'o1', user: 'alice', device: 'PC-2' })
    )
    expect(groupKeyOf(fde, { orgId: 'o1' })).toBe('o1|fde-key-decrypted|-')
  })
})

describe('templates', () => {
  it('fills the known placeholders and leaves unknown ones visible', () => {
    const v = {
      org: 'Acme',
      user: 'alice',
      device: 'PC-1',
      subject: 'alice',
      alertType: 'User Lockout',
      time: '2026-01-01T00:00:00.000Z'
    }
    expect(render('{alertType}: {subject} ({org}) {device} at {time} {oops}', v)).toBe(
      'User Lockout: alice (Acme) PC-1 at 2026-01-01T00:00:00.000Z {oops}'
    )
  })

  it('inserts outside values as plain one-line text: no second expansion, no control characters', () => {
    const v = {
      org: 'Acme',
      user: 'eve{org}\u0000\r\n[x]\u001b[31m\u2028end',
      device: 'PC-1',
      subject: 'eve',
      alertType: 'User Lockout',
      time: 't'
    }
    expect(render('{user} / {org}\n{device}', v)).toBe('eve{org} [x] [31m end / Acme\nPC-1')
  })
})

describe('per-alert settings', () => {
  const meta: TicketMetadata = {
    statuses: [{ value: 'New', label: 'New' }],
    priorities: [
      { value: '1', label: 'High' },
      { value: '2', label: 'Low' }
    ],
    issueTypes: [
      { value: '10', label: 'Security' },
      { value: '11', label: 'Other' }
    ],
    subIssueTypes: [{ value: '100', label: 'Breach', parent: '10' }],
    queues: [],
    sources: [],
    technicians: [],
    closedStatuses: []
  }

  it('takes an override where set and the default elsewhere', () => {
    const s = TicketingSettingsSchema.parse({
      defaults: { priority: '2', daysDue: 5 },
      types: { 'user-lockout': { overrides: { priority: '1', issueType: '10' } } }
    })
    expect(resolveFields(s, 'user-lockout')).toMatchObject({ priority: '1', issueType: '10', daysDue: 5, status: null })
    expect(resolveFields(s, 'password-expired')).toMatchObject({ priority: '2', issueType: null, daysDue: 5 })
  })

  it('reports values missing from the PSA lists and sub-issue types of another issue type', () => {
    const f = TicketingSettingsSchema.parse({}).defaults
    expect(fieldProblems('defaults', { ...f, priority: '1', subIssueType: '100', issueType: '10' }, meta)).toEqual([])
    expect(fieldProblems('defaults', { ...f, priority: '9' }, meta).map((p) => p.field)).toEqual(['priority'])
    expect(fieldProblems('defaults', { ...f, issueType: '11', subIssueType: '100' }, meta).map((p) => p.field)).toEqual(
      ['subIssueType']
    )
  })
})

describe('retry backoff', () => {
  it('doubles from the base and stays at the cap', () => {
    expect(backoffMs(0)).toBe(BACKOFF_BASE_MS)
    expect(backoffMs(1)).toBe(2 * BACKOFF_BASE_MS)
    expect(backoffMs(50)).toBe(BACKOFF_MAX_MS)
  })
})
