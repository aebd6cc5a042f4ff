import type { BillingSettings } from '../../shared/contract/billing'
import type { Handlers } from '../../shared/contract'
import { AppError } from '../../shared/errors'
import type { BillingContainer, PsaKind, SourceKind } from '../connectors/types'
import { leaseHeld } from '../core/lease'
import { recordActivity } from '../core/activity'
import type { AppContext } from '../core/context'
import { openSession } from '../connect/session'
import { orgKey } from '../../shared/contract/org-ref'
import { PSAS } from '../../shared/registry'
import { getMappedCustomerId, loadMappings } from '../customers/store'
import { parseSchedule } from '../scheduler/schedule'
import { requireZone } from '../scheduler/zoned-time'
import { exportConfig, importConfig, validateConfig } from './config-io'
import { checkConfigTargets } from './config-targets'
import { checkSourceBilling } from './source-billing'
import { monthKey } from './hwm'
import { ensureHwmBuckets } from './hwm-job'
import {
  deleteBillingMappingRow,
  getBillingMapping,
  listRunRows,
  loadBillingSettings,
  loadLastScheduledRun,
  markInterruptedRuns,
  putApproval,
  putBillingMapping,
  setMappingEnabled,
  storeBillingSettings,
  storeLastScheduledRun
} from './store'
import { markScheduleChosen, turnOnScheduleAfterFirstPush } from './schedule-auto'
import { billingRunInProgress, runBillingSync } from './sync'
import { syncedOrgs } from './synced-orgs'
import { billingMappingRow, billingTargets, billingView, customerNames, hwmHistory, runDetail } from './views'
import { orgMonthHwm } from './usage-store'

type BillingHandlers = Pick<
  Handlers,
  | 'getBillingView'
  | 'listBillingTargets'
  | 'listPsaServices'
  | 'listOrgContracts'
  | 'saveBillingMapping'
  | 'setBillingMappingEnabled'
  | 'deleteBillingMapping'
  | 'checkBillingPrerequisites'
  | 'previewSync'
  | 'pushSync'
  | 'approveDecrease'
  | 'getBillingSettings'
  | 'saveBillingSettings'
  | 'listRuns'
  | 'getRun'
  | 'getHwmHistory'
  | 'exportConfig'
  | 'importConfig'
>

export function createBillingHandlers(ctx: AppContext): BillingHandlers {
  // A `running` row at start-up belongs to a process that died mid-run — unless another live process
  // (the app while this is the CLI, or the reverse) holds the run lease.
  if (!leaseHeld(ctx.db, 'billingRun', ctx.now())) markInterruptedRuns(ctx.db, ctx.now().toISOString())
  const now = () => ctx.now().toISOString()
  const audit = (action: string, detail: Record<string, unknown>) =>
    recordActivity(ctx.db, { actor: 'user', action, detail, at: now() })

  /** The customer an org is mapped to, or a clear error. */
  const customerOf = (psa: PsaKind, source: SourceKind, orgId: string): string => {
    const customerId = getMappedCustomerId(ctx.db, psa, source, orgId)
    if (customerId === null)
      throw new AppError('validation', 'This organization is not mapped to a customer yet.', {
        field: 'orgId',
        hint: 'Map it on the Customers screen first.'
      })
    return customerId
  }

  /** A zone change re-buckets the HWM in the background (as `progress` events); reads wait for it. */
  const rebucket = () => {
    ensureHwmBuckets(ctx).catch((e: unknown) =>
      ctx.log.warn('HWM rebuild stopped', { error: e instanceof Error ? e.message : String(e) })
    )
  }

  const validateSettings = (s: BillingSettings): BillingSettings => {
    requireZone(s.timeZone, 'timeZone')
    checkSourceBilling(s.sourceBilling)
    return { ...s, schedule: parseSchedule(s.schedule) }
  }

  return {
    async getBillingView() {
      await ensureHwmBuckets(ctx)
      return billingView(ctx.db, openSession(ctx).psaKind, ctx.now(), billingRunInProgress(ctx.db) !== null)
    },

    async listBillingTargets({ source, orgId }) {
      const session = openSession(ctx)
      const psa = session.requirePsaKind()
      const customerId = customerOf(psa, source, orgId)
      const { connector } = await session.psa()
      const containers = await connector.listBillingTargets(customerId)
      return billingTargets(ctx.db, psa, customerId, containers)
    },

    async listPsaServices() {
      const session = openSession(ctx)
      const psa = session.requirePsaKind()
      const { connector } = await session.psa()
      if (!connector.listServices) throw new AppError('config', `${PSAS[psa].label} has no service catalogue here.`)
      return connector.listServices()
    },

    async listOrgContracts({ source, orgId }) {
      const session = openSession(ctx)
      const psa = session.requirePsaKind()
      const customerId = customerOf(psa, source, orgId)
      const { connector } = await session.psa()
      if (!connector.listContracts) throw new AppError('config', `${PSAS[psa].label} has no contracts here.`)
      return { customerId, contracts: await connector.listContracts(customerId) }
    },

    async saveBillingMapping(input) {
      const session = openSession(ctx)
      const psa = session.requirePsaKind()
      const customerId = customerOf(psa, input.source, input.orgId)
      if (input.mappingId !== undefined) getBillingMapping(ctx.db, input.mappingId)
      // The target is checked against the PSA now, so a typo'd or foreign id never becomes a mapping.
      const { connector } = await session.psa()
      const containers: BillingContainer[] = await connector.listBillingTargets(customerId)
      const container = containers.find((c) => c.id === input.containerId)
      if (!container)
        throw new AppError('validation', `This customer has no ${PSAS[psa].words.containerOne} ${input.containerId}.`, {
          field: 'containerId',
          hint: 'Use "Refresh data from PSA" and pick again.'
        })
      const item = container.items.find((i) => i.id === input.itemId)
      if (!item)
        throw new AppError('validation', `"${container.name}" has no item ${input.itemId}.`, {
          field: 'itemId',
          hint: 'Use "Refresh data from PSA" and pick again.'
        })
      const id = putBillingMapping(
        ctx.db,
        {
          ...(input.mappingId === undefined ? {} : { id: input.mappingId }),
          psa,
          source: input.source,
          orgId: input.orgId,
          customerId,
          containerId: container.id,
          containerName: container.name,
          itemId: item.id,
          itemName: item.name,
          metric: input.metric,
          nonBillable: input.nonBillable,
          unitCost: input.unitCost,
          unitPrice: input.unitPrice
        },
        now()
      )
      audit('billing.mapping.saved', {
        mappingId: id,
        source: input.source,
        orgId: input.orgId,
        containerId: container.id,
        itemId: item.id,
        metric: input.metric
      })
      await ensureHwmBuckets(ctx)
      return billingMappingRow(ctx.db, psa, id, ctx.now())
    },

    async setBillingMappingEnabled({ mappingId, enabled, confirm }) {
      const m = getBillingMapping(ctx.db, mappingId)
      if (!enabled && !confirm)
        throw new AppError('validation', `Disabling stops the billing sync of "${m.itemName}"; confirm to go ahead.`, {
          field: 'confirm'
        })
      setMappingEnabled(ctx.db, mappingId, enabled, now())
      audit(enabled ? 'billing.mapping.enabled' : 'billing.mapping.disabled', { mappingId })
      return { message: enabled ? `"${m.itemName}" is synced again` : `"${m.itemName}" is no longer synced` }
    },

    async deleteBillingMapping({ mappingId }) {
      const m = getBillingMapping(ctx.db, mappingId)
      deleteBillingMappingRow(ctx.db, mappingId)
      audit('billing.mapping.deleted', { mappingId, source: m.source, orgId: m.orgId })
      return { message: `The billing mapping of "${m.itemName}" was removed` }
    },

    async checkBillingPrerequisites() {
      const session = openSession(ctx)
      const psa = session.requirePsaKind()
      const { connector } = await session.psa()
      const synced = syncedOrgs(ctx.db, psa)
      const customers = customerNames(ctx.db, psa)
      const need = PSAS[psa].prerequisites
      const problems = []
      // One customer per mapped org, read in turn: a prerequisite check is rare and must not trip rate limits.
      for (const m of loadMappings(ctx.db, psa).filter((x) => synced.has(orgKey(x)))) {
        const base = {
          source: m.source,
          orgId: m.orgId,
          orgName: synced.get(orgKey(m))!,
          customerId: m.customerId,
          customerName: customers.get(m.customerId) ?? null
        }
        try {
          const containers = await connector.listBillingTargets(m.customerId)
          if (containers.length === 0)
            problems.push({
              ...base,
              problem: 'no-container' as const,
              message: `Needs ${need.container}.`,
              fix: need.fixContainer
            })
          else if (containers.every((c) => c.items.length === 0))
            problems.push({
              ...base,
              problem: 'no-item' as const,
              message: `${containers.map((c) => `"${c.name}"`).join(', ')} has no ${need.item}.`,
              fix: need.fixItem
            })
        } catch (e) {
          if (e instanceof AppError && e.code !== 'not-found' && e.code !== 'bad-response') throw e
          problems.push({
            ...base,
            problem: 'error' as const,
            message: e instanceof Error ? e.message : String(e),
            fix: 'Check the customer in the PSA, then refresh data.'
          })
        }
      }
      return { checked: synced.size, problems }
    },

    async previewSync({ trigger }) {
      return runBillingSync(ctx, { dryRun: true, trigger })
    },

    async pushSync({ trigger }) {
      const run = await runBillingSync(ctx, { dryRun: false, trigger })
      turnOnScheduleAfterFirstPush(ctx, run) // the daily push is on by default once a first push was previewed
      return run
    },

    async approveDecrease({ mappingId, to }) {
      const m = getBillingMapping(ctx.db, mappingId)
      const month = monthKey(ctx.now(), loadBillingSettings(ctx.db).timeZone)
      // Only the planned value can be approved: another number would be stored but never release the decrease.
      const hwm = orgMonthHwm(ctx.db, m.source, m.orgId, month)[m.metric]
      const planned = hwm === null ? null : Math.max(0, hwm - m.nonBillable)
      if (planned !== to)
        throw new AppError(
          'validation',
          planned === null
            ? `No ${m.metric} count was recorded for ${month}, so there is no decrease to approve.`
            : `The planned quantity of "${m.itemName}" is ${planned}, not ${to}; approve ${planned}.`,
          { field: 'to', hint: 'Preview again to see the current plan.' }
        )
      putApproval(ctx.db, { mappingId, month, to, at: now(), by: 'user' })
      audit('billing.decrease.approved', { mappingId, month, to })
      return { message: `Decrease of "${m.itemName}" to ${to} approved for ${month}; it is written on the next push.` }
    },

    async getBillingSettings() {
      return loadBillingSettings(ctx.db)
    },

    async saveBillingSettings(patch) {
      const before = loadBillingSettings(ctx.db)
      const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined))
      const next = validateSettings({ ...before, ...defined })
      storeBillingSettings(ctx.db, next, ctx.now())
      if (patch.scheduleEnabled !== undefined) markScheduleChosen(ctx) // a person's choice wins over the default
      // dueCatchUp needs a first lastRunAt: enabling the schedule starts the clock now, not in the past.
      if (next.scheduleEnabled && (!before.scheduleEnabled || loadLastScheduledRun(ctx.db) === null))
        storeLastScheduledRun(ctx.db, ctx.now())
      audit('billing.settings.saved', { ...patch })
      if (next.timeZone !== before.timeZone) rebucket()
      ctx.events.emit('billingSettingsChanged', {})
      return next
    },

    async listRuns(o) {
      return listRunRows(ctx.db, o)
    },

    async getRun({ runId }) {
      return runDetail(ctx.db, runId)
    },

    async getHwmHistory({ source, orgId, months }) {
      await ensureHwmBuckets(ctx)
      return hwmHistory(ctx.db, source, orgId, months, ctx.now())
    },

    async exportConfig() {
      return exportConfig(ctx.db, openSession(ctx).psaKind, ctx.now())
    },

    async importConfig({ config }) {
      // Replacing the mappings under a running sync would pull its targets away mid-run.
      if (billingRunInProgress(ctx.db) || leaseHeld(ctx.db, 'billingRun', ctx.now())) {
        throw new AppError('conflict', 'A billing sync is running; import the configuration when it has finished.')
      }
      // Every billing target is checked against the live PSA first, as on the Billing screen (config-targets.ts).
      const session = openSession(ctx)
      const file = validateConfig(ctx.db, session.psaKind, config)
      const r = importConfig(ctx.db, session.psaKind, await checkConfigTargets(session, file), ctx.now())
      audit('config.imported', r)
      rebucket() // the imported settings may carry another billing zone
      ctx.events.emit('billingSettingsChanged', {})
      return {
        ...r,
        message: `Imported ${r.customerMappings} customer mappings and ${r.billingMappings} billing mappings.`
      }
    }
  }
}
