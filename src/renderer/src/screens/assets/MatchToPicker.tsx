import { useCallback } from 'react'
import type { AssetRow } from '../../../../shared/contract/assets'
import { Combobox } from '../../components/Combobox'
import { filterCandidates } from './filter'

const MAX_OPTIONS = 50

interface MatchToPickerProps {
  /** e.g. "Match ACC-LT-01 to". */
  label: string
  /** PSA-only assets of the device's customer. */
  candidates: readonly AssetRow[]
  placeholder: string
  disabled?: boolean
  onChoose(assetId: string): void
}

/** "Match to" / "Change match": type to filter the customer's unmatched PSA assets by name, serial or MAC. */
export function MatchToPicker(props: MatchToPickerProps) {
  const { candidates } = props
  const search = useCallback((q: string) => filterCandidates(candidates, q, MAX_OPTIONS), [candidates])
  return (
    <Combobox<AssetRow>
      label={props.label}
      selectedText={null}
      placeholder={props.placeholder}
      disabled={props.disabled}
      search={search}
      keyOf={(c) => c.key}
      emptyText={(q) => (q ? `No unmatched PSA asset matches “${q}”` : 'No unmatched PSA asset for this customer')}
      onChoose={(c) => c.assetId && props.onChoose(c.assetId)}
      renderOption={(c) => (
        <>
          <span className="picker__name">{c.assetName}</span>
          {c.assetSerial && <span className="picker__meta">{c.assetSerial}</span>}
          {c.assetActive === false && <span className="picker__meta">inactive</span>}
        </>
      )}
    />
  )
}
