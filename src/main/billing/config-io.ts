import type { ConfigFile } from '../../shared/contract/billing'
import { ConfigFileSchema } from '../../shared/contract/billing'
import { AppError } from '../../shared/errors'
import { kindLabel } from '../../shared/registry'
import type { PsaKind } from '../connectors/types'
import type { Db } from '../db/connection'
import {
  clearCustomerIgnored,
  clearOrgFlags,
  deleteMappings,
  loadCatchAll,
  loadCustomers,
  loadMappings,
  loadOrgs,
  putMapping,
  saveCatchAll,
  setCustomerIgnored,
  setOrgFlag
} from '../customers/store'
import { orgKey, type OrgRef } from '../../shared/contract/org-ref'
import { listLearned, replaceLearned } from '../customers/learned'
import { requireZone } from '../scheduler/zoned-time'
import { parseSchedule } from '../scheduler/schedule'
import {
  loadCachedMetadata,
  loadTicketingSettings,
  saveTicketingSettings,
  ticketingSettingsProblem
} from '../ticketing/settings'
import {
  deleteBillingMappings,
  listBillingMappings,
  loadBillingSettings,
  putBillingMapping,
  storeBillingSettings
} from './store'

// Versioned export/import of every mapping and setting. Secrets are never part of it: they live in the
// keychain only, and the file is meant to be copied between machines.

/** `psa` is the active PSA as the caller's session resolved it (null when none is connected). */
export function exportConfig(db: Db, psa: PsaKind | null, now: Date): ConfigFile {
  const orgs = loadOrgs(db)
  return {
    version: 2,
    exportedAt: now.toISOString(),
    psa,
    settings: loadBillingSettings(db),
    customerMappings: psa
      ? loadMappings(db, psa).map((m) => ({ source: m.source, orgId: m.orgId, customerId: m.customerId }))
      : [],
    billingMappings: psa
      ? listBillingMappings(db, psa).map((m) => ({
          source: m.source,
          orgId: m.orgId,
          customerId: m.customerId,
          containerId: m.containerId,
          containerName: m.containerName,
          itemId: m.itemId,
          itemName: m.itemName,
          metric: m.metric,
          nonBillable: m.nonBillable,
          unitCost: m.unitCost,
          unitPrice: m.unitPrice,
          enabled: m.enabled
        }))
      : [],
    catchAll: psa ? loadCatchAll(db, psa) : null,
    ignoredOrgs: orgs.filter((o) => o.ignored).map((o) => ({ source: o.source, orgId: o.id })),
    disabledOrgs: orgs.filter((o) => o.disabled).map((o) => ({ source: o.source, orgId: o.id })),
    ignoredCustomers: psa
      ? loadCustomers(db, psa)
          .filter((c) => c.ignored)
          .map((c) => c.id)
      : [],
    ...(psa ? { ticketing: loadTicketingSettings(db, psa) } : {}),
    learnedEquivalences: listLearned(db)
  }
}

function invalid(path: string, message: string, hint?: string): never {
  throw new AppError('validation', `Invalid configuration file at ${path || '(root)'}: ${message}`, {
    field: path || undefined,
    hint
  })
}

/** Checks everything first; throws a validation AppError naming the first bad path. Writes nothing. */
export function validateConfig(db: Db, psa: PsaKind | null, raw: unknown): ConfigFile {
  const parsed = ConfigFileSchema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    invalid((issue?.path ?? []).join('.'), issue?.message ?? 'invalid')
  }
  const config = parsed.data
  try {
    requireZone(config.settings.timeZone, 'settings.timeZone')
    parseSchedule(config.settings.schedule)
  } catch (e) {
    invalid(
      e instanceof AppError && e.field ? `settings.${e.field.replace(/^settings\./, '')}` : 'settings',
      e instanceof Error ? e.message : String(e)
    )
  }
  const hasPsaData =
    config.customerMappings.length > 0 ||
    config.billingMappings.length > 0 ||
    config.catchAll !== null ||
    config.ticketing !== undefined
  if (hasPsaData && config.psa !== psa) {
    invalid(
      'psa',
      `the file holds ${config.psa ?? 'no'} mappings but the connected PSA is ${psa ?? 'none'}`,
      'Connect the same PSA the file was exported from.'
    )
  }
  const orgs = new Set(loadOrgs(db).map((o) => orgKey({ source: o.source, orgId: o.id })))
  const customers = new Set(psa ? loadCustomers(db, psa).map((c) => c.id) : [])
  const refresh = 'Run "Refresh data" first so the organizations and customers are known, then import again.'
  const needOrg = (path: string, r: OrgRef) =>
    orgs.has(orgKey(r)) || invalid(path, `unknown organization ${r.orgId} (${kindLabel(r.source)})`, refresh)
  const needCustomer = (path: string, id: string) =>
    customers.has(id) || invalid(path, `unknown customer ${id}`, refresh)
  const seenOrgs = new Set<string>()
  config.customerMappings.forEach((m, i) => {
    needOrg(`customerMappings.${i}.orgId`, m)
    needCustomer(`customerMappings.${i}.customerId`, m.customerId)
    if (seenOrgs.has(orgKey(m))) invalid(`customerMappings.${i}.orgId`, `organization ${m.orgId} is mapped twice`)
    seenOrgs.add(orgKey(m))
  })
  const seenTargets = new Set<string>()
  config.billingMappings.forEach((m, i) => {
    needOrg(`billingMappings.${i}.orgId`, m)
    needCustomer(`billingMappings.${i}.customerId`, m.customerId)
    const key = JSON.stringify([m.containerId, m.itemId])
    if (seenTargets.has(key))
      invalid(`billingMappings.${i}.itemId`, `line item ${m.itemId} of ${m.containerId} carries two mappings`)
    seenTargets.add(key)
  })
  if (config.catchAll !== null) needCustomer('catchAll', config.catchAll)
  config.ignoredOrgs.forEach((r, i) => needOrg(`ignoredOrgs.${i}`, r))
  config.disabledOrgs.forEach((r, i) => needOrg(`disabledOrgs.${i}`, r))
  config.ignoredCustomers?.forEach((id, i) => needCustomer(`ignoredCustomers.${i}`, id))
  if (config.ticketing && psa) checkTicketing(db, psa, config.ticketing)
  return config
}

/**
 * Ticket settings pass the same rules as on the Ticketing screen: every choice value must be in the PSA's
 * lists (a priority "99 Bogus" would otherwise sit in the alert queue), and what the PSA requires is set.
 */
function checkTicketing(db: Db, psa: PsaKind, t: NonNullable<ConfigFile['ticketing']>): void {
  const lists = loadCachedMetadata(db, psa)?.choices ?? null
  const chosen = [t.defaults, ...Object.values(t.types).map((x) => x.overrides)].some((f) =>
    Object.entries(f).some(([k, v]) => k !== 'daysDue' && v !== null)
  )
  if (!lists && chosen)
    invalid(
      'ticketing',
      "the PSA's ticket lists (priorities, statuses …) are not loaded yet, so the file's choices cannot be checked",
      'Open Ticketing once (or run: psa-bridge call refreshTicketMetadata), then import again.'
    )
  const p = ticketingSettingsProblem(t, lists)
  if (p)
    invalid(`ticketing.${p.scope === 'defaults' ? 'defaults' : `types.${p.scope}.overrides`}.${p.field}`, p.message)
}

/** Replaces mappings and settings with the file's, in one transaction: all or nothing. */
export function importConfig(
  db: Db,
  psa: PsaKind | null,
  raw: unknown,
  now: Date
): { customerMappings: number; billingMappings: number } {
  const config = validateConfig(db, psa, raw)
  const at = now.toISOString()
  db.transaction(() => {
    storeBillingSettings(db, config.settings, now)
    clearOrgFlags(db)
    if (config.learnedEquivalences) replaceLearned(db, config.learnedEquivalences)
    for (const r of config.ignoredOrgs) setOrgFlag(db, r.source, r.orgId, 'ignored', true)
    for (const r of config.disabledOrgs) setOrgFlag(db, r.source, r.orgId, 'disabled', true)
    if (!psa) return
    if (config.ignoredCustomers) {
      clearCustomerIgnored(db, psa)
      for (const id of config.ignoredCustomers) setCustomerIgnored(db, psa, id, true)
    }
    deleteMappings(db, psa)
    for (const m of config.customerMappings)
      putMapping(db, {
        psa,
        source: m.source,
        orgId: m.orgId,
        customerId: m.customerId,
        origin: 'manual',
        actor: 'import',
        now: at
      })
    deleteBillingMappings(db, psa)
    for (const m of config.billingMappings) putBillingMapping(db, { psa, ...m }, at)
    saveCatchAll(db, psa, config.catchAll, now)
    // Checked against the PSA's lists above, and again when tickets are sent (the lists may change).
    if (config.ticketing) saveTicketingSettings(db, psa, config.ticketing, now)
  })()
  return {
    customerMappings: psa ? config.customerMappings.length : 0,
    billingMappings: psa ? config.billingMappings.length : 0
  }
}
