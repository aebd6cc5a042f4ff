import { useId } from 'react'
import { kindLabel, type SourceKind } from '../../../../../shared/registry'
import { useSourceTicketing } from '../../../stores/source-ticketing'

/** The source's automated-ticketing switch and, until the required defaults are saved, what is missing. */
export function SeverityStatusCard({ source }: { source: SourceKind }) {
  const helpId = useId()
  const view = useSourceTicketing((s) => s.view)
  const busy = useSourceTicketing((s) => s.busy)
  if (!view) return null
  const on = view.settings.enabled
  const label = kindLabel(source)
  return (
    <section className="card tk-status" aria-label={`Automated ticketing for ${label}`}>
      <label className="tk-switch">
        <input
          type="checkbox"
          role="switch"
          aria-label={`Automated ticketing for ${label}`}
          aria-describedby={helpId}
          checked={on}
          disabled={busy !== null}
          onChange={(e) => void useSourceTicketing.getState().setEnabled(e.target.checked)}
        />
        <span>
          <span className="check__label" aria-hidden="true">
            Automated ticketing
          </span>
          <span id={helpId} className="field__help">
            {on
              ? `On: ${label} alerts become tickets in the PSA.`
              : `Off: ${label} alerts are recorded, no tickets are created.`}
          </span>
        </span>
      </label>
      {view.missing.length > 0 && (
        <div className="card__warning" role="note" aria-label="Required before switching on">
          Before automated ticketing can be switched on, save:
          <ul>
            {view.missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  )
}
