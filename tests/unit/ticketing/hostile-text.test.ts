import { describe, expect, it } from 'vitest'
import { clipText } from '../../../src/main/connectors/clip'
import { render } from '../../../src/main/ticketing/templates'
import { TicketingSettingsSchema } from '../../../src/shared/contract/ticketing'

const values = { org: 'Acme', user: 'u', device: 'd', subject: 's', alertType: 'User Lockout', time: 't' }

describe('hostile text in tickets', () => {
  it('strips bidi controls (e.g. U+202E right-to-left override) from values and templates', () => {
    const out = render('{alertType}\u202e: {user}', { ...values, user: 'evil\u202egnp.exe\u2066x\u2069\u200f' })
    expect(out).toBe('User Lockout: evilgnp.exex')
    expect(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(out)).toBe(false)
  })

  it('clips to a limit with an ellipsis, by code point (never half a surrogate pair)', () => {
    expect(clipText('x'.repeat(10_301), 255)).toHaveLength(255)
    expect(clipText('x'.repeat(10_301), 255).endsWith('…')).toBe(true)
    expect(clipText('short', 255)).toBe('short')
    const emoji = '😀'.repeat(300)
    const clipped = clipText(emoji, 255)
    expect([...clipped]).toHaveLength(255)
    expect(clipped.endsWith('😀…')).toBe(true)
  })

  it('refuses control characters in templates (NUL anywhere; line breaks only in bodies)', () => {
    const base = TicketingSettingsSchema.parse({})
    const bad = [
      { ...base, subjectTemplate: '{alertType}\u0000' },
      { ...base, subjectTemplate: 'a\nb' },
      { ...base, bodyTemplate: 'x\u0000y' },
      { ...base, note: { ...base.note, title: 'a\u001bb' } },
      { ...base, note: { ...base.note, template: 'a\u0007' } }
    ]
    for (const s of bad) expect(TicketingSettingsSchema.safeParse(s).success).toBe(false)
    expect(TicketingSettingsSchema.safeParse({ ...base, bodyTemplate: 'line 1\r\nline 2\tx' }).success).toBe(true)
  })
})
