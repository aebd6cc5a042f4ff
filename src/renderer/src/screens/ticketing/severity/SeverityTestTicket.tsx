import { useState } from 'react'
import { SEVERITY_LABELS, SeveritySchema, type Severity } from '../../../../../shared/contract/severity-ticketing'
import { SelectField } from '../../../components/Field'
import { useSourceTicketing } from '../../../stores/source-ticketing'
import { safeLink } from '../fields'

/** Sends one [TEST] ticket as an alert of the chosen severity (and event type) would create it. */
export function SeverityTestTicket({
  customers,
  dirty
}: {
  customers: ReadonlyArray<{ id: string; name: string }>
  dirty: boolean
}) {
  const busy = useSourceTicketing((s) => s.busy)
  const result = useSourceTicketing((s) => s.testResult)
  const [customerId, setCustomerId] = useState('')
  const [severity, setSeverity] = useState<Severity>('critical')
  const [eventType, setEventType] = useState('')
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
          label="As severity"
          name="testSeverity"
          value={severity}
          options={SeveritySchema.options.map((s) => ({ value: s, label: SEVERITY_LABELS[s] }))}
          onChange={(v) => setSeverity(SeveritySchema.catch('critical').parse(v))}
        />
        <label className="field">
          <span>Event type (optional)</span>
          <input
            aria-label="Test event type"
            value={eventType}
            placeholder="e.g. mfa.disable"
            onChange={(e) => setEventType(e.target.value)}
          />
        </label>
        <button
          type="button"
          className="button button--primary"
          disabled={!chosen || busy !== null}
          onClick={() => void useSourceTicketing.getState().sendTest(chosen, severity, eventType.trim() || null)}
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
