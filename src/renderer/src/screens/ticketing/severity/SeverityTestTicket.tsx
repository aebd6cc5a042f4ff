import { useState } from 'react'
import { SEVERITY_LABELS, SeveritySchema, type Severity } from '../../../../../shared/contract/severity-ticketing'
import { SelectField } from '../../../components/Field'
import { useSourceTicketing } from '../../../stores/source-ticketing'
import { TestTicketCard } from '../TestTicketCard'

/** The test ticket for a source configured by severity: sent as an alert of the chosen severity (and event type). */
export function SeverityTestTicket({
  customers,
  dirty
}: {
  customers: ReadonlyArray<{ id: string; name: string }>
  dirty: boolean
}) {
  const busy = useSourceTicketing((s) => s.busy)
  const result = useSourceTicketing((s) => s.testResult)
  const [severity, setSeverity] = useState<Severity>('critical')
  const [eventType, setEventType] = useState('')
  return (
    <TestTicketCard
      customers={customers}
      dirty={dirty}
      busy={busy === 'test'}
      canSend={busy === null}
      result={result}
      onSend={(customerId) =>
        void useSourceTicketing.getState().sendTest(customerId, severity, eventType.trim() || null)
      }
    >
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
    </TestTicketCard>
  )
}
