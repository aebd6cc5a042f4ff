import type { PlanRow } from '../../shared/contract/billing'
import { isAppError } from '../../shared/errors'
import type { PsaConnector, QuantityChange } from '../connectors/types'
import { confirmedDespite, LOST_REPLY_NOTE } from './confirm-write'
import { putIntents } from './intents-store'
import { withMoney } from './money'
import type { PlanItem } from './plan'
import { errorText } from './run-errors'
import { planRow, toRecord } from './run-rows'
import type { Runner } from './runner'
import type { BillingMappingRecord } from './store'

// The write half of a billing run: an intent recorded before each request, the request (one by one, or in one batch
// call where the PSA can), and the row it ends as — written, confirmed after a lost reply, vanished, or failed.

export class RunWrites {
  constructor(private readonly run: Runner) {}

  /** Recorded before the request, so a run killed before its own record is settled from the PSA (reconcile.ts). */
  private intend(writes: Array<{ m: BillingMappingRecord; item: PlanItem; change: QuantityChange }>): void {
    const intents = writes.map(({ m, item, change }) => ({
      ...toRecord(this.run.psa, m, planRow(m, item, 'planned', null), ''),
      newQuantity: change.to,
      change
    }))
    putIntents(this.run.ctx.db, this.run.runId, intents, this.run.ctx.now().toISOString())
  }

  private changeFor(m: BillingMappingRecord, item: PlanItem): QuantityChange {
    return withMoney(
      { from: item.current!, to: item.newQuantity!, billingDay: this.run.billingDay },
      this.run.syncMoney,
      m
    )
  }

  async writeOne(connector: PsaConnector, m: BillingMappingRecord, item: PlanItem): Promise<PlanRow> {
    const stop = this.run.stopped() // another item may have hit an outage while we were reading
    if (stop) return this.run.withMoney(m, planRow(m, item, 'failed', `Not attempted: ${stop.message}`))
    const target = { containerId: m.containerId, itemId: m.itemId }
    const change = this.changeFor(m, item)
    this.intend([{ m, item, change }])
    try {
      await connector.setQuantity(target, change)
      return this.settle(connector, m, item, change, null)
    } catch (e) {
      return this.settle(connector, m, item, change, e)
    }
  }

  async writeBatch(
    connector: PsaConnector,
    write: NonNullable<PsaConnector['setQuantities']>,
    pending: Array<{ m: BillingMappingRecord; item: PlanItem }>
  ): Promise<void> {
    const stop = this.run.stopped()
    if (stop) {
      for (const p of pending)
        this.run.finish(p.m, this.run.withMoney(p.m, planRow(p.m, p.item, 'failed', `Not attempted: ${stop.message}`)))
      return
    }
    const changes = pending.map((p) => this.changeFor(p.m, p.item))
    this.intend(pending.map((p, i) => ({ ...p, change: changes[i]! })))
    let results: Array<unknown>
    try {
      results = await write(
        pending.map((p, i) => ({ target: { containerId: p.m.containerId, itemId: p.m.itemId }, change: changes[i]! }))
      )
    } catch (e) {
      results = pending.map(() => e) // the batch's reads failed: nothing was written
    }
    const rows = await Promise.all(
      pending.map((p, i) => this.settle(connector, p.m, p.item, changes[i]!, results[i] ?? null))
    )
    pending.forEach((p, i) => this.run.finish(p.m, rows[i]!))
  }

  /** The row for a write that succeeded (error null) or failed — unless a re-read shows the PSA has it (a lost reply). */
  private async settle(
    connector: PsaConnector,
    m: BillingMappingRecord,
    item: PlanItem,
    change: QuantityChange,
    error: unknown
  ): Promise<PlanRow> {
    if (error === null) {
      this.run.psaBreaker.success()
      return this.run.withMoney(m, planRow(m, item, 'written', null))
    }
    const target = { containerId: m.containerId, itemId: m.itemId }
    if (await confirmedDespite(connector, target, change, error)) {
      this.run.psaBreaker.success()
      return this.run.withMoney(m, { ...planRow(m, item, 'written', null), note: LOST_REPLY_NOTE })
    }
    this.run.failed(this.run.psaBreaker, error, m.id)
    if (isAppError(error) && error.code === 'not-found')
      return { ...planRow(m, item, 'blocked', null), action: 'blocked', code: 'target-vanished', reason: error.message }
    return this.run.withMoney(m, planRow(m, item, 'failed', errorText(error)))
  }
}
