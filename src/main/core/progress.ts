import { randomUUID } from 'node:crypto'
import type { ProgressAction, ProgressEvent } from '../../shared/contract/progress'

/** What a long action reports through; the core passes one down, the doors listen to `progress` events. */
/** The event bus as far as progress needs it (keeps this file free of the app and of Electron). */
export interface ProgressSink {
  emit(name: 'progress', e: ProgressEvent): void
}

export interface ProgressReporter {
  readonly actionId: string
  step(step: string, done: number, total?: number): void
  finish(step?: string): void
  fail(error: unknown): void
}

/**
 * A reporter for one run of `action` that emits through `emit` (the event bus). Steps are thinned to about
 * 50 per total so a 5,000-org run is a bar, not a firehose; the first, the last and any step change always go.
 */
export function createProgress(
  sink: ProgressSink,
  action: ProgressAction,
  actionId: string = randomUUID()
): ProgressReporter {
  let last: { step: string; done: number; total?: number } = { step: 'Starting', done: 0 }
  let over = false
  const send = (e: Omit<ProgressEvent, 'actionId' | 'action'>) => {
    if (!over) sink.emit('progress', { actionId, action, ...e })
  }
  return {
    actionId,
    step(step, done, total) {
      const every = total ? Math.max(1, Math.floor(total / 50)) : 1
      const changed = step !== last.step || total !== last.total
      last = { step, done, total }
      if (changed || done === 0 || done === total || done % every === 0)
        send(total === undefined ? { step, done } : { step, done, total })
    },
    finish(step = 'Done') {
      send({ step, done: last.total ?? last.done, total: last.total, finished: true })
      over = true
    },
    fail(error) {
      send({ step: last.step, done: last.done, total: last.total, finished: true, error: messageOf(error) })
      over = true
    }
  }
}

/** Runs `work` with a reporter that always ends: finished on success, with the error's message on failure. */
export async function withProgress<T>(
  sink: ProgressSink,
  action: ProgressAction,
  work: (p: ProgressReporter) => Promise<T>
): Promise<T> {
  const p = createProgress(sink, action)
  try {
    const r = await work(p)
    p.finish()
    return r
  } catch (e) {
    p.fail(e)
    throw e
  }
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}
