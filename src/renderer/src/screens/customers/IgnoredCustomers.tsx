import type { CustomerRow } from '../../../../shared/contract/customers'
import { useCustomers } from '../../stores/customers'
import { CustomerPicker } from './CustomerPicker'

/**
 * PSA customers left out of the mapping list: an ignored customer is never suggested and not offered in the
 * pickers, for organizations of every source.
 */
export function IgnoredCustomers({ customers }: { customers: CustomerRow[] }) {
  const ignored = customers.filter((c) => c.ignored)
  const { setCustomerIgnored } = useCustomers.getState()
  return (
    <section className="learned" aria-label="Ignored PSA customers">
      <div className="catch-all">
        <span className="catch-all__label">Ignore a PSA customer</span>
        <CustomerPicker
          label="Ignore a PSA customer"
          customers={customers}
          selectedName={null}
          placeholder="Choose a customer to leave out…"
          onChoose={(c) => void setCustomerIgnored(c.id, true)}
        />
        <span className="muted catch-all__help">Never suggested nor offered for any source.</span>
      </div>
      {ignored.length > 0 && (
        <ul className="learned__list">
          {ignored.map((c) => (
            <li key={c.id}>
              <span>{c.name}</span>{' '}
              <button
                type="button"
                className="button button--small"
                aria-label={`Stop ignoring ${c.name}`}
                onClick={() => void setCustomerIgnored(c.id, false)}
              >
                Un-ignore
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
