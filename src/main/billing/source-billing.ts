import { sourceBillingProblems, type BillingSettings, type SourceBilling } from '../../shared/contract/billing'
import { AppError } from '../../shared/errors'
import { SOURCES, type SourceKind } from '../../shared/registry'
import type { PsaConnector, QuantityRead, QuantityWrite } from '../connectors/types'
import type { Session } from '../connect/session'
import { loadMappings, loadOrgs } from '../customers/store'
import { DefaultServices } from './default-service'
import { mappingBlock } from './mapping-block'
import { orgKey } from '../../shared/contract/org-ref'
import type { PlanItem } from './plan'
import { errorText } from './run-errors'
import { blockedRow, failedRow } from './run-rows'
import type { Runner } from './runner'
import { listBillingMappings, type BillingMappingRecord } from './store'
import { billingDateFor, isSyncDay } from './sync-day'

// Sources whose billing is pushed on a day of the month (registry `billing.pushed: 'sync-day'`; SaaS Alerts: billable
// users on the User Sync Day). Their mappings go through the same plan → preview → push → Activity path as the
// monthly HWM, with the count their source reports for the latest billing date on or before the sync day.

/** What one mapping's step needs from the run (runner.ts step). */
export interface StepContext {
  approvals: Map<string, number>
  settings: BillingSettings
  prefetched: Map<string, QuantityRead | Error> | null
  batch: ((writes: QuantityWrite[]) => Promise<Array<Error | null>>) | null
  pending: Array<{ m: BillingMappingRecord; item: PlanItem }>
}

/** Refuses settings that cannot work: a source that is not pushed on a day, or one switched on without its service. */
export function checkSourceBilling(all: BillingSettings['sourceBilling']): void {
  for (const [kind, s] of Object.entries(all) as Array<[SourceKind, SourceBilling]>) {
    const label = SOURCES[kind].label
    if (SOURCES[kind].billing.pushed !== 'sync-day')
      throw new AppError('validation', `${label} billing has no sync day: it is pushed with every billing run.`, {
        field: `sourceBilling.${kind}`
      })
    const [problem] = sourceBillingProblems(label, s)
    if (problem)
      throw new AppError('validation', problem.message, {
        field: `sourceBilling.${kind}.${problem.field}`,
        hint:
          problem.field === 'defaultService'
            ? 'Pick the PSA service its contracts bill on, then switch it on.'
            : 'Pick its contract from the PSA, or switch the option off.'
      })
  }
}

/** The sync-day mappings of one run. */
export class DayBilling {
  constructor(
    private readonly run: Runner,
    private readonly session: Session,
    readonly mappings: BillingMappingRecord[],
    private readonly settings: BillingSettings
  ) {}

  async push(connector: PsaConnector, o: StepContext): Promise<void> {
    // Sources with mappings, and those whose orgs have a contract but no line yet (the default service may add it).
    const kinds = new Set(this.mappings.map((m) => m.source))
    for (const [kind, conf] of Object.entries(this.settings.sourceBilling) as Array<[SourceKind, SourceBilling]>)
      if (conf.enabled && Object.values(conf.orgs).some((x) => x.containerId)) kinds.add(kind)
    for (const kind of kinds) {
      const mine = this.mappings.filter((m) => m.source === kind)
      const names = new Map(loadOrgs(this.run.ctx.db, kind).map((x) => [x.id, x.name]))
      for (const m of mine) this.run.otherNames.set(m.id, names.get(m.orgId) ?? m.orgId)
      const users = await this.counts(kind, mine)
      if (!users) continue
      const mapped = loadMappings(this.run.ctx.db, this.run.psa, kind)
      const customerOf = new Map(mapped.map((x) => [orgKey(x), x.customerId]))
      // Orgs whose contract lacks a line get the default service (once) and a mapping, pushed like the others.
      const all = listBillingMappings(this.run.ctx.db, this.run.psa).filter((m) => m.source === kind)
      const before = this.run.rows.length
      const added = await new DefaultServices(this.run, kind, this.settings.sourceBilling[kind]!).prepare(
        connector,
        all,
        new Map(mapped.map((x) => [x.orgId, x.customerId])),
        users
      )
      for (const row of this.run.rows.slice(before)) row.orgName = names.get(row.orgId) ?? row.orgId
      this.run.grow(this.run.rows.length - before + added.length)
      for (const m of added) this.run.otherNames.set(m.id, names.get(m.orgId) ?? m.orgId)
      // An org absent from the billing details has no billable users (0, which allow-zero then guards).
      for (const m of mine) await this.run.step(connector, m, users.get(m.orgId) ?? 0, mappingBlock(m, customerOf), o)
      // Their lines were not there when the run prefetched: read now.
      for (const m of added)
        await this.run.step(connector, m, users.get(m.orgId) ?? 0, mappingBlock(m, customerOf), {
          ...o,
          prefetched: null
        })
    }
  }

  /** The source's billable users for today's push, or null when its mappings were finished here (not due, off, error). */
  private async counts(kind: SourceKind, mine: BillingMappingRecord[]): Promise<Map<string, number> | null> {
    const conf = this.settings.sourceBilling[kind]
    const label = SOURCES[kind].label
    const zone = this.settings.timeZone
    const now = this.run.ctx.now()
    const block = (code: 'source-billing-off' | 'no-billing-date', reason: string) => {
      for (const m of mine) this.run.finish(m, blockedRow(m, null, { code, reason }))
      return null
    }
    if (!conf?.enabled) return block('source-billing-off', `${label} billing is off in the Billing settings.`)
    if (!isSyncDay(now, conf.syncDay, zone)) {
      const reason = `${label} billable users are pushed on the User Sync Day (day ${conf.syncDay} of the month).`
      for (const m of mine)
        this.run.finish(m, {
          ...blockedRow(m, null, { code: 'no-billing-date', reason }),
          action: 'held',
          code: 'not-sync-day',
          result: 'held'
        })
      return null
    }
    try {
      const source = await this.session.source(kind)
      if (!source.listBillingDates || !source.getBillableUsers)
        throw new AppError('config', `${label} does not report billable users.`)
      const date = billingDateFor(await source.listBillingDates(), now, zone)
      if (!date) return block('no-billing-date', `${label} has no billing date on or before today yet.`)
      return await source.getBillableUsers(date)
    } catch (e) {
      for (const m of mine) this.run.finish(m, failedRow(m, null, null, errorText(e)))
      return null
    }
  }
}
