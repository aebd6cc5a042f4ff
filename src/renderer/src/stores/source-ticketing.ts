import { create } from 'zustand'
import type { Severity, SeverityTicketing, SeverityTicketingView } from '../../../shared/contract/severity-ticketing'
import { api, toApiError, type ApiError } from '../api/client'
import type { TestTicketResult } from './ticketing'

// Ticketing of a source that alerts by severity (SaaS Alerts): its saved view, the draft being edited, and the
// toggle, which the core refuses (saying what is missing) until the required defaults are saved.

interface SourceTicketingState {
  source: string | null
  view: SeverityTicketingView | null
  draft: SeverityTicketing | null
  error: ApiError | null
  notice: string | null
  busy: 'save' | 'toggle' | 'test' | null
  testResult: TestTicketResult | null
  load(source: string): Promise<void>
  edit(next: SeverityTicketing): void
  discard(): void
  save(): Promise<void>
  setEnabled(on: boolean): Promise<void>
  sendTest(customerId: string, severity: Severity, eventType: string | null): Promise<void>
}

export const useSourceTicketing = create<SourceTicketingState>((set, get) => {
  const showView = (view: SeverityTicketingView, keepDraft = false) =>
    set((s) => ({
      view,
      draft: keepDraft && s.draft ? { ...s.draft, enabled: view.settings.enabled } : view.settings
    }))

  const busyWith = async (kind: NonNullable<SourceTicketingState['busy']>, fn: () => Promise<void>) => {
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

  return {
    source: null,
    view: null,
    draft: null,
    error: null,
    notice: null,
    busy: null,
    testResult: null,

    async load(source) {
      set({ source, view: null, draft: null, error: null, notice: null, testResult: null })
      try {
        showView(await api.getSourceTicketing({ source }))
      } catch (e) {
        set({ error: toApiError(e) })
      }
    },

    edit: (draft) => set({ draft }),
    discard: () => set((s) => ({ draft: s.view?.settings ?? null })),

    save: () =>
      busyWith('save', async () => {
        const { draft, view, source } = get()
        if (!draft || !view || !source) return
        // The toggle saves on its own; a stale draft never flips it.
        showView(await api.saveSourceTicketing({ source, settings: { ...draft, enabled: view.settings.enabled } }))
        set({ notice: 'Ticketing settings saved.' })
      }),

    setEnabled: (on) =>
      busyWith('toggle', async () => {
        const { view, source } = get()
        if (!view || !source) return
        // Saved settings + the new toggle: the core refuses to switch on while something required is missing.
        showView(await api.saveSourceTicketing({ source, settings: { ...view.settings, enabled: on } }), true)
        set({ notice: on ? 'Automated ticketing is on.' : 'Automated ticketing is off: no tickets are created.' })
      }),

    sendTest: (customerId, severity, eventType) =>
      busyWith('test', async () => {
        const source = get().source
        if (!source) return
        set({ testResult: null })
        const r = await api.sendTestTicket({
          customerId,
          source,
          severity,
          ...(eventType ? { eventType } : {})
        })
        set({ testResult: r, notice: r.message })
      })
  }
})
