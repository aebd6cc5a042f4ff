import { toApiError, type ApiError } from '../api/client'

/** The slice of a screen store that row actions use. */
export interface RowActionState {
  busy: ReadonlySet<string>
  notice: string | null
  error: ApiError | null
  load(): Promise<void>
}

type SetState<S> = (partial: Partial<S> | ((s: S) => Partial<S>)) => void

/**
 * One change, then a reload: the core owns every derived value (status, HWM, last result), never the
 * UI. `id` marks the row busy while its change runs; the outcome lands in `notice` or `error`.
 */
export function rowActions<S extends RowActionState>(set: SetState<S>, get: () => S) {
  // The fields written here are RowActionState's, which S extends; TS can't see that for a generic S.
  const patch = (p: Partial<RowActionState>) => p as unknown as Partial<S>
  const withBusy = (id: string, on: boolean) =>
    set((s) => {
      const busy = new Set(s.busy)
      if (on) busy.add(id)
      else busy.delete(id)
      return patch({ busy })
    })
  const act = async (id: string | null, call: () => Promise<{ message: string }>) => {
    if (id) withBusy(id, true)
    try {
      const r = await call()
      set(patch({ notice: r.message, error: null }))
      await get().load()
    } catch (e) {
      set(patch({ error: toApiError(e), notice: null }))
    } finally {
      if (id) withBusy(id, false)
    }
  }
  return { withBusy, act }
}
