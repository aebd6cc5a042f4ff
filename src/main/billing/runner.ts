import { performance } from 'node:perf_hooks'
import PQueue from 'p-queue'
import { PSA_KINDS, sourceInfo, type SourceKind } from '../../shared/registry'
import type { PlanRow } from '../../shared/contract/billing'
import { AppError, isAppError } from '../../shared/errors'
import {
  targetKey,
  type PsaConnector,
  type PsaKind,
  type QuantityRead,
  type SourceConnector
} from '../connectors/types'
import type { AppContext } from '../core/context'
import { openSession } from '../connect/session'
import { loadMappings } from '../customers/store'
import { orgKey, type OrgRef } from '../../shared/contract/org-ref'
import { dayKey, monthKey } from './hwm'
import { ensureHwmBuckets } from './hwm-job'
import { mappingBlock, type MappingBlock } from './mapping-block'
import { DayBilling, type StepContext } from './source-billing'
import { moneyChange, moneyWords, type MoneyChange } from './money'
import { reconcileInterrupted } from './reconcile'
import { PrefetchFeed, prefetchInto } from './prefetch-feed'
import { BatchFlushPolicy, WritesInFlight } from './batch-flush'
import { RunWrites } from './run-writes'
import { computePlan, isWrite, parseQuantity, type PlanItem } from './plan'
import { Abort, errorText, SystemicBreaker } from './run-errors'
import { blockedRow, failedRow, planRow, toRecord } from './run-rows'
import { recordRunItems } from './run-record'
import {
  approvalsFor,
  listBillingMappings,
  loadBillingSettings,
  type BillingMappingRecord,
  type RunItemRecord
} from './store'
import { orgMonthHwm } from './usage-store'
import { SampleBatch } from './sample-batch'
import { customersByOrg, syncedOrgs } from './synced-orgs'
import { billingStopRequested } from './run-stop'
import { createProgress, type ProgressReporter } from '../core/progress'

/** What each runner phase is called in a progress line. */
const PHASE_STEP: Record<string, string> = {
  counts: 'Counting devices per organization',
  read: 'Reading PSA quantities',
  plan: 'Comparing quantities with the PSA',
  push: 'Writing quantities to the PSA'
}

export type RunTrigger = 'manual' | 'tray' | 'schedule' | 'catch-up' | 'cli'

export interface BillingSyncOptions {
  dryRun: boolean
  trigger: RunTrigger
  /** Requests in flight at once per phase; the connectors' own limiters keep each PSA's rate. */
  concurrency?: number
}

/**
 * Orgs counted at once, and PSA steps at once. Enough that the last window of the slower API is drained in a few round
 * trips; queueing inside the client costs nothing since its window counts by replies (connectors/http/reply-window.ts).
 */
const DEFAULT_CONCURRENCY = 16

/** One run's pipeline: count → snapshot → HWM → per mapping: re-read the PSA quantity, plan, write if changed. */
export class Runner {
  month = ''
  billingDay = ''
  syncMoney = false
  private readonly writes = new RunWrites(this)
  private readonly samples: SampleBatch
  /** Unit cost/price changes planned per mapping id (shown on the row, written with the quantity). */
  private money = new Map<string, MoneyChange>()
  /** Rows finished so far (kept when the run aborts, so Activity shows what was done). */
  rows: PlanRow[] = []
  private records: RunItemRecord[] = []
  /** How many of `records` are in the database. */
  private recorded = 0
  psa: PsaKind = PSA_KINDS[0]
  private synced = new Map<string, string>()
  /** Org names of other sources' mappings, by mapping id (org ids are unique per source only). */
  readonly otherNames = new Map<string, string>()
  private done = 0
  private total = 0
  private aborted: AppError | null = null
  /** One item's 5xx fails that item; a streak across items (or nothing but failures) means the remote is down. */
  readonly psaBreaker = new SystemicBreaker()
  private readonly sourceBreaker = new SystemicBreaker()
  /** Mapping id → its place in the list, so rows come back in a stable order however the run ended. */
  private order = new Map<string, number>()
  private readonly now: Date
  /** The contract's one progress shape (screens, tray, CLI). */
  readonly reporter: ProgressReporter

  constructor(
    readonly ctx: AppContext,
    readonly runId: string,
    private readonly opts: BillingSyncOptions
  ) {
    this.now = ctx.now()
    this.samples = new SampleBatch(ctx.db)
    this.reporter = createProgress(ctx.events, 'billingSync', runId)
  }

  private progress(phase: string, done: number, total: number): void {
    this.reporter.step(PHASE_STEP[phase] ?? phase, done, total)
  }

  /** An outage seen by this run, or a stop asked from outside (service shutdown): no new step starts. */
  stopped(): AppError | null {
    return this.aborted ?? billingStopRequested(this.ctx.db)
  }

  /** Records a failure of one item; stops the run when it says the remote as a whole is unusable. */
  failed(breaker: SystemicBreaker, e: unknown, item: string): void {
    const stop = breaker.failure(e, item)
    if (stop) this.aborted ??= stop
  }

  /** The rows in the order the mappings are listed (for people and tests), also after an abort. */
  sortedRows(): PlanRow[] {
    return this.rows.sort((a, b) => (this.order.get(a.mappingId) ?? 0) - (this.order.get(b.mappingId) ?? 0))
  }

  async run(): Promise<PlanRow[]> {
    const { ctx } = this
    const session = openSession(ctx)
    const psa = session.requirePsaKind()
    await ensureHwmBuckets(ctx) // the HWM rows must be in the billing zone before they are read
    const settings = loadBillingSettings(ctx.db)
    this.month = monthKey(this.now, settings.timeZone)
    // The PSA period this push is for: today in the billing zone (not UTC — a push at 21:00 New York on the 31st is
    // still December's), so Autotask's adjustment is effective from that period's start.
    this.billingDay = dayKey(this.now, settings.timeZone)
    this.syncMoney = settings.syncUnitCost

    this.psa = psa
    const orgMappings = loadMappings(ctx.db, psa)
    const synced = (this.synced = syncedOrgs(ctx.db, psa, orgMappings))
    // A billing mapping is bound to the customer its org had when it was made; after an unmap or a remap its line is
    // not this org's any more (mapping-block.ts): such mappings are listed as blocked, never skipped silently.
    const customerOf = customersByOrg(ctx.db, psa, orgMappings)
    const all = listBillingMappings(ctx.db, psa).filter((m) => m.enabled)
    this.order = new Map(all.map((m, i) => [m.id, i]))
    // A monthly-HWM source's mappings bill the month's HWM, pipelined below; a sync-day source's (source-billing.ts)
    // bill a count its source reports for a billing date, once a month (the registry says which).
    const hwmBilled = (m: { source: SourceKind }) => sourceInfo(m.source).billing.pushed === 'monthly-hwm'
    const enabled = all.filter(hwmBilled)
    const byDay = new DayBilling(
      this,
      session,
      all.filter((m) => !hwmBilled(m)),
      settings
    )
    const mappings = enabled.filter((m) => synced.has(orgKey(m)))
    const orphans = enabled.filter((m) => !customerOf.has(orgKey(m)))
    // Every synced org of a monthly-HWM source gets its snapshot (the HWM history exists before a billing mapping is
    // made), orgs with mappings first so their pushes start early.
    const refs = new Map<string, OrgRef>()
    for (const m of mappings) refs.set(orgKey(m), { source: m.source, orgId: m.orgId })
    for (const m of orgMappings)
      if (hwmBilled(m) && synced.has(orgKey(m)) && !refs.has(orgKey(m)))
        refs.set(orgKey(m), { source: m.source, orgId: m.orgId })
    const orgs = [...refs.values()]
    // Each source whose counts are needed must be connected (its connector opens once for the run).
    for (const source of new Set(orgs.map((r) => r.source))) session.requireSource(source)

    const { connector } = await session.psa()
    await reconcileInterrupted(ctx, connector, psa) // a killed run's writes, from what the PSA holds
    const approvals = approvalsFor(ctx.db, this.month)
    const byOrg = new Map<string, BillingMappingRecord[]>()
    for (const m of mappings) byOrg.set(orgKey(m), [...(byOrg.get(orgKey(m)) ?? []), m])

    // Two pipelines, so both rate limits stay busy to the end and the run takes as long as the slower one, not the
    // sum: the source's counts (count → snapshot → HWM) run ahead on their own, each org's PSA steps (plan → write)
    // queue behind them. Coupled in one queue, every worker waiting for a PSA slot also held a count back, and the
    // last PSA window was filled by a few workers one round trip at a time (the run's tail).
    // A connector that can read many quantities at once (Syncro's list, Autotask's units) does so while counting
    // starts: 2 requests for 1,000 Autotask targets instead of 2,000. Safe for deltas because its setQuantity
    // re-reads at the effective date and refuses a mismatch.
    const feed = new PrefetchFeed()
    const prefetchedOrNull = prefetchInto(feed, connector, [...mappings, ...byDay.mappings], {
      billingDay: this.billingDay,
      progress: (done, total) => this.progress('read', done, total),
      failed: (e) => void (this.aborted ??= isAppError(e) ? e : new AppError('internal', errorText(e)))
    })

    // A connector that can write many at once (Autotask) gets the run's writes in one call, its re-reads batched.
    const batch = !this.opts.dryRun && connector.setQuantities ? connector.setQuantities.bind(connector) : null
    const pending: Array<{ m: BillingMappingRecord; item: PlanItem }> = []

    const counts = new PQueue({ concurrency: this.opts.concurrency ?? DEFAULT_CONCURRENCY })
    const steps = new PQueue({ concurrency: this.opts.concurrency ?? DEFAULT_CONCURRENCY })
    const stepsDone: Array<Promise<void>> = []
    let counted = 0
    let planned = 0 // orgs whose steps are done, of `stepOrgs`
    const stepOrgs = orgs.filter((r) => byOrg.has(orgKey(r))).length
    const sources = new Set<SourceConnector>()
    const loop0 = performance.eventLoopUtilization()
    const policy = new BatchFlushPolicy(
      orgs.length,
      stepOrgs,
      () => performance.eventLoopUtilization(loop0).utilization
    )
    // Full batches go while counting goes on, so the writes overlap the source's rate limit; one that settles may
    // start the next.
    const writing = new WritesInFlight()
    const flush = (): void => {
      if (!batch || !policy.due(pending.length, { counted, planned, writing: writing.size }, sources)) return
      policy.took(pending.length)
      writing.add(this.writes.writeBatch(connector, batch, pending.splice(0)), () => {
        this.record() // while the run waits for rate windows, not all at its end
        flush()
      })
    }
    this.total = mappings.length + orphans.length + byDay.mappings.length
    for (const m of orphans) this.finish(m, blockedRow(m, null, mappingBlock(m, customerOf)!))
    this.progress('counts', 0, orgs.length)
    this.progress(this.phase, 0, mappings.length)
    await Promise.all(
      orgs.map((ref) =>
        counts.add(async () => {
          const source = await session.source(ref.source)
          sources.add(source)
          await this.snapshot(source, ref)
          this.progress('counts', ++counted, orgs.length)
          flush() // a batch held back (batch-flush.ts) goes when the source's window is spent, steps done or not
          const hwm = orgMonthHwm(ctx.db, ref.source, ref.orgId, this.month)
          const mine = byOrg.get(orgKey(ref)) ?? []
          if (!mine.length) return
          // Waits for its own reads outside the queue, so orgs whose lines are on later pages hold no step slot.
          const ready = feed.ready(mine.map((m) => targetKey({ containerId: m.containerId, itemId: m.itemId })))
          stepsDone.push(
            ready.then(() =>
              steps.add(async () => {
                const o = { approvals, settings, prefetched: feed.view(), batch, pending }
                for (const m of mine) await this.step(connector, m, hwm[m.metric], mappingBlock(m, customerOf), o)
                planned++
                flush()
              })
            )
          )
        })
      )
    )
    await Promise.all(stepsDone)
    await writing.drain()
    // A failed read has set this.aborted: every step said "not attempted", recorded below, and the run ends with it.
    const prefetched = await prefetchedOrNull
    await byDay.push(connector, { approvals, settings, prefetched, batch, pending })
    if (batch && pending.length > 0) await this.writes.writeBatch(connector, batch, pending)
    this.record(true)
    // Not one answer from a remote that failed every time: it is down, whatever the number of items.
    this.aborted ??= this.sourceBreaker.neverAnswered() ?? this.psaBreaker.neverAnswered()
    if (this.aborted) throw new Abort(this.aborted)
    return this.sortedRows()
  }

  /** One mapping with its count: blocked, or planned and then written (at once, or queued for the batch). */
  async step(
    connector: PsaConnector,
    m: BillingMappingRecord,
    count: number | null,
    block: MappingBlock | null,
    o: StepContext
  ): Promise<void> {
    if (block) return this.finish(m, blockedRow(m, count, block))
    const step = await this.plan(connector, m, count, o.approvals.get(m.id), o.settings, o.prefetched)
    if ('row' in step) this.finish(m, step.row)
    else if (o.batch) o.pending.push({ m, item: step.item })
    else this.finish(m, await this.writes.writeOne(connector, m, step.item))
  }

  get dryRun(): boolean {
    return this.opts.dryRun
  }

  /** More rows than counted at the start (orgs given a billing line during the run). */
  grow(n: number): void {
    this.total += n
  }

  private get phase(): string {
    return this.opts.dryRun ? 'plan' : 'push'
  }

  /** A row is final: keep it for the result and the run record. */
  finish(m: BillingMappingRecord, row: PlanRow): void {
    row.orgName = (hwmBilledSource(m.source) ? this.synced.get(orgKey(m)) : this.otherNames.get(m.id)) ?? null
    this.rows.push(row)
    this.records.push(toRecord(this.psa, m, row, this.ctx.now().toISOString()))
    this.progress(this.phase, ++this.done, this.total)
  }

  /** Records the rows finished since the last call (run-record.ts). */
  private record(end = false): void {
    const records = this.records.slice(this.recorded)
    recordRunItems(this.ctx.db, this.runId, records, { dryRun: this.opts.dryRun, end })
    this.recorded += records.length
  }

  /** Reads and stores one org's counts. A failure leaves this month's earlier snapshots (or "unknown") in charge: never a guessed 0. */
  private async snapshot(connector: SourceConnector, { source, orgId }: OrgRef): Promise<void> {
    if (this.stopped()) return
    try {
      const c = await connector.getUsageCounts(orgId)
      const takenAt = this.now.toISOString()
      await this.samples.record([
        { source, orgId, metric: 'users', count: c.users, takenAt, origin: 'sync' },
        { source, orgId, metric: 'devices', count: c.devices, takenAt, origin: 'sync' }
      ])
      this.sourceBreaker.success()
    } catch (e) {
      this.ctx.log.warn('usage count failed', { orgId, error: errorText(e) })
      this.failed(this.sourceBreaker, e, orgId)
    }
  }

  /** Reads the current quantity (or takes the prefetched one) and plans; returns a final row, or the item to write. */
  async plan(
    connector: PsaConnector,
    m: BillingMappingRecord,
    hwm: number | null,
    approvedTo: number | undefined,
    settings: { reviewDecreases: boolean; allowZero: boolean },
    prefetched: Map<string, QuantityRead | Error> | null
  ): Promise<{ row: PlanRow } | { item: PlanItem }> {
    const target = { containerId: m.containerId, itemId: m.itemId }
    const early = this.stopped()
    if (early) return { row: failedRow(m, hwm, null, `Not attempted: ${early.message}`) }
    let current: number | null
    let read: QuantityRead | null = null
    try {
      // Read during this run: the plan's `current` is the PSA's state now, not at preview time (Autotask writes
      // deltas, so a stale `from` would push a wrong number; its writes re-check `from` at the effective date too).
      const got = prefetched
        ? (prefetched.get(targetKey(target)) ?? null)
        : await connector.getQuantity(target, { billingDay: this.billingDay })
      if (got instanceof Error) throw got // this target alone could not be read: it fails, the others go on
      this.psaBreaker.success()
      read = got
      // A fractional or negative line ("12.5" from Syncro) fails this item alone: it is not a seat count we can own.
      current = got === null ? null : parseQuantity(got.quantity)
    } catch (e) {
      if (isAppError(e) && e.code === 'not-found') current = null
      else {
        this.failed(this.psaBreaker, e, m.id)
        return { row: failedRow(m, hwm, null, errorText(e)) }
      }
    }
    const money = moneyChange(this.syncMoney, m, read)
    if (money) this.money.set(m.id, money)
    const also = [
      ...moneyWords(money),
      ...(read?.split ? ['the billing period holds more than one quantity in the PSA; it is evened out'] : [])
    ]
    const input = { mappingId: m.id, orgId: m.orgId, metric: m.metric, nonBillable: m.nonBillable, hwm, current, also }
    const [item] = computePlan(
      [approvedTo === undefined ? input : { ...input, approvedDecrease: { to: approvedTo } }],
      {
        reviewDecreases: settings.reviewDecreases,
        allowZero: settings.allowZero
      }
    ) as [PlanItem]
    if (!isWrite(item))
      return {
        row: this.withMoney(
          m,
          planRow(
            m,
            item,
            item.action === 'unchanged' ? 'unchanged' : item.action === 'held' ? 'held' : 'blocked',
            null
          )
        )
      }
    if (this.opts.dryRun) return { row: this.withMoney(m, planRow(m, item, 'planned', null)) }
    return { item }
  }

  withMoney(m: BillingMappingRecord, row: PlanRow): PlanRow {
    const money = this.money.get(m.id)
    return money ? { ...row, ...money } : row
  }
}

/** Whether a source's billing is the month's HWM pushed on every run (the registry says so). */
function hwmBilledSource(source: SourceKind): boolean {
  return sourceInfo(source).billing.pushed === 'monthly-hwm'
}
