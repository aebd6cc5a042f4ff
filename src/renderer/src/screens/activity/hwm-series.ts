import type { HwmHistory, HwmOrigin } from '../../../../shared/contract/billing'

export interface DayPoint {
  day: string
  users: number | null
  devices: number | null
  /** Where the day's peak came from (sample / push / event); absent = not known. */
  usersFrom?: HwmOrigin
  devicesFrom?: HwmOrigin
}

/** How the chart names a point's origin. */
export const ORIGIN_LABEL: Record<HwmOrigin, string> = {
  sample: 'background sample',
  push: 'read by a push',
  event: 'from create/delete events'
}

/**
 * The current month's snapshots as one point per day (the day's highest count per metric), with the
 * day cut in the billing time zone so the chart agrees with the HWM the core computes.
 */
export function dailySeries(history: HwmHistory): DayPoint[] {
  const fmt = new Intl.DateTimeFormat('en-CA', {
    timeZone: history.timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit'
  })
  const days = new Map<string, DayPoint>()
  // Every day of the month is on the axis, so a point sits on its date even early in the month.
  const [y, m] = history.currentMonth.month.split('-').map(Number)
  const length = y && m ? new Date(Date.UTC(y, m, 0)).getUTCDate() : 0
  for (let d = 1; d <= length; d++) {
    const day = `${history.currentMonth.month}-${String(d).padStart(2, '0')}`
    days.set(day, { day, users: null, devices: null })
  }
  for (const p of history.currentMonth.points) {
    const day = fmt.format(new Date(p.at))
    const point = days.get(day) ?? { day, users: null, devices: null }
    if (point[p.metric] === null || p.count > point[p.metric]!) {
      point[p.metric] = p.count
      point[p.metric === 'users' ? 'usersFrom' : 'devicesFrom'] = p.origin ?? undefined
    }
    days.set(day, point)
  }
  return [...days.values()].sort((a, b) => a.day.localeCompare(b.day))
}

export function hasPoints(series: readonly DayPoint[]): boolean {
  return series.some((p) => p.users !== null || p.devices !== null)
}

/** One sentence for screen readers: the chart itself is a picture. */
export function describeHistory(history: HwmHistory): string {
  const known = history.months.filter((m) => m.users !== null || m.devices !== null)
  if (known.length === 0) return `No counts recorded yet for ${history.orgName ?? history.orgId}.`
  const last = known[known.length - 1]!
  return `High-water mark of ${history.orgName ?? history.orgId}, ${known.length} ${known.length === 1 ? 'month' : 'months'} with data; ${last.month}: ${last.users ?? '—'} users, ${last.devices ?? '—'} devices.`
}
