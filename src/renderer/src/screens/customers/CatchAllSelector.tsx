import type { CustomersView } from '../../../../shared/contract/customers'
import { useCustomers } from '../../stores/customers'
import { CustomerPicker } from './CustomerPicker'

/** The customer that receives tickets for alerts of organizations with no mapping. */
export function CatchAllSelector({ view }: { view: CustomersView }) {
  const { setCatchAll } = useCustomers.getState()
  const current = view.catchAll
  return (
    <div className="catch-all">
      <span className="catch-all__label">Catch-all default customer</span>
      <CustomerPicker
        label="Catch-all default customer"
        customers={view.customers}
        selectedName={current ? (current.customerName ?? `#${current.customerId}`) : null}
        placeholder="None — alerts wait for a mapping"
        onChoose={(c) => void setCatchAll(c.id)}
      />
      {current && (
        <button type="button" className="button button--small" onClick={() => void setCatchAll(null)}>
          Clear
        </button>
      )}
      <span className="muted catch-all__help">Tickets for alerts from unmapped organizations go here.</span>
    </div>
  )
}
