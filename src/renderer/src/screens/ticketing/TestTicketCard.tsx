import { useState, type ReactNode } from 'react'
import type { TestTicketResult } from '../../stores/ticketing'
import { SelectField } from '../../components/Field'
import { safeLink } from './fields'

/**
 * The card that sends one [TEST] ticket with the saved settings, so the admin sees in the PSA what alerts will
 * look like. Each source's screen passes what the alert is "as" (alert type, or severity and event type) as children.
 */
export function TestTicketCard({
  customers,
  dirty,
  busy,
  canSend,
  result,
  onSend,
  children
}: {
  customers: ReadonlyArray<{ id: string; name: string }>
  dirty: boolean
  busy: boolean
  canSend: boolean
  result: TestTicketResult | null
  onSend: (customerId: string) => void
  children: ReactNode
}) {
  const [customerId, setCustomerId] = useState('')
  const chosen = customers.some((c) => c.id === customerId) ? customerId : ''
  const link = safeLink(result?.ticketUrl ?? null)
  return (
    <section className="card" aria-label="Send test ticket">
      <h2 className="card__title">Test ticket</h2>
      <p className="card__description">
        Creates a ticket marked [TEST] for the chosen customer with the saved settings
        {dirty ? ' (save your changes first)' : ''}.
      </p>
      <div className="tk-test">
        <SelectField
          label="Customer"
          name="testCustomer"
          value={chosen}
          options={[
            { value: '', label: customers.length ? 'Choose a customer…' : 'No customers loaded' },
            ...customers.map((c) => ({ value: c.id, label: c.name }))
          ]}
          onChange={setCustomerId}
        />
        {children}
        <button
          type="button"
          className="button button--primary"
          disabled={!chosen || !canSend}
          onClick={() => onSend(chosen)}
        >
          {busy ? 'Sending…' : 'Send test ticket'}
        </button>
      </div>
      {result && (
        <p className="tk-test__result" aria-label="Test ticket result">
          Created ticket <strong>{result.ticketNumber ?? result.ticketId}</strong>: {result.subject}
          {link && (
            <>
              {' · '}
              <a href={link} target="_blank" rel="noreferrer">
                Open in PSA
              </a>
            </>
          )}
        </p>
      )}
    </section>
  )
}
