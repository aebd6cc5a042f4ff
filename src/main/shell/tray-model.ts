import type { NavigateTarget } from '../../shared/contract/settings'
import type { Status } from '../../shared/contract/system'

/** The tray icon by name; the shell maps names to images (resources/ artwork, or the inlined fallback). */
export type TrayIconName = 'normal' | 'attention'
export type TrayMode = 'idle' | 'syncing' | 'paused' | 'attention'

export type TrayAction =
  | { kind: 'syncNow' }
  | { kind: 'pause' }
  | { kind: 'resume' }
  | { kind: 'open'; target: NavigateTarget }
  | { kind: 'toggleWindow' }
  | { kind: 'quit' }

export type TrayItem = { id: string; label: string; enabled: boolean; action: TrayAction | null } | { separator: true }

export interface TrayModel {
  mode: TrayMode
  icon: TrayIconName
  tooltip: string
  items: TrayItem[]
}

export interface TrayInput {
  /** The core's getStatus reply; null while starting or when it failed. */
  status: Status | null
  syncing: boolean
  windowVisible: boolean
  /** Formats an ISO time for the menu (locale-aware in the app, fixed in tests). */
  formatTime(iso: string): string
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

/** Problems a person can act on, each with the screen that fixes it. */
function problems(s: Status): Array<{ id: string; label: string; target: NavigateTarget }> {
  const out: Array<{ id: string; label: string; target: NavigateTarget }> = []
  if (s.alerts.waitingMapping)
    out.push({
      id: 'problem-mapping',
      label: `${plural(s.alerts.waitingMapping, 'alert', 'alerts')} waiting for a mapping`,
      target: { screen: 'customers', filter: 'unmapped' }
    })
  if (s.alerts.attention)
    out.push({
      id: 'problem-attention',
      label: `${plural(s.alerts.attention, 'alert needs', 'alerts need')} a setting changed`,
      target: { screen: 'ticketing', filter: null }
    })
  if (s.lastSync && /^(failed|partial)\b/.test(s.lastSync.result))
    out.push({ id: 'problem-sync', label: 'Last billing push failed', target: { screen: 'activity', filter: null } })
  return out
}

function statusLine(s: Status | null, syncing: boolean, formatTime: (iso: string) => string): string {
  if (syncing) return 'Syncing…'
  if (!s) return 'Status unavailable'
  if (s.integrations.length === 0) return 'Not connected yet'
  const last = s.lastSync ? `Last sync ${formatTime(s.lastSync.at)} — ${s.lastSync.result}` : 'Not synced yet'
  return (s.pause.paused ? `Paused — ${last}` : last).slice(0, 120)
}

function nextRunLine(s: Status | null, formatTime: (iso: string) => string): string {
  if (!s?.nextRun) return 'No scheduled push'
  return s.pause.paused
    ? `Next push ${formatTime(s.nextRun)} (skipped while paused)`
    : `Next push ${formatTime(s.nextRun)}`
}

/**
 * The whole tray from the app's state: one pure function, so every state (idle, syncing, paused, needs attention)
 * is tested without Electron. Sync now works while paused (a person asked); Pause holds only scheduled work.
 */
export function trayModel(input: TrayInput): TrayModel {
  const s = input.status
  const found = s ? problems(s) : []
  const paused = s?.pause.paused === true
  const mode: TrayMode = input.syncing ? 'syncing' : paused ? 'paused' : found.length ? 'attention' : 'idle'
  const status = statusLine(s, input.syncing, input.formatTime)
  const items: TrayItem[] = [
    { id: 'status', label: status, enabled: false, action: null },
    { id: 'next-run', label: nextRunLine(s, input.formatTime), enabled: false, action: null },
    {
      id: 'problems',
      label: found.length ? plural(found.length, 'problem', 'problems') : 'No problems',
      enabled: false,
      action: null
    },
    ...found.map((p) => ({
      id: p.id,
      label: `${p.label}…`,
      enabled: true,
      action: { kind: 'open' as const, target: p.target }
    })),
    { separator: true },
    {
      id: 'sync',
      label: input.syncing ? 'Syncing…' : 'Sync now',
      enabled: !input.syncing,
      action: { kind: 'syncNow' }
    },
    paused
      ? { id: 'pause', label: 'Resume scheduled work', enabled: s !== null, action: { kind: 'resume' } }
      : { id: 'pause', label: 'Pause scheduled work', enabled: s !== null, action: { kind: 'pause' } },
    { separator: true },
    { id: 'toggle', label: input.windowVisible ? 'Hide' : 'Show', enabled: true, action: { kind: 'toggleWindow' } },
    { id: 'quit', label: 'Quit', enabled: true, action: { kind: 'quit' } }
  ]
  const tooltip = `PSA Bridge — ${mode === 'paused' ? 'paused' : status}${found.length ? ` (${plural(found.length, 'problem', 'problems')})` : ''}`
  return { mode, icon: found.length ? 'attention' : 'normal', tooltip: tooltip.slice(0, 127), items }
}

/** The menu's times in the person's locale; a time that does not parse is shown as stored. */
export function formatTrayTime(iso: string): string {
  const at = new Date(iso)
  return Number.isNaN(at.getTime()) ? iso : at.toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' })
}
