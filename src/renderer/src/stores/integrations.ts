import { create } from 'zustand'
import type { IntegrationKind, IntegrationSummary } from '../../../shared/contract/connect'
import { api, toApiError, type ApiError } from '../api/client'

interface IntegrationsState {
  items: IntegrationSummary[]
  loaded: boolean
  error: ApiError | null
  refresh(): Promise<void>
  /** Apply a save result at once instead of waiting for the refresh the event triggers. */
  upsert(item: IntegrationSummary): void
  remove(kind: IntegrationKind): void
}

export const useIntegrations = create<IntegrationsState>((set) => ({
  items: [],
  loaded: false,
  error: null,
  async refresh() {
    try {
      const items = await api.listIntegrations({})
      set({ items, loaded: true, error: null })
    } catch (e) {
      set({ loaded: true, error: toApiError(e) })
    }
  },
  upsert: (item) => set((s) => ({ items: [...s.items.filter((i) => i.kind !== item.kind), item] })),
  remove: (kind) => set((s) => ({ items: s.items.filter((i) => i.kind !== kind) }))
}))

export function useIntegration(kind: IntegrationKind): IntegrationSummary | undefined {
  return useIntegrations((s) => s.items.find((i) => i.kind === kind))
}

/** Keeps the list fresh when another window, the CLI or a sync changes it. */
export function watchIntegrations(): () => void {
  void useIntegrations.getState().refresh()
  return api.on('integrationsChanged', () => void useIntegrations.getState().refresh())
}
