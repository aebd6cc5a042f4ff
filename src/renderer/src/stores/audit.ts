import { create } from 'zustand'
import type { AuditKind, AuditRow, Door } from '../../../shared/contract/audit'
import { api, toApiError, type ApiError } from '../api/client'
import { downloadReport } from '../screens/customers/ExportReportButton'

export interface AuditFilterState {
  kind: AuditKind | ''
  door: Door | ''
  search: string
  /** yyyy-mm-dd from the date input (local midnight); '' = all time. */
  since: string
}

interface AuditState {
  filter: AuditFilterState
  rows: AuditRow[] | null
  total: number
  error: ApiError | null
  load(): Promise<void>
  setFilter(patch: Partial<AuditFilterState>): Promise<void>
  exportCsv(): Promise<void>
}

const toQuery = (f: AuditFilterState) => ({
  kinds: f.kind ? [f.kind] : undefined,
  door: f.door || undefined,
  search: f.search.trim() || undefined,
  since: f.since ? new Date(`${f.since}T00:00:00`).toISOString() : undefined
})

/** The Activity screen's audit trail: people's changes, filtered in the core. */
export const useAudit = create<AuditState>((set, get) => ({
  filter: { kind: '', door: '', search: '', since: '' },
  rows: null,
  total: 0,
  error: null,
  async load() {
    const filter = get().filter
    try {
      const r = await api.listAudit({ ...toQuery(filter), limit: 500 })
      // A slower reply for an older filter must not overwrite the newer one.
      if (get().filter === filter) set({ rows: r.rows, total: r.total, error: null })
    } catch (e) {
      set({ error: toApiError(e) })
    }
  },
  async setFilter(patch) {
    set({ filter: { ...get().filter, ...patch } })
    await get().load()
  },
  async exportCsv() {
    try {
      downloadReport(await api.exportAudit({ ...toQuery(get().filter), limit: 100_000 }))
    } catch (e) {
      set({ error: toApiError(e) })
    }
  }
}))
