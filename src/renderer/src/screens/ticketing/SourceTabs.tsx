import { kindLabel, SOURCE_KINDS, type SourceKind } from '../../../../shared/registry'
import { useIntegrations } from '../../stores/integrations'

/** The connected sources whose alerts can become tickets (the first registered one when none is connected). */
export function useTicketingSources(): SourceKind[] {
  const items = useIntegrations((s) => s.items)
  const connected = SOURCE_KINDS.filter((k) => items.some((i) => i.kind === k))
  return connected.length ? connected : [SOURCE_KINDS[0]]
}

interface Props {
  sources: readonly SourceKind[]
  current: SourceKind
  onChoose(source: SourceKind): void
}

/** One tab per connected source: each has its own ticketing settings. */
export function SourceTabs({ sources, current, onChoose }: Props) {
  if (sources.length < 2) return null
  return (
    <div className="segmented tk-sources" role="tablist" aria-label="Alert source">
      {sources.map((k) => (
        <button
          key={k}
          type="button"
          role="tab"
          className="segmented__item"
          aria-selected={k === current}
          onClick={() => onChoose(k)}
        >
          {kindLabel(k)}
        </button>
      ))}
    </div>
  )
}
