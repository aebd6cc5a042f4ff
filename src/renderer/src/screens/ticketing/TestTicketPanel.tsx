import { useState } from 'react'
import type { AlertType, TicketingView } from '../../../../shared/contract/ticketing'
import { SelectField } from '../../components/Field'
import { useTicketing } from '../../stores/ticketing'
import { TestTicketCard } from './TestTicketCard'

/** The test ticket for a source whose alerts have types (JumpCloud): sent "as" one of its alert types. */
export function TestTicketPanel({ view, dirty }: { view: TicketingView; dirty: boolean }) {
  const customers = useTicketing((s) => s.customers)
  const busy = useTicketing((s) => s.busy)
  const result = useTicketing((s) => s.testResult)
  const [alertType, setAlertType] = useState<AlertType>('user-lockout')
  return (
    <TestTicketCard
      customers={customers}
      dirty={dirty}
      busy={busy === 'test'}
      canSend={busy === null && !!view.psa}
      result={result}
      onSend={(customerId) => void useTicketing.getState().sendTest(customerId, alertType)}
    >
      <SelectField
        label="As alert type"
        name="testAlertType"
        value={alertType}
        options={view.alertTypes.map((t) => ({ value: t.id, label: t.label }))}
        onChange={(v) => setAlertType(view.alertTypes.find((t) => t.id === v)?.id ?? 'user-lockout')}
      />
    </TestTicketCard>
  )
}
