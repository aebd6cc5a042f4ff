import type { SourceConnector } from '../connectors/types'

/**
 * Writes per batch call (re-read queries each): large enough to amortise them, small enough to overlap. A batch goes
 * once it holds as many as were flushed so far and as orgs are left to count, within these bounds: the first
 * writes start after 16 counts, not 250 (the PSA's write threads idled ~3 s at 1,000 orgs), and the writes left
 * after the last count are few (a full batch there was a ~1 s tail). About 8 more batches than fixed 250s.
 */
export const WRITE_BATCH = 250
export const MIN_WRITE_BATCH = 16
/**
 * In the last END_ORGS orgs to count a batch also goes at MIN_WRITE_BATCH whenever none is in flight: the last rate
 * window's counts (JumpCloud: up to 300 orgs a window) come in over a few hundred ms, and waiting there for half of them
 * left the write threads idle, then a backlog after the last count (~0.1 s at 1,000 orgs).
 */
export const END_ORGS = 250
/**
 * Event-loop utilisation (since counting started) from which this process's CPU, not the network, sets how fast the
 * counts go out: busy more than it waits. Over a real network it is far lower (replies take 100s of ms); a bench with
 * local simulators sits near 1, yet an early reading can dip to ~0.9 while the first replies are awaited.
 */
export const LOOP_BUSY = 0.5

/**
 * When a run's batched writes (a PSA with setQuantities) go. Before the first batch there is one more condition: while
 * this process's event loop is busy (LOOP_BUSY) and no source's counts wait for its rate window yet, the writes wait (until
 * one does, or every org is counted). The first window's count replies set the pace of the whole run — a reply-counted
 * window reopens one window after them — and while the loop is busy a batch's replies would take the CPU those
 * counts need. Over a real network the loop is mostly idle and nothing waits.
 */
export class BatchFlushPolicy {
  private flushed = 0
  private open = false

  /**
   * `orgs` to count, of which `stepOrgs` have billing mappings (steps that may write); `loopBusy`: the event loop's
   * utilisation since counting started, 0…1.
   */
  constructor(
    private readonly orgs: number,
    private readonly stepOrgs: number,
    private readonly loopBusy: () => number
  ) {}

  /**
   * Whether the `pending` writes should go now, `counted` orgs being counted, `planned` orgs' steps done so far and
   * `writing` batches in flight.
   * Once every step is done, whatever is pending goes at once, beside batches still in flight.
   */
  due(
    pending: number,
    { counted, planned, writing }: { counted: number; planned: number; writing: number },
    sources: Iterable<Pick<SourceConnector, 'atRateLimit'>>
  ): boolean {
    if (pending === 0) return false
    if (!this.open) this.open = counted >= this.orgs || this.loopBusy() < LOOP_BUSY || anyAtLimit(sources)
    if (!this.open) return false
    if (planned >= this.stepOrgs) return true
    const left = this.orgs - counted
    if (left <= END_ORGS && writing === 0 && pending >= MIN_WRITE_BATCH) return true
    const size = Math.min(this.flushed, left)
    return pending >= Math.min(WRITE_BATCH, Math.max(MIN_WRITE_BATCH, size))
  }

  /** `n` writes were handed to a batch. */
  took(n: number): void {
    this.flushed += n
  }
}

/** A source that cannot tell counts as waiting (its writes are never held). */
function anyAtLimit(sources: Iterable<Pick<SourceConnector, 'atRateLimit'>>): boolean {
  for (const s of sources) if (s.atRateLimit?.() ?? true) return true
  return false
}

/**
 * The run's batches being written. Each one settled may start the next (flush again: what gathered meanwhile), and the
 * run waits for all, those started meanwhile included. A batch that rejects (its items' own failures do not: they
 * become rows), or a settle step that throws (recording its rows), fails the run once all have settled — never an
 * unhandled rejection mid-run.
 */
export class WritesInFlight {
  private readonly running = new Set<Promise<void>>()
  private failure: { error: unknown } | null = null

  get size(): number {
    return this.running.size
  }

  add(batch: Promise<void>, settled: () => void): void {
    const fail = (error: unknown) => void (this.failure ??= { error })
    const tracked: Promise<void> = batch
      .catch(fail)
      .then(() => {
        this.running.delete(tracked)
        settled()
      })
      .catch(fail)
    this.running.add(tracked)
  }

  async drain(): Promise<void> {
    while (this.running.size) await Promise.all(this.running)
    if (this.failure) throw this.failure.error
  }
}
