import type { AssetsView, DeviceKind } from '../../../../shared/contract/assets'
import { DEVICE_KINDS } from '../../../../shared/contract/assets'

const KIND_LABELS: Record<DeviceKind, string> = {
  desktop: 'Desktop',
  laptop: 'Laptop',
  server: 'Server',
  virtual: 'Virtual machine',
  mobile: 'Mobile',
  other: 'Other'
}

interface Props {
  view: AssetsView
  busy: boolean
  onChange(kind: DeviceKind, type: string | null): void
}

/** Which PSA asset type each kind of device becomes when created (like IT Glue's type mapping). */
export function TypeMappingPanel({ view, busy, onChange }: Props) {
  const unset = DEVICE_KINDS.filter((k) => !view.typeMapping[k]).length
  return (
    <details className="assets__types">
      <summary>
        Asset types for created devices{unset > 0 ? ` (${unset} not chosen: those devices cannot be created)` : ''}
      </summary>
      {view.assetTypes.length === 0 && <p className="muted">Pull assets first: the PSA's asset types are read then.</p>}
      <div className="assets__types-grid">
        {DEVICE_KINDS.map((k) => (
          <label key={k}>
            {KIND_LABELS[k]}{' '}
            <select
              aria-label={`PSA asset type for ${KIND_LABELS[k]} devices`}
              value={view.typeMapping[k] ?? ''}
              disabled={busy}
              onChange={(e) => onChange(k, e.target.value || null)}
            >
              <option value="">Not created</option>
              {view.assetTypes.map((t) => (
                <option key={t.value} value={t.value}>
                  {t.label}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
    </details>
  )
}
