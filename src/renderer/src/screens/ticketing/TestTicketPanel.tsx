import { useState } from 'react'
import type { AlertType, TicketingView } from '../../../../shared/contract/ticketing'
import { SelectField } from '../../components/Field'
import { useTicketing } from '../../stores/ticketing'
import { safeLink } from './fields'

/** Sends one [TEST] ticket with the saved settings, so the admin sees in the PSA what alerts will look like. */
export function TestTicketPanel({ view, dirty }: { view: TicketingView; dirty: boolean }) {
  const customers = useTicketing((s) => s.customers)
  const busy = useTicketing((s) => s.busy)
  const result = useTicketing((s) => s.testResult)
  const [customerId, setCustomerId] = useState('')
  const [alertType, setAlertType] = useState<AlertType>('user-lockout')
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
        <SelectField
          label="As alert type"
          name="testAlertType"
          value={alertType}
          options={view.alertTypes.map((t) => ({ value: t.id, label: t.label }))}
          onChange={(v) => setAlertType(view.alertTypes.find((t) => t.id === v)?.id ?? 'user-lockout')}
        />
        <button
          type="button"
          className="button button--primary"
          disabled={!chosen || busy !== null || !view.psa}
          onClick={() => void useTicketing.getState().sendTest(chosen, alertType)}
        >
          {busy === 'test' ? 'Sending…' : 'Send test ticket'}
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
