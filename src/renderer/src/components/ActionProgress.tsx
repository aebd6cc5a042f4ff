import { useEffect, useState } from 'react'
import { ProgressEventSchema, type ProgressAction, type ProgressEvent } from '../../../shared/contract/progress'
import { api } from '../api/client'

/** The latest progress of a running `action` (null when none runs); events are re-validated on arrival. */
export function useActionProgress(action: ProgressAction): ProgressEvent | null {
  const [current, setCurrent] = useState<ProgressEvent | null>(null)
  useEffect(
    () =>
      api.on('progress', (raw) => {
        const p = ProgressEventSchema.safeParse(raw)
        if (!p.success || p.data.action !== action) return
        setCurrent(p.data.finished ? null : p.data)
      }),
    [action]
  )
  return current
}

/** "Reading customers: 1 of 2" — what a long action is doing, announced politely to screen readers. */
export function progressText(p: Pick<ProgressEvent, 'step' | 'done' | 'total'>): string {
  return p.total !== undefined ? `${p.step}: ${p.done} of ${p.total}` : `${p.step}…`
}

/** Step text and counts of a running action on its screen; nothing when none runs. */
export function ActionProgress({ action, label }: { action: ProgressAction; label: string }) {
  const p = useActionProgress(action)
  if (!p) return null
  return (
    <div role="status" aria-live="polite" aria-label={label} className="action-progress">
      <span className="action-progress__text">{progressText(p)}</span>
      {p.total !== undefined && p.total > 0 && <progress aria-hidden="true" max={p.total} value={p.done} />}
    </div>
  )
}
