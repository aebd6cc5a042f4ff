import { useSettings } from '../../stores/settings'

/** Pause scheduled work (billing schedule, alert polling, sampling) or resume it. */
export function PauseCard() {
  const pause = useSettings((s) => s.view?.pause)
  const busy = useSettings((s) => s.busy)
  if (!pause) return null
  const since = pause.since ? new Date(pause.since).toLocaleString() : null
  return (
    <section className="card" aria-label="Scheduled work">
      <h2 className="card__title">Scheduled work</h2>
      <p role="status" className="settings-screen__pause">
        {pause.paused ? `Paused${since ? ` since ${since}` : ''}` : 'Running'}
      </p>
      <p className="muted">
        While paused, the billing schedule, alert polling and usage sampling do not run. “Sync now” still works.
      </p>
      <button
        type="button"
        className={pause.paused ? 'button button--primary' : 'button'}
        disabled={busy}
        onClick={() => void useSettings.getState().setPaused(!pause.paused)}
      >
        {pause.paused ? 'Resume scheduled work' : 'Pause scheduled work'}
      </button>
    </section>
  )
}
