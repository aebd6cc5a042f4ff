import { describe, expect, it } from 'vitest'
import { useTicketing } from './setup'

const start = useTicketing()

// Syncro documents no subject length (syncro.md §5.5); 255 is what we send at most. Autotask reports the
// title length in entityInformation/fields (autotask.md §7.10; the simulator says 255).
const LIMIT = 255

describe.each(['syncro', 'autotask'] as const)('Hostile event text against the %s simulator', (psa) => {
  it('a 10,301-character user name with a right-to-left override becomes a clipped subject without bidi controls', async () => {
    const h = await start(psa)
    const user = `\u202e${'a'.repeat(10_300)}`
    h.inject(h.orgs.a.id, 'user_lockout', { user }, 4)
    expect(await h.poll()).toMatchObject({ ticketsCreated: 1, failed: 0 })
    const [t] = h.tickets()
    expect(t!.subject.length).toBeLessThanOrEqual(LIMIT)
    expect(t!.subject.endsWith('…')).toBe(true)
    expect(t!.subject.startsWith('User Lockout: aaa')).toBe(true)
    expect(t!.subject.includes('\u202e')).toBe(false)
    expect(t!.body.includes('\u202e')).toBe(false)
  })
})
