import { useEffect } from 'react'
import { ErrorNotice, StatusNotice } from '../../components/Notice'
import { useNav } from '../../stores/nav'
import { useSettings } from '../../stores/settings'
import { PauseCard } from './PauseCard'
import { Toggle } from './Toggle'
import './settings.css'

const INTERVALS = [15, 30, 60, 120, 240, 360, 720, 1440]

function intervalLabel(min: number): string {
  if (min < 60) return `every ${min} minutes`
  const h = min / 60
  return h === 1 ? 'every hour' : h === 24 ? 'once a day' : `every ${h} hours`
}

/** App-wide settings. Billing and ticketing settings stay on their own screens (linked, not duplicated). */
export function SettingsScreen() {
  const view = useSettings((s) => s.view)
  const error = useSettings((s) => s.error)
  const notice = useSettings((s) => s.notice)
  const busy = useSettings((s) => s.busy)
  const go = useNav((s) => s.go)
  const { save, openFolder } = useSettings.getState()
  useEffect(() => void useSettings.getState().load(), [])

  if (!view) {
    return error ? <ErrorNotice message={error.message} hint={error.hint} /> : <p role="status">Loading settings…</p>
  }
  const desktopOnly = 'Only in the desktop app.'
  return (
    <div className="settings-screen">
      {error && <ErrorNotice message={error.message} hint={error.hint} />}
      {notice && <StatusNotice>{notice}</StatusNotice>}
      <PauseCard />
      <section className="card" aria-label="General">
        <h2 className="card__title">General</h2>
        <Toggle
          label="Start at login"
          help={view.canStartAtLogin ? 'Opens hidden in the tray when you sign in.' : desktopOnly}
          checked={view.prefs.startAtLogin}
          disabled={busy || !view.canStartAtLogin}
          onChange={(v) => void save({ startAtLogin: v })}
        />
        <Toggle
          label="Notifications"
          help="A desktop notification when a billing push fails or alerts cannot be delivered."
          checked={view.prefs.notifications}
          disabled={busy}
          onChange={(v) => void save({ notifications: v })}
        />
        <label className="field settings-screen__field">
          <span className="check__label">Usage sampling</span>
          <select
            name="samplingIntervalMinutes"
            value={view.samplingIntervalMinutes}
            disabled={busy}
            onChange={(e) => void save({ samplingIntervalMinutes: Number(e.target.value) })}
          >
            {INTERVALS.map((m) => (
              <option key={m} value={m}>
                {intervalLabel(m)}
              </option>
            ))}
          </select>
          <span className="field__help">
            How often user and device counts are read for the monthly high-water mark.
          </span>
        </label>
      </section>
      <section className="card" aria-label="Folders">
        <h2 className="card__title">Folders</h2>
        <FolderRow
          label="Data folder"
          path={view.dataDir}
          can={view.canOpenFolders}
          onOpen={() => openFolder('data')}
        />
        <FolderRow label="Log folder" path={view.logDir} can={view.canOpenFolders} onOpen={() => openFolder('logs')} />
      </section>
      <section className="card" aria-label="Secrets">
        <h2 className="card__title">Secrets</h2>
        <p>
          <span className={view.secrets.available ? 'badge badge--ok' : 'badge'}>
            {view.secrets.store === 'keychain'
              ? 'OS keychain'
              : view.secrets.store === 'env'
                ? 'Environment'
                : 'Memory'}
            {view.secrets.available ? ' — available' : ' — not available'}
          </span>
        </p>
        <p className="muted">{view.secrets.message}</p>
      </section>
      <section className="card" aria-label="Billing and ticketing">
        <h2 className="card__title">Billing and ticketing</h2>
        <p className="muted">Their settings live on their own screens.</p>
        <div className="form__actions">
          <button type="button" className="button" onClick={() => go('billing')}>
            Billing settings
          </button>
          <button type="button" className="button" onClick={() => go('ticketing')}>
            Ticketing settings
          </button>
        </div>
      </section>
      <section className="card" aria-label="About">
        <h2 className="card__title">About</h2>
        <p>
          {view.about.name} {view.about.version}
        </p>
        <p className="muted">
          Node {view.about.node} on {view.about.platform}
        </p>
      </section>
    </div>
  )
}

function FolderRow(props: { label: string; path: string; can: boolean; onOpen(): Promise<void> }) {
  return (
    <div className="settings-screen__folder">
      <span className="check__label">{props.label}</span>
      <code className="settings-screen__path">{props.path}</code>
      {props.can ? (
        <button type="button" className="button button--small" onClick={() => void props.onOpen()}>
          Open {props.label.toLowerCase()}
        </button>
      ) : (
        <span className="field__help">Open this path in your file manager (only the desktop app opens folders).</span>
      )}
    </div>
  )
}
