import { describe, expect, it } from 'vitest'
import { useBillingHarness } from './harness'

const harness = useBillingHarness()

// Issue 11 #9: the prerequisite check said "No a recurring invoice.". It names what is needed, in a sentence.
describe('billing prerequisites wording', () => {
  it('Syncro: a customer without a recurring invoice "Needs a recurring invoice."', async () => {
    const h = await harness('syncro', { mappings: 1 })
    const m = h.mapped[0]!
    const account = h.sims.syncro.account()
    const customerId = account.schedules.find((s) => String(s.id) === m.containerId)!.customer_id
    account.schedules = account.schedules.filter((s) => s.customer_id !== customerId)

    const r = await h.call('checkBillingPrerequisites', {})
    expect(r.problems).toEqual([expect.objectContaining({ orgId: m.orgId, problem: 'no-container' })])
    expect(r.problems[0]!.message).toBe('Needs a recurring invoice.')
    expect(r.problems[0]!.message).not.toMatch(/\bNo an? /)
  })

  it('Autotask: a company without an active Recurring Service contract says what it needs', async () => {
    const h = await harness('autotask', { mappings: 1 })
    const m = h.mapped[0]!
    h.sims.autotask.state.tables.Contracts.find((c) => String(c.id) === m.containerId)!.status = 0
    const r = await h.call('checkBillingPrerequisites', {})
    expect(r.problems[0]!.message).toBe('Needs an active contract of type Recurring Service.')
  })
})
