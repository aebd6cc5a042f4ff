import { useSettings } from '../stores/settings'

/** Says "paused" in every screen of the window while scheduled work is paused. */
export function PauseBadge() {
  const paused = useSettings((s) => s.view?.pause.paused)
  return (
    <p className="sidebar__status" role="status" aria-label="Scheduled work">
      {paused === undefined ? '' : paused ? 'Scheduled work paused' : 'Scheduled work running'}
    </p>
  )
}
