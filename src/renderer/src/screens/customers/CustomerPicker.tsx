import { useCallback } from 'react'
import type { CustomerRow } from '../../../../shared/contract/customers'
import { Combobox } from '../../components/Combobox'
import { filterCustomers } from './filter'

const MAX_OPTIONS = 50

interface CustomerPickerProps {
  /** Accessible name, e.g. "Customer for Acme". */
  label: string
  customers: readonly CustomerRow[]
  selectedName: string | null
  placeholder?: string
  disabled?: boolean
  onChoose(customer: CustomerRow): void
}

/** The PSA customer combobox: type to filter by name, inactive and already-mapped customers marked. */
export function CustomerPicker(props: CustomerPickerProps) {
  const { customers } = props
  const search = useCallback((q: string) => filterCustomers(customers, q, MAX_OPTIONS), [customers])
  return (
    <Combobox<CustomerRow>
      label={props.label}
      selectedText={props.selectedName}
      placeholder={props.placeholder ?? 'Choose customer…'}
      disabled={props.disabled}
      search={search}
      keyOf={(c) => c.id}
      emptyText={(q) => `No customer matches “${q}”`}
      onChoose={props.onChoose}
      renderOption={(c) => (
        <>
          <span className="picker__name">{c.name}</span>
          {!c.active && <span className="picker__meta">inactive</span>}
          {c.mappedOrgs.length > 0 && <span className="picker__meta">{c.mappedOrgs.length} mapped</span>}
        </>
      )}
    />
  )
}
