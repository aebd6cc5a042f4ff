import { create } from 'zustand'
import type { CustomersView, LearnedEquivalence } from '../../../shared/contract/customers'
import { api, toApiError, type ApiError } from '../api/client'
import { rowActions } from './row-actions'
import { indexOrgs, type IndexedOrg, type StatusFilter } from '../screens/customers/filter'

export type RefreshSource = 'psa' | 'source' | 'both'

/** A create-in-PSA that the core refused because a similar customer exists: the user decides. */
export interface PendingCreate {
  orgId: string
  orgName: string
  message: string
}

interface CustomersState {
  view: CustomersView | null
  /** Word equivalences learned from mappings, loaded with the view (a mapping may have taught one). */
  learned: LearnedEquivalence[]
  indexed: IndexedOrg[]
  loading: boolean
  error: ApiError | null
  /** Last confirmation, shown in a status region. */
  notice: string | null
  status: StatusFilter
  query: string
  /** Org ids with a call in flight: their buttons are disabled so a double click cannot act twice. */
  busy: ReadonlySet<string>
  refreshing: { from: RefreshSource; done: number; total: number; phase: string } | null
  pendingCreate: PendingCreate | null
  load(): Promise<void>
  setStatus(status: StatusFilter): void
  setQuery(query: string): void
  refresh(from: RefreshSource): Promise<void>
  mapOrg(orgId: string, customerId: string): Promise<void>
  unmapOrg(orgId: string): Promise<void>
  acceptSuggestion(orgId: string): Promise<void>
  acceptAll(): Promise<void>
  setIgnored(orgId: string, ignored: boolean): Promise<void>
  setDisabled(orgId: string, disabled: boolean): Promise<void>
  createInPsa(orgId: string, confirmSimilar?: boolean): Promise<void>
  cancelCreate(): void
  setCatchAll(customerId: string | null): Promise<void>
  forgetLearned(e: LearnedEquivalence): Promise<void>
}

export const useCustomers = create<CustomersState>((set, get) => {
  const { withBusy, act } = rowActions(set, get)

  return {
    view: null,
    learned: [],
    indexed: [],
    loading: false,
    error: null,
    notice: null,
    status: 'all',
    query: '',
    busy: new Set(),
    refreshing: null,
    pendingCreate: null,

    async load() {
      set({ loading: true })
      try {
        const [view, learned] = await Promise.all([api.getCustomersView({}), api.listLearnedEquivalences({})])
        performance.mark('customers:view-loaded')
        set({ view, learned, indexed: indexOrgs(view.orgs), loading: false })
      } catch (e) {
        set({ loading: false, error: toApiError(e) })
      }
    },
    setStatus: (status) => set({ status }),
    setQuery: (query) => set({ query }),

    async refresh(from) {
      if (get().refreshing) return
      set({
        refreshing: { from, done: 0, total: from === 'both' ? 2 : 1, phase: 'starting' },
        error: null,
        notice: null
      })
      const off = api.on('syncProgress', (p) => {
        if (p.runId !== 'refresh') return
        set((s) =>
          s.refreshing ? { refreshing: { ...s.refreshing, done: p.done, total: p.total, phase: p.phase } } : {}
        )
      })
      try {
        const r = await api.refreshData({ from })
        set({ notice: r.message })
        await get().load()
      } catch (e) {
        set({ error: toApiError(e) })
      } finally {
        off()
        set({ refreshing: null })
      }
    },

    mapOrg: (orgId, customerId) => act(orgId, () => api.mapOrg({ orgId, customerId })),
    unmapOrg: (orgId) => act(orgId, () => api.unmapOrg({ orgId })),
    acceptSuggestion: (orgId) => act(orgId, () => api.acceptSuggestion({ orgId })),
    acceptAll: () => act(null, () => api.acceptAllSuggestions({})),
    setIgnored: (orgId, ignored) => act(orgId, () => api.setOrgIgnored({ orgId, ignored })),
    setDisabled: (orgId, disabled) => act(orgId, () => api.setOrgDisabled({ orgId, disabled })),

    async createInPsa(orgId, confirmSimilar = false) {
      set({ pendingCreate: null })
      withBusy(orgId, true)
      try {
        const r = await api.createCustomerForOrg({ orgId, confirmSimilar })
        set({ notice: r.message, error: null })
        await get().load()
      } catch (e) {
        const err = toApiError(e)
        const org = get().view?.orgs.find((o) => o.id === orgId)
        // The core found a similar customer: ask instead of failing (a duplicate would split billing).
        if (err.code === 'conflict' && !confirmSimilar && org)
          set({ pendingCreate: { orgId, orgName: org.name, message: err.message } })
        else set({ error: err, notice: null })
      } finally {
        withBusy(orgId, false)
      }
    },
    cancelCreate: () => set({ pendingCreate: null }),
    setCatchAll: (customerId) => act(null, () => api.setCatchAllCustomer({ customerId })),
    forgetLearned: (e) => act(null, () => api.removeLearnedEquivalence({ a: e.a, b: e.b }))
  }
})
