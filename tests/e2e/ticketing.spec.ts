import { test, expect } from './fixtures'
import { bridgeCall, goToStep, type Psa } from './support/billing-setup'
import { connectForTicketing, goToTicketing, injectEvent, simTickets } from './support/ticketing-setup'

const LOCKOUT = 'User Lockout'
const FDE = 'Disk Encryption Key Decrypted'

for (const psa of ['syncro', 'autotask'] as const satisfies readonly Psa[]) {
  test(`${psa}: two alert types with their own priority and tech, a test ticket, generated tickets in Activity, acknowledge`, async ({
    app: page,
    bridge,
    sims
  }) => {
    const s = await connectForTicketing(page, bridge.origin, sims, psa)
    // The PSA's own lists, to pick two different values of each (the selects hold these values).
    const choices = (await bridgeCall(page, bridge.origin, 'getTicketingSettings', {})).choices
    expect(choices).not.toBeNull()
    const [p1, p2] = choices!.priorities
    const [t1, t2] = choices!.technicians
    if (!p1 || !p2 || !t1 || !t2) throw new Error(`the ${psa} sim needs two priorities and two technicians`)

    await goToTicketing(page)
    const fields = page.getByRole('table', { name: 'Ticket fields per alert type' })
    await expect(fields.getByRole('rowheader')).toHaveText([
      /^Ticket defaults/,
      /^Disk Encryption Key Decrypted/,
      /^User Admin Access Granted/,
      /^User Lockout/,
      /^User Password Expired/
    ])
    // Autotask's own fields are there only for Autotask.
    await expect(fields.getByRole('columnheader', { name: 'Queue' })).toHaveCount(psa === 'autotask' ? 1 : 0)

    await fields.getByLabel(`Priority for ${LOCKOUT}`).selectOption(p1.value)
    await fields.getByLabel(`Tech assigned to for ${LOCKOUT}`).selectOption(t1.value)
    await fields.getByLabel(`Priority for ${FDE}`).selectOption(p2.value)
    await fields.getByLabel(`Tech assigned to for ${FDE}`).selectOption(t2.value)
    // Autotask refuses a ticket without a queue (autotask.md §7.7): set it once, as a default.
    const queue = choices!.queues[0]
    if (psa === 'autotask') await fields.getByLabel('Queue for ticket defaults').selectOption(queue!.value)
    // An override row names what it inherits from the defaults row.
    await expect(fields.getByLabel(`Status for ${LOCKOUT}`).locator('option:checked')).toHaveText(/^Default/)

    await page.getByLabel('Days due for ticket defaults').fill('400')
    await expect(page.getByRole('button', { name: 'Save settings' })).toBeDisabled()
    await page.getByLabel('Days due for ticket defaults').fill('2')
    await page.getByRole('button', { name: 'Save settings' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Ticketing settings saved.' })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Save settings' })).toBeDisabled()

    // Test ticket: clearly marked, its number shown.
    await page.getByLabel('Customer', { exact: true }).selectOption({ label: s.customer.name })
    await page.getByRole('button', { name: 'Send test ticket' }).click()
    const result = page.getByLabel('Test ticket result')
    await expect(result).toContainText('Created ticket')
    // The newest [TEST] ticket: the simulators live for the worker, so an earlier spec may have sent one too.
    const testTicket = simTickets(sims, psa)
      .filter((t) => t.subject.startsWith('[TEST] '))
      .at(-1)
    expect(testTicket, 'the PSA holds a [TEST] ticket').toBeDefined()
    expect(testTicket!.customerId).toBe(s.customer.id)
    await expect(result).toContainText(testTicket!.number)

    // Switch automated ticketing on, inject two alerts (+ one of an unmapped org) and poll.
    const master = page.getByRole('switch', { name: 'Automated ticketing' })
    await expect(master).not.toBeChecked()
    await master.check()
    await expect(master).toBeChecked()
    injectEvent(sims, s.org.id, 'user_lockout', { user: 'alice' })
    injectEvent(sims, s.org.id, 'system_fde_key_decrypt', { device: 'LAPTOP-7', user: 'bob' })
    injectEvent(sims, s.unmappedOrg.id, 'user_password_expired', { user: 'carol' })
    await page.getByRole('button', { name: 'Poll now' }).click()
    await expect(page.getByRole('status').filter({ hasText: '2 ticket(s) created' })).toBeVisible()
    await expect(page.getByRole('region', { name: 'Automated ticketing' })).toContainText('Waiting for a mapping1')

    const generated = simTickets(sims, psa).filter((t) => !t.subject.startsWith('[TEST] '))
    const lockout = generated.find((t) => t.subject.includes(LOCKOUT))
    const fde = generated.find((t) => t.subject.includes(FDE))
    expect(generated).toHaveLength(2)
    expect(lockout).toMatchObject({ customerId: s.customer.id, priority: p1.value, technicianId: t1.value })
    expect(fde).toMatchObject({ customerId: s.customer.id, priority: p2.value, technicianId: t2.value })
    if (psa === 'autotask') expect([lockout!.queue, fde!.queue]).toEqual([queue!.value, queue!.value])
    await page.screenshot({ path: `test-results/ticketing-${psa}-screen.png`, fullPage: true })

    // Activity: every generated ticket, the test one marked; the unmapped org's alert is kept, waiting.
    await goToStep(page, 'Activity')
    const tickets = page.getByRole('table', { name: 'Generated tickets' })
    await expect(tickets.getByRole('row')).toHaveCount(4)
    const lockoutRow = tickets.getByRole('row').filter({ hasText: `${LOCKOUT} · alice` })
    await expect(lockoutRow).toContainText(`#${lockout!.number}`)
    await expect(lockoutRow).toContainText(s.customer.name)
    await expect(tickets.getByRole('row').filter({ hasText: `${FDE} · bob · LAPTOP-7` })).toContainText(
      `#${fde!.number}`
    )
    await expect(tickets.getByRole('row').filter({ hasText: 'Test ticket' })).toContainText('test')
    const pending = page.getByRole('table', { name: 'Alerts' })
    await expect(pending.getByRole('row')).toHaveCount(2)
    await expect(pending.getByRole('row').nth(1)).toContainText('waiting for a mapping')
    await expect(pending.getByRole('row').nth(1)).toContainText('carol')

    // Acknowledge alice's lockout: a repeat is recorded but adds no note to the ticket.
    await lockoutRow.getByRole('button', { name: `Acknowledge ticket ${lockout!.number}` }).click()
    await expect(lockoutRow).toContainText('acknowledged')
    injectEvent(sims, s.org.id, 'user_lockout', { user: 'alice' })
    const cycle = await bridgeCall(page, bridge.origin, 'pollAlertsNow', { retryNow: false })
    expect(cycle).toMatchObject({ newAlerts: 1, notesAdded: 0, ticketsCreated: 0 })
    expect(simTickets(sims, psa).find((t) => t.id === lockout!.id)!.notes).toBe(0)
    // The cycle's event refreshes Activity: the repeat shows up as suppressed.
    await page.getByLabel('Show alerts').selectOption('suppressed')
    await expect(pending.getByRole('row').filter({ hasText: 'alice' })).toContainText(
      `Repeat recorded on #${lockout!.number}`
    )
    await page.getByLabel('Show alerts').selectOption('pending')
    await page
      .getByRole('region', { name: 'Tickets' })
      .screenshot({ path: `test-results/ticketing-${psa}-activity.png` })
  })
}
