import { useEffect } from 'react'
import { api } from '../../api/client'
import { ErrorNotice } from '../../components/Notice'
import { useActivity } from '../../stores/activity'
import '../billing/billing.css'
import './activity.css'
import { AuditSection } from './AuditSection'
import { HwmChart } from './HwmChart'
import { RunDetail } from './RunDetail'
import { RunsTable } from './RunsTable'
import { TicketsSection } from './TicketsSection'

export function ActivityScreen() {
  const runs = useActivity((s) => s.runs)
  const run = useActivity((s) => s.run)
  const error = useActivity((s) => s.error)
  const includeDryRuns = useActivity((s) => s.includeDryRuns)

  useEffect(() => {
    void useActivity.getState().load()
    // A push from the tray or the schedule shows up here without a manual reload.
    return api.on('syncFinished', () => void useActivity.getState().load())
  }, [])

  return (
    <div className="activity">
      <p className="screen__intro">Every billing push, with what it wrote. Open a run to see each line item.</p>
      {error && <ErrorNotice message={error.message} hint={error.hint} />}
      <div className="activity__bar">
        <h2 className="card__title">Runs</h2>
        <label className="check">
          <input
            type="checkbox"
            checked={includeDryRuns}
            onChange={(e) => void useActivity.getState().setIncludeDryRuns(e.target.checked)}
          />
          <span className="check__label">Show previews</span>
        </label>
      </div>
      {runs === null ? (
        <p className="muted" role="status">
          Loading runs…
        </p>
      ) : runs.length === 0 ? (
        <p className="billing__empty">No pushes yet. Preview and push on the Billing step.</p>
      ) : (
        <RunsTable runs={runs} />
      )}
      {run && <RunDetail run={run} />}
      <HwmChart />
      <TicketsSection />
      <AuditSection />
    </div>
  )
}
