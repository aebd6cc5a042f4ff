import type { BillingTargetRef, PsaConnector, QuantityRead } from '../connectors/types'

type Read = QuantityRead | Error

/**
 * A batch read's results as they arrive (Syncro lists its invoices page by page): each org's PSA step waits for its
 * own targets only, so writes start after the first pages instead of after the last — the whole list took seconds
 * of a rate window the writes could have used. A target the read never names is settled when the read ends
 * (missing = gone, as for the whole map).
 */
export class PrefetchFeed {
  private readonly known = new Map<string, Read>()
  private readonly waiters = new Map<string, Array<() => void>>()
  private ended = false
  /** The read failed or there was none: steps read one by one (or stop, when the run aborted). */
  private none = false

  /** ReadOptions.onRead: one target's final read. */
  readonly onRead = (key: string, read: Read): void => {
    if (this.ended) return
    this.known.set(key, read)
    this.wake(key)
  }

  /** The whole read's result (null: failed, or the connector reads one by one). */
  end(result: Map<string, Read> | null): void {
    if (this.ended) return
    this.ended = true
    if (!result) this.none = true
    else for (const [k, v] of result) if (!this.known.has(k)) this.known.set(k, v)
    for (const key of [...this.waiters.keys()]) this.wake(key)
  }

  /** Resolves once every key's read is known or the read has ended. */
  async ready(keys: readonly string[]): Promise<void> {
    for (const key of keys) {
      if (this.ended || this.known.has(key)) continue
      await new Promise<void>((resolve) => {
        const list = this.waiters.get(key)
        if (list) list.push(resolve)
        else this.waiters.set(key, [resolve])
      })
    }
  }

  /** What a step plans with once ready: the reads so far (a key not in it after the end is gone), or null. */
  view(): Map<string, Read> | null {
    return this.none ? null : this.known
  }

  private wake(key: string): void {
    const list = this.waiters.get(key)
    if (!list) return
    this.waiters.delete(key)
    for (const resolve of list) resolve()
  }
}

/**
 * The connector's batch read of these targets (none: null), handed to `feed` as it arrives. A failure goes to
 * `failed` (the run aborts) and resolves null; the feed ends either way, so no step waits for ever.
 */
export async function prefetchInto(
  feed: PrefetchFeed,
  connector: PsaConnector,
  targets: readonly BillingTargetRef[],
  o: { billingDay: string; progress: (done: number, total: number) => void; failed: (e: unknown) => void }
): Promise<Map<string, Read> | null> {
  let map: Map<string, Read> | null = null
  if (connector.getQuantities) {
    o.progress(0, targets.length)
    try {
      map = await connector.getQuantities(
        targets.map((t) => ({ containerId: t.containerId, itemId: t.itemId })),
        { billingDay: o.billingDay, onRead: feed.onRead }
      )
      o.progress(targets.length, targets.length)
    } catch (e) {
      o.failed(e)
    }
  }
  feed.end(map)
  return map
}
