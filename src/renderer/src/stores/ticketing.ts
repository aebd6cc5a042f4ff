import { create } from 'zustand'
import type {
  AlertList,
  AlertTicketRow,
  AlertType,
  TicketingSettings,
  TicketingView
} from '../../../shared/contract/ticketing'
import { api, toApiError, type ApiError } from '../api/client'

export interface TestTicketResult {
  ticketId: string
  ticketNumber: string | null
  ticketUrl: string | null
  subject: string
  message: string
}

interface TicketingState {
  view: TicketingView | null
  /** Everything but the master toggle is edited as a draft and saved with "Save settings". */
  draft: TicketingSettings | null
  error: ApiError | null
  notice: string | null
  busy: 'save' | 'toggle' | 'refresh' | 'poll' | 'test' | null
  customers: Array<{ id: string; name: string }>
  testResult: TestTicketResult | null
  /** Activity: the alerts and the tickets generated from them. */
  alerts: AlertList | null
  tickets: AlertTicketRow[] | null
  /** When alerts/tickets were read (ms): "is this snooze still running" is judged against it, not during render. */
  loadedAt: number
  /** Group keys with an acknowledge/snooze call in flight. */
  groupBusy: ReadonlySet<string>
  load(): Promise<void>
  edit(next: TicketingSettings): void
  discard(): void
  save(): Promise<void>
  setEnabled(on: boolean): Promise<void>
  refreshLists(): Promise<void>
  sendTest(customerId: string, alertType: AlertType): Promise<void>
  pollNow(): Promise<void>
  loadActivity(): Promise<void>
  acknowledge(groupKey: string, acknowledged: boolean): Promise<void>
  snooze(groupKey: string, until: string | null): Promise<void>
}

export const useTicketing = create<TicketingState>((set, get) => {
  const showView = (view: TicketingView, keepDraft = false) =>
    set((s) => ({ view, draft: keepDraft && s.draft ? { ...s.draft, enabled: view.settings.enabled } : view.settings }))

  /** One call at a time per kind; errors land in `error`, never thrown to a click handler. */
  const busyWith = async (kind: NonNullable<TicketingState['busy']>, fn: () => Promise<void>) => {
    if (get().busy) return
    set({ busy: kind, error: null, notice: null })
    try {
      await fn()
    } catch (e) {
      set({ error: toApiError(e) })
    } finally {
      set({ busy: null })
    }
  }

  const groupCall = async (groupKey: string, call: () => Promise<{ message: string }>) => {
    set((s) => ({ groupBusy: new Set(s.groupBusy).add(groupKey) }))
    try {
      set({ notice: (await call()).message, error: null })
      await get().loadActivity()
    } catch (e) {
      set({ error: toApiError(e), notice: null })
    } finally {
      set((s) => {
        const groupBusy = new Set(s.groupBusy)
        groupBusy.delete(groupKey)
        return { groupBusy }
      })
    }
  }

  return {
    view: null,
    draft: null,
    error: null,
    notice: null,
    busy: null,
    customers: [],
    testResult: null,
    alerts: null,
    tickets: null,
    loadedAt: 0,
    groupBusy: new Set(),

    async load() {
      try {
        // Names only: the picker needs no orgs, suggestions or mappings (the full Customers view is MBs at 5,000 orgs).
        const [view, names] = await Promise.all([api.getTicketingSettings({}), api.listCustomerNames({})])
        showView(view)
        set({ customers: names.customers })
        await get().loadActivity()
      } catch (e) {
        set({ error: toApiError(e) })
      }
    },

    edit: (draft) => set({ draft }),
    discard: () => set((s) => ({ draft: s.view?.settings ?? null })),

    save: () =>
      busyWith('save', async () => {
        const { draft, view } = get()
        if (!draft || !view) return
        // The master toggle saves on its own; never let a stale draft flip it.
        showView(await api.saveTicketingSettings({ ...draft, enabled: view.settings.enabled }))
        set({ notice: 'Ticketing settings saved.' })
      }),

    setEnabled: (on) =>
      busyWith('toggle', async () => {
        const view = get().view
        if (!view) return
        // The switch follows the click at once (a controlled checkbox would otherwise snap back until the
        // save returns); a failed save puts it back.
        set({ view: { ...view, settings: { ...view.settings, enabled: on } } })
        try {
          // Saved settings + the new toggle: unsaved edits in the draft stay a draft.
          showView(await api.saveTicketingSettings({ ...view.settings, enabled: on }), true)
        } catch (e) {
          set({ view })
          throw e
        }
        set({
          notice: on
            ? 'Automated ticketing is on.'
            : 'Automated ticketing is off: no alerts are polled and no tickets are created.'
        })
      }),

    refreshLists: () =>
      busyWith('refresh', async () => {
        showView(await api.refreshTicketMetadata({}), true)
        set({ notice: 'PSA lists refreshed.' })
      }),

    sendTest: (customerId, alertType) =>
      busyWith('test', async () => {
        set({ testResult: null })
        const r = await api.sendTestTicket({ customerId, alertType })
        set({ testResult: r, notice: r.message })
        await get().loadActivity()
      }),

    pollNow: () =>
      busyWith('poll', async () => {
        const r = await api.pollAlertsNow({ retryNow: true })
        set({ notice: r.message })
        showView(await api.getTicketingSettings({}), true)
        await get().loadActivity()
      }),

    async loadActivity() {
      try {
        const [alerts, tickets] = await Promise.all([
          api.listAlerts({ limit: 200 }),
          api.listAlertTickets({ limit: 200 })
        ])
        set({ alerts, tickets, loadedAt: Date.now() })
      } catch (e) {
        set({ error: toApiError(e) })
      }
    },

    acknowledge: (groupKey, acknowledged) =>
      groupCall(groupKey, () => api.acknowledgeGroup({ groupKey, acknowledged })),
    snooze: (groupKey, until) => groupCall(groupKey, () => api.snoozeGroup({ groupKey, until }))
  }
})
