import { create } from 'zustand'
import type { MethodOutput } from '../../../shared/contract'
import type { HwmHistory, RunSummary } from '../../../shared/contract/billing'
import { api, toApiError, type ApiError } from '../api/client'
import { orgKey, type OrgRef } from '../../../shared/contract/org-ref'

export type RunDetail = MethodOutput<'getRun'>

interface ActivityState {
  runs: RunSummary[] | null
  includeDryRuns: boolean
  error: ApiError | null
  selectedRunId: string | null
  run: RunDetail | null
  /** Orgs with a billing mapping, for the chart's picker; `id` is the org's orgKey (source and id). */
  orgs: Array<{ id: string; name: string; ref: OrgRef }>
  chartOrgId: string | null
  history: HwmHistory | null
  load(): Promise<void>
  setIncludeDryRuns(on: boolean): Promise<void>
  selectRun(runId: string | null): Promise<void>
  selectOrg(orgId: string): Promise<void>
}

export const useActivity = create<ActivityState>((set, get) => ({
  runs: null,
  includeDryRuns: false,
  error: null,
  selectedRunId: null,
  run: null,
  orgs: [],
  chartOrgId: null,
  history: null,

  async load() {
    try {
      const [runs, view] = await Promise.all([
        api.listRuns({ limit: 100, includeDryRuns: get().includeDryRuns }),
        api.getBillingView({})
      ])
      const seen = new Map<string, { id: string; name: string; ref: OrgRef }>()
      for (const m of view.mappings)
        if (!seen.has(orgKey(m)))
          seen.set(orgKey(m), {
            id: orgKey(m),
            name: m.orgName ?? m.orgId,
            ref: { source: m.source, orgId: m.orgId }
          })
      const orgs = [...seen.values()].sort((a, b) => a.name.localeCompare(b.name))
      set({ runs, orgs, error: null })
      const first = orgs[0]
      if (!get().chartOrgId && first) await get().selectOrg(first.id)
    } catch (e) {
      set({ error: toApiError(e) })
    }
  },

  async setIncludeDryRuns(on) {
    set({ includeDryRuns: on })
    await get().load()
  },

  async selectRun(runId) {
    set({ selectedRunId: runId, run: null })
    if (!runId) return
    try {
      const run = await api.getRun({ runId })
      // A later click may have selected another run while this one loaded.
      if (get().selectedRunId === runId) set({ run })
    } catch (e) {
      set({ error: toApiError(e) })
    }
  },

  async selectOrg(key) {
    const org = get().orgs.find((o) => o.id === key)
    set({ chartOrgId: key, history: null })
    if (!org) return
    try {
      const history = await api.getHwmHistory({ ...org.ref, months: 12 })
      if (get().chartOrgId === key) set({ history })
    } catch (e) {
      set({ error: toApiError(e) })
    }
  }
}))
