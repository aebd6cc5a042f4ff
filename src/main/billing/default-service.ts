import type { OrgContractBilling, PlanRow, SourceBilling } from '../../shared/contract/billing'
import { isAppError } from '../../shared/errors'
import { SOURCES, type SourceKind } from '../../shared/registry'
import type { BillingContainer, BillingItem, PsaConnector } from '../connectors/types'
import { recordActivity } from '../core/activity'
import { errorText } from './run-errors'
import { blockedRow, failedRow } from './run-rows'
import type { Runner } from './runner'
import { getBillingMapping, listBillingMappings, putBillingMapping, type BillingMappingRecord } from './store'

// "Add the default contract service to this contract" (issue 15, as SaaS Alerts' PSA integrations offer it): on the
// sync day, an org whose contract has no billing line yet gets the Default Contract Service added to that contract,
// once, and a billing mapping to it; its units are then set like any other line.
//
// Exactly once, across retries and crashes, without an intent table: an add is a POST that always creates (Syncro
// syncro.md "Idempotency"; Autotask ContractServices), so before every add the contract is re-read and a line of that
// service that no mapping carries is taken instead — the PSA is the judge, as reconcile.ts does for quantities. A
// crash between the add and the mapping's record leaves such a line; the next run finds it and adds nothing. After
// the mapping exists, the org is never considered again (a line deleted later is reported as vanished, not re-added).

export const DEFAULT_SERVICE_CODES = ['no-add-default-service', 'contract-not-customer', 'service-added'] as const

type Prepared = { mapping: BillingMappingRecord } | null

export class DefaultServices {
  constructor(
    private readonly run: Runner,
    private readonly kind: SourceKind,
    private readonly conf: SourceBilling
  ) {}

  /**
   * The orgs with a contract and no billing line: each gets its line (added once, or found) and a mapping, returned
   * for the caller to push; or a row saying why not. `customerOf`: org id → its PSA customer.
   */
  async prepare(
    connector: PsaConnector,
    existing: readonly BillingMappingRecord[],
    customerOf: ReadonlyMap<string, string>,
    users: ReadonlyMap<string, number>
  ): Promise<BillingMappingRecord[]> {
    const out: BillingMappingRecord[] = []
    const billed = new Set(existing.map((m) => m.orgId))
    for (const [orgId, o] of Object.entries(this.conf.orgs)) {
      if (!o.containerId || billed.has(orgId)) continue
      const got = await this.one(connector, orgId, o, customerOf.get(orgId), users.get(orgId) ?? 0)
      if (got) out.push(got.mapping)
    }
    return out
  }

  private async one(
    connector: PsaConnector,
    orgId: string,
    o: OrgContractBilling,
    customerId: string | undefined,
    users: number
  ): Promise<Prepared> {
    const label = SOURCES[this.kind].label
    const service = this.conf.defaultService
    const stub = this.stub(orgId, o, customerId ?? '', service?.name ?? '')
    const block = (code: string, reason: string): Prepared => {
      this.emit(stub, { ...blockedRow(stub, users, { code: 'source-billing-off', reason }), code })
      return null
    }
    if (customerId === undefined)
      return block('org-unmapped', 'This organization is not mapped to a customer, so its contract is not billed.')
    if (!o.addDefaultService || !service)
      return block(
        'no-add-default-service',
        `"${o.containerName || o.containerId}" has no ${label} billing line and "add the default contract service" is off for this organization, so its users are not pushed.`
      )
    try {
      const container = (await connector.listBillingTargets(customerId)).find((c) => c.id === o.containerId)
      // Never bill a customer through another's reference: the contract must be this customer's.
      if (!container)
        return block(
          'contract-not-customer',
          `Contract ${o.containerId} is not an active contract of this organization's customer; pick its contract again.`
        )
      const found = this.free(container, service.id)
      if (this.run.dryRun) {
        const what = found ? `use its "${found.name}" line` : `add "${service.name}" to "${container.name}"`
        this.emit(stub, {
          ...blockedRow(stub, users, { code: 'source-billing-off', reason: '' }),
          ...planned(what, users)
        })
        return null
      }
      const item = found ?? (await this.add(connector, customerId, container, o))
      const at = this.run.ctx.now().toISOString()
      const id = putBillingMapping(
        this.run.ctx.db,
        {
          psa: this.run.psa,
          source: this.kind,
          orgId,
          customerId,
          containerId: container.id,
          containerName: container.name,
          itemId: item.id,
          itemName: item.name,
          metric: 'users',
          nonBillable: 0,
          unitCost: o.unitCost,
          unitPrice: o.unitPrice
        },
        at
      )
      recordActivity(this.run.ctx.db, {
        actor: 'system',
        action: found ? 'billing.default-service.found' : 'billing.default-service.added',
        detail: { source: this.kind, orgId, containerId: container.id, itemId: item.id, serviceId: service.id },
        at
      })
      return { mapping: getBillingMapping(this.run.ctx.db, id) }
    } catch (e) {
      this.run.failed(this.run.psaBreaker, e, orgId)
      this.emit(stub, failedRow(stub, users, null, errorText(e)))
      return null
    }
  }

  /** A line of `serviceId` on the contract that no billing mapping carries yet. */
  private free(container: BillingContainer, serviceId: string): BillingItem | undefined {
    const taken = new Set(
      listBillingMappings(this.run.ctx.db, this.run.psa)
        .filter((m) => m.containerId === container.id)
        .map((m) => m.itemId)
    )
    return container.items.find((i) => i.serviceId === serviceId && !taken.has(i.id))
  }

  /** Adds the service; a reply lost on the way (timeout, reset, 5xx) is settled by re-reading the contract. */
  private async add(
    connector: PsaConnector,
    customerId: string,
    container: BillingContainer,
    o: OrgContractBilling
  ): Promise<BillingItem> {
    const service = this.conf.defaultService!
    if (!connector.addContractService || !connector.listServices)
      throw new Error(`${connector.kind} cannot add a service to a contract.`)
    const catalogue = (await connector.listServices()).find((s) => s.id === service.id)
    if (!catalogue)
      throw new Error(
        `The Default Contract Service "${service.name}" is no longer in the PSA's catalogue; pick it again.`
      )
    const input = {
      serviceId: service.id,
      name: catalogue.name,
      unitCost: o.unitCost ?? catalogue.unitCost ?? 0,
      unitPrice: o.unitPrice ?? catalogue.unitPrice ?? 0
    }
    try {
      return await connector.addContractService(container.id, input)
    } catch (e) {
      const refused = isAppError(e) && ['validation', 'auth', 'permission', 'not-found', 'config'].includes(e.code)
      if (refused) throw e
      const again = (await connector.listBillingTargets(customerId)).find((c) => c.id === container.id)
      const kept = again && this.free(again, service.id)
      if (kept) return kept
      throw e
    }
  }

  /** A mapping-shaped stand-in for an org that has no billing mapping (yet), so its row reads like the others. */
  private stub(orgId: string, o: OrgContractBilling, customerId: string, serviceName: string): BillingMappingRecord {
    return {
      id: '',
      psa: this.run.psa,
      source: this.kind,
      orgId,
      customerId,
      containerId: o.containerId ?? '',
      containerName: o.containerName,
      itemId: '',
      itemName: serviceName,
      metric: 'users',
      nonBillable: 0,
      unitCost: o.unitCost,
      unitPrice: o.unitPrice,
      enabled: true,
      lastSyncAt: null,
      lastSyncResult: null
    }
  }

  private emit(stub: BillingMappingRecord, row: PlanRow): void {
    this.run.finish(stub, row)
  }
}

function planned(what: string, users: number): Partial<PlanRow> {
  return {
    action: 'increase',
    code: 'service-added',
    newQuantity: users,
    result: 'planned',
    reason: `The contract has no line for this organization yet: a push would ${what}, then set ${users}.`
  }
}
