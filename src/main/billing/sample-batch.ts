import type { Db } from '../db/connection'
import { recordSamples, type UsageSample } from './usage-store'

/**
 * Records the samples of every org counted in one turn of the event loop in one transaction. One transaction per
 * org (BEGIN, the bucket state read, COMMIT) was a large share of the app's CPU per counted org in a billing run,
 * and that CPU sets how fast a rate window's requests go out (bench/billing/timeline.ts). Each caller's promise
 * settles once its own samples are stored, so an org's HWM is read after them, as before.
 */
export class SampleBatch {
  private queued: Array<{ samples: readonly UsageSample[]; done: () => void; failed: (e: unknown) => void }> = []

  constructor(private readonly db: Db) {}

  record(samples: readonly UsageSample[]): Promise<void> {
    return new Promise((done, failed) => {
      if (!this.queued.length) setImmediate(() => this.flush())
      this.queued.push({ samples, done, failed })
    })
  }

  private flush(): void {
    const batch = this.queued
    this.queued = []
    if (batch.length > 1) {
      try {
        recordSamples(
          this.db,
          batch.flatMap((b) => b.samples)
        )
        for (const b of batch) b.done()
        return
      } catch {
        // Nothing was stored (one transaction). One org's bad sample must not cost the others theirs: each on its own.
      }
    }
    for (const b of batch) {
      try {
        recordSamples(this.db, b.samples)
        b.done()
      } catch (e) {
        b.failed(e)
      }
    }
  }
}
