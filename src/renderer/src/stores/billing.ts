import { create } from 'zustand'
import type { MethodInput, MethodOutput } from '../../../shared/contract'
import type { BillingSettings, BillingView, SyncResult } from '../../../shared/contract/billing'
import { api, toApiError, type ApiError } from '../api/client'
import { rowActions } from './row-actions'
import { orgKey } from '../../../shared/contract/org-ref'
import type { SourceKind } from '../../../shared/registry'

export type BillingTargets = MethodOutput<'listBillingTargets'>
export type Prerequisites = MethodOutput<'checkBillingPrerequisites'>
export type SaveMappingInput = MethodInput<'saveBillingMapping'>

/** What the editor is editing: a new mapping for an org, or an existing one. */
export interface EditorTarget {
  source: SourceKind
  orgId: string
  orgName: string
  mappingId?: string
}

interface BillingState {
  view: BillingView | null
  error: ApiError | null
  notice: string | null
  /** Live PSA targets per org (by orgKey), read when the editor opens (and again on "Refresh data from PSA"). */
  targets: Record<string, { loading: boolean; data: BillingTargets | null; error: ApiError | null }>
  prerequisites: Prerequisites | null
  checking: boolean
  /** The last preview; cleared by a push (its numbers are stale then). */
  plan: SyncResult | null
  /** The last push's result. */
  pushed: SyncResult | null
  /** 'preview' | 'push' while a run is in flight: both buttons are disabled so one click = one run. */
  running: 'preview' | 'push' | null
  /** Mapping ids with a call in flight. */
  busy: ReadonlySet<string>
  editing: EditorTarget | null
  load(): Promise<void>
  openEditor(target: EditorTarget | null): void
  loadTargets(org: { source: SourceKind; orgId: string }, force?: boolean): Promise<void>
  saveMapping(input: SaveMappingInput): Promise<boolean>
  setEnabled(mappingId: string, enabled: boolean): Promise<void>
  deleteMapping(mappingId: string): Promise<void>
  checkPrerequisites(): Promise<void>
  preview(): Promise<void>
  push(): Promise<void>
  approveDecrease(mappingId: string, to: number): Promise<void>
  saveSettings(patch: Partial<BillingSettings>): Promise<void>
}

export const useBilling = create<BillingState>((set, get) => {
  const { act } = rowActions(set, get)

  const run = async (kind: 'preview' | 'push') => {
    if (get().running) return
    set({ running: kind, error: null, notice: null })
    try {
      const result =
        kind === 'preview' ? await api.previewSync({ trigger: 'manual' }) : await api.pushSync({ trigger: 'manual' })
      set(kind === 'preview' ? { plan: result, pushed: null } : { pushed: result, plan: null })
      await get().load()
    } catch (e) {
      set({ error: toApiError(e) })
    } finally {
      set({ running: null })
    }
  }

  return {
    view: null,
    error: null,
    notice: null,
    targets: {},
    prerequisites: null,
    checking: false,
    plan: null,
    pushed: null,
    running: null,
    busy: new Set(),
    editing: null,

    async load() {
      try {
        set({ view: await api.getBillingView({}) })
      } catch (e) {
        set({ error: toApiError(e) })
      }
    },

    openEditor(target) {
      set({ editing: target })
      if (target) void get().loadTargets(target)
    },

    async loadTargets({ source, orgId }, force = false) {
      const key = orgKey({ source, orgId })
      const have = get().targets[key]
      if (have && (have.loading || (have.data && !force))) return
      const put = (v: BillingState['targets'][string]) => set((s) => ({ targets: { ...s.targets, [key]: v } }))
      put({ loading: true, data: have?.data ?? null, error: null })
      try {
        put({ loading: false, data: await api.listBillingTargets({ source, orgId }), error: null })
      } catch (e) {
        put({ loading: false, data: null, error: toApiError(e) })
      }
    },

    async saveMapping(input) {
      try {
        const row = await api.saveBillingMapping(input)
        set({
          notice: `Billing of ${row.orgName ?? row.orgId} goes to ${row.target.containerName} › ${row.target.itemName}`,
          error: null,
          editing: null
        })
        await get().load()
        return true
      } catch (e) {
        set({ error: toApiError(e), notice: null })
        return false
      }
    },

    // Disabling needs the core's confirm flag: the UI asked the user first (ConfirmDialog).
    setEnabled: (mappingId, enabled) =>
      act(mappingId, () => api.setBillingMappingEnabled({ mappingId, enabled, confirm: !enabled })),
    deleteMapping: (mappingId) => act(mappingId, () => api.deleteBillingMapping({ mappingId })),

    async checkPrerequisites() {
      set({ checking: true, error: null })
      try {
        set({ prerequisites: await api.checkBillingPrerequisites({}) })
      } catch (e) {
        set({ error: toApiError(e) })
      } finally {
        set({ checking: false })
      }
    },

    preview: () => run('preview'),
    push: () => run('push'),

    async approveDecrease(mappingId, to) {
      await act(mappingId, () => api.approveDecrease({ mappingId, to }))
    },

    async saveSettings(patch) {
      try {
        await api.saveBillingSettings(patch)
        set({ notice: 'Billing settings saved', error: null })
        await get().load()
      } catch (e) {
        set({ error: toApiError(e), notice: null })
      }
    }
  }
})
