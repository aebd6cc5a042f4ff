import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis
} from 'recharts'
import type { HwmHistory } from '../../../../shared/contract/billing'
import { SelectField } from '../../components/Field'
import { useActivity } from '../../stores/activity'
import { dailySeries, describeHistory, hasPoints, ORIGIN_LABEL, type DayPoint } from './hwm-series'

const USERS = '#2563eb'
const DEVICES = '#0e9384'

/** Month-by-month HWM per org (bars) and the daily points of the current month (line). */
export function HwmChart() {
  const orgs = useActivity((s) => s.orgs)
  const orgId = useActivity((s) => s.chartOrgId)
  const history = useActivity((s) => s.history)
  return (
    <section className="card" aria-label="HWM chart">
      <div className="card__header">
        <h2 className="card__title">High-water mark</h2>
        {orgs.length > 0 && (
          <div className="chart__picker">
            <SelectField
              label="Organization"
              name="chartOrg"
              value={orgId ?? ''}
              options={orgs.map((o) => ({ value: o.id, label: o.name }))}
              onChange={(v) => void useActivity.getState().selectOrg(v)}
            />
          </div>
        )}
      </div>
      {orgs.length === 0 ? (
        <p className="muted">No billed organizations yet.</p>
      ) : history ? (
        <Charts history={history} />
      ) : (
        <p className="muted">Loading…</p>
      )}
    </section>
  )
}

function Charts({ history }: { history: HwmHistory }) {
  const daily = dailySeries(history)
  return (
    <figure className="chart" role="img" aria-label={describeHistory(history)}>
      <div className="chart__pair">
        <div>
          <h3 className="chart__title">By month (last {history.months.length})</h3>
          <ResponsiveContainer width="100%" height={220}>
            <BarChart data={history.months} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="month" tick={{ fontSize: 11 }} />
              <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
              <Tooltip />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              <Bar dataKey="users" name="Users" fill={USERS} isAnimationActive={false} />
              <Bar dataKey="devices" name="Devices" fill={DEVICES} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
        <div>
          <h3 className="chart__title">{history.currentMonth.month}, day by day</h3>
          {!hasPoints(daily) ? (
            <p className="muted chart__empty">No counts read this month yet.</p>
          ) : (
            <ResponsiveContainer width="100%" height={220}>
              <LineChart data={daily} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="day" tick={{ fontSize: 11 }} tickFormatter={(d: string) => d.slice(8)} />
                <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
                <Tooltip formatter={withOrigin} />
                <Legend wrapperStyle={{ fontSize: 12 }} />
                <Line dataKey="users" name="Users" stroke={USERS} dot connectNulls isAnimationActive={false} />
                <Line dataKey="devices" name="Devices" stroke={DEVICES} dot connectNulls isAnimationActive={false} />
              </LineChart>
            </ResponsiveContainer>
          )}
        </div>
      </div>
      <figcaption className="muted chart__caption">
        Months are cut in {history.timeZone}. A missing bar means no count was read that month. Each daily point is the
        day’s peak; hover it to see where it came from (a background sample, a push, or create/delete events).
      </figcaption>
    </figure>
  )
}

/** Tooltip value with where the day's peak came from ("14 (from create/delete events)"). */
function withOrigin(value: unknown, _name: unknown, item: { dataKey?: unknown; payload?: DayPoint }): string {
  const from = item.dataKey === 'users' ? item.payload?.usersFrom : item.payload?.devicesFrom
  return from ? `${String(value)} (${ORIGIN_LABEL[from]})` : String(value)
}
