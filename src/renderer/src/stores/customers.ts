import { create } from 'zustand'
import type { CustomersView, LearnedEquivalence } from '../../../shared/contract/customers'
import { orgKey, type OrgRef } from '../../../shared/contract/org-ref'
import type { SourceKind } from '../../../shared/registry'
import { api, toApiError, type ApiError } from '../api/client'
import { rowActions } from './row-actions'
import { indexOrgs, type IndexedOrg, type StatusFilter } from '../screens/customers/filter'

export type RefreshSource = 'psa' | 'source' | 'both'

/** A create-in-PSA that the core refused because a similar customer exists: the user decides. */
export interface PendingCreate {
  org: OrgRef
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
  /** Only the orgs of this source; null = every source. */
  source: SourceKind | null
  query: string
  /** Org keys (orgKey) with a call in flight: their buttons are disabled so a double click cannot act twice. */
  busy: ReadonlySet<string>
  /** A refresh this screen started; its step and counts come as progress events (ActionProgress). */
  refreshing: { from: RefreshSource } | null
  pendingCreate: PendingCreate | null
  load(): Promise<void>
  setStatus(status: StatusFilter): void
  setSource(source: SourceKind | null): void
  setQuery(query: string): void
  refresh(from: RefreshSource): Promise<void>
  mapOrg(org: OrgRef, customerId: string): Promise<void>
  unmapOrg(org: OrgRef): Promise<void>
  acceptSuggestion(org: OrgRef): Promise<void>
  acceptAll(): Promise<void>
  setIgnored(org: OrgRef, ignored: boolean): Promise<void>
  setDisabled(org: OrgRef, disabled: boolean): Promise<void>
  createInPsa(org: OrgRef, confirmSimilar?: boolean): Promise<void>
  setCustomerIgnored(customerId: string, ignored: boolean): Promise<void>
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
    source: null,
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
    setSource: (source) => set({ source }),
    setQuery: (query) => set({ query }),

    async refresh(from) {
      if (get().refreshing) return
      set({ refreshing: { from }, error: null, notice: null })
      try {
        const r = await api.refreshData({ from })
        set({ notice: r.message })
        await get().load()
      } catch (e) {
        set({ error: toApiError(e) })
      } finally {
        set({ refreshing: null })
      }
    },

    mapOrg: (org, customerId) => act(orgKey(org), () => api.mapOrg({ ...org, customerId })),
    unmapOrg: (org) => act(orgKey(org), () => api.unmapOrg(org)),
    acceptSuggestion: (org) => act(orgKey(org), () => api.acceptSuggestion(org)),
    // With a source filter on, only that source's confident suggestions are accepted.
    acceptAll: () => act(null, () => api.acceptAllSuggestions(get().source ? { source: get().source! } : {})),
    setIgnored: (org, ignored) => act(orgKey(org), () => api.setOrgIgnored({ ...org, ignored })),
    setDisabled: (org, disabled) => act(orgKey(org), () => api.setOrgDisabled({ ...org, disabled })),
    setCustomerIgnored: (customerId, ignored) => act(null, () => api.setCustomerIgnored({ customerId, ignored })),

    async createInPsa(ref, confirmSimilar = false) {
      set({ pendingCreate: null })
      withBusy(orgKey(ref), true)
      try {
        const r = await api.createCustomerForOrg({ ...ref, confirmSimilar })
        set({ notice: r.message, error: null })
        await get().load()
      } catch (e) {
        const err = toApiError(e)
        const org = get().view?.orgs.find((o) => o.source === ref.source && o.id === ref.orgId)
        // The core found a similar customer: ask instead of failing (a duplicate would split billing).
        if (err.code === 'conflict' && !confirmSimilar && org)
          set({ pendingCreate: { org: ref, orgName: org.name, message: err.message } })
        else set({ error: err, notice: null })
      } finally {
        withBusy(orgKey(ref), false)
      }
    },
    cancelCreate: () => set({ pendingCreate: null }),
    setCatchAll: (customerId) => act(null, () => api.setCatchAllCustomer({ customerId })),
    forgetLearned: (e) => act(null, () => api.removeLearnedEquivalence({ a: e.a, b: e.b }))
  }
})
