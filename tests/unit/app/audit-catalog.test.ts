import { describe, expect, it } from 'vitest'
import { auditCatalog, describerOf } from '../../../src/main/app/audit/catalog'
import { diffFields, flatten, REDACTED, scrub } from '../../../src/main/app/audit/fields'
import { methodNames } from '../../../src/shared/contract'

// Names that only read: a method outside these prefixes changes something, so it must be audited or
// carry a reason why not (an operation recorded elsewhere).
const READ_NAME = /^(get|list|preview|check|export)/

describe('audit catalog', () => {
  it('classifies every contract method, and only reading names as reads', () => {
    expect(Object.keys(auditCatalog).sort()).toEqual([...methodNames].sort())
    for (const m of methodNames) {
      const entry = auditCatalog[m]
      if ('notAudited' in entry) {
        if (!READ_NAME.test(m)) expect(entry.notAudited, m).toMatch(/^an operation/)
        else expect(entry.notAudited, m).toBe('reads only')
      } else {
        expect(READ_NAME.test(m), `${m} reads but is audited`).toBe(false)
        expect(entry.read ?? entry.facts ?? entry.subject, m).toBeTypeOf('function')
      }
    }
  })

  it('describes acknowledging and snoozing an alert group by their facts', () => {
    const ack = describerOf('acknowledgeGroup')!
    expect(ack.kind).toBe('ticketing')
    expect(ack.subject!({ groupKey: 'user-lockout:u1', acknowledged: true } as never)).toBe(
      'alert group user-lockout:u1'
    )
    expect(ack.facts!({ groupKey: 'g', acknowledged: false } as never, { message: '' } as never)).toEqual({
      acknowledged: false
    })
    const snooze = describerOf('snoozeGroup')!
    expect(snooze.facts!({ groupKey: 'g', until: '2026-03-01T00:00:00Z' } as never, {} as never)).toEqual({
      'snoozed until': '2026-03-01T00:00:00Z'
    })
  })
})

describe('audit fields', () => {
  it('flattens nested settings and lists only what differs', () => {
    const before = flatten({ a: 1, schedule: { kind: 'daily', time: '12:00' }, list: [1, 2] })
    const after = flatten({ a: 1, schedule: { kind: 'monthly', time: '12:00', day: 3 }, list: [1, 2] })
    expect(diffFields(before, after)).toEqual([
      { field: 'schedule.day', old: null, new: 3 },
      { field: 'schedule.kind', old: 'daily', new: 'monthly' }
    ])
  })

  it('replaces a secret wherever it would appear', () => {
    expect(scrub('token abcd1234 here', ['abcd1234'])).toBe(`token ${REDACTED} here`)
    expect(scrub(42, ['42'])).toBe(42)
    expect(scrub('a b', ['a'])).toBe('a b') // too short to be a key: not searched for
  })
})
