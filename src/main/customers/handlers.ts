import { AppError } from '../../shared/errors'
import type { Handlers } from '../../shared/contract'
import type { PsaKind } from '../connectors/types'
import type { AppContext } from '../core/context'
import { recordActivity } from '../core/activity'
import { activePsaKind, openPsa, openSource, throwNoPsa } from '../connect/open'
import { getIntegration } from '../connect/store'
import { PSA_KINDS } from '../../shared/registry'
import {
  dropMapping,
  getCustomer,
  getOrg,
  loadCatchAll,
  loadCustomerNames,
  loadCustomers,
  loadMappings,
  loadOrgs,
  putCustomer,
  putMapping,
  saveCatchAll,
  saveCustomers,
  saveOrgs,
  setOrgFlag,
  SOURCE
} from './store'
import { learnedLookup, learnFromMapping, listLearned, removeLearned } from './learned'
import { suggestMatches, type Suggestion } from './suggest'
import { buildCustomersView, computeSuggestions } from './view'
import type { DeviceEvidence } from './device-evidence'

type CustomerHandlers = Pick<
  Handlers,
  | 'getCustomersView'
  | 'listCustomerNames'
  | 'refreshData'
  | 'mapOrg'
  | 'unmapOrg'
  | 'acceptSuggestion'
  | 'acceptAllSuggestions'
  | 'setOrgIgnored'
  | 'setOrgDisabled'
  | 'createCustomerForOrg'
  | 'setCatchAllCustomer'
  | 'listMappings'
  | 'listLearnedEquivalences'
  | 'removeLearnedEquivalence'
>

/** What other domains do when an org changes here; the app layer wires it, so customers imports no other domain. */
export interface CustomerHooks {
  /** Runs inside the transaction that disables the org: its rows elsewhere (billing mappings) go with its mappings. */
  orgDisabled(orgId: string): void
  /** Device overlap per org (from the assets the app layer knows); `key` changes whenever the evidence may have. */
  deviceEvidence?(psa: PsaKind): { key: string; evidence: readonly DeviceEvidence[] }
}

export function createCustomerHandlers(ctx: AppContext, hooks: CustomerHooks): CustomerHandlers {
  // Suggestions are recomputed only after something they depend on changed.
  // The learned words are part of the key: a config import (another domain's handler) may replace them.
  let cache: {
    version: number
    psa: PsaKind
    learned: string
    devices: string
    value: Map<string, Suggestion>
  } | null = null
  let version = 0
  const changed = () => void version++

  const suggestions = (psa: PsaKind): Map<string, Suggestion> => {
    const learned = learnedLookup(ctx.db)
    const learnedKey = [...learned].sort().join(',')
    const devices = hooks.deviceEvidence?.(psa) ?? { key: '', evidence: [] }
    if (
      cache &&
      cache.version === version &&
      cache.psa === psa &&
      cache.learned === learnedKey &&
      cache.devices === devices.key
    )
      return cache.value
    const mappings = loadMappings(ctx.db, psa)
    const value = computeSuggestions(
      loadOrgs(ctx.db),
      loadCustomers(ctx.db, psa),
      new Set(mappings.map((m) => m.orgId)),
      new Set(mappings.map((m) => m.customerId)),
      learned,
      devices.evidence
    )
    cache = { version, psa, learned: learnedKey, devices: devices.key, value }
    return value
  }

  const requirePsa = (): PsaKind => activePsaKind(ctx.db) ?? throwNoPsa()
  const requireOrg = (orgId: string) => {
    const org = getOrg(ctx.db, orgId) // one row by key: O(1) in the number of orgs
    if (!org) throw new AppError('not-found', 'That organization is not in the list. Refresh data from the source.')
    return org
  }
  const requireCustomer = (psa: PsaKind, customerId: string) => {
    const c = getCustomer(ctx.db, psa, customerId)
    if (!c) throw new AppError('not-found', 'That customer is not in the list. Refresh data from the PSA.')
    if (c.missingSince) throw new AppError('validation', `"${c.name}" no longer exists in the PSA.`)
    return c
  }
  const now = () => ctx.now().toISOString()
  const audit = (action: string, detail: Record<string, unknown>) =>
    recordActivity(ctx.db, { actor: 'user', action, detail })

  return {
    async listCustomerNames() {
      const psa = activePsaKind(ctx.db)
      return { psa, customers: psa ? loadCustomerNames(ctx.db, psa) : [] }
    },

    async getCustomersView() {
      const psa = activePsaKind(ctx.db)
      const catchAll = psa ? loadCatchAll(ctx.db, psa) : null
      return buildCustomersView(ctx.db, psa, suggestions, catchAll)
    },

    async refreshData({ from }) {
      // "both" refreshes whichever side is connected and says what it skipped; asking for one side that is
      // not connected is an error.
      const psaKind = activePsaKind(ctx.db)
      const sourceOn = !!getIntegration(ctx.db, SOURCE)
      const skipped: string[] = []
      let wantSource = from !== 'psa'
      let wantPsa = from !== 'source'
      if (from === 'both' && (sourceOn || psaKind)) {
        if (!psaKind) skipped.push('customers (no PSA is connected yet)')
        if (!sourceOn) skipped.push('organizations (JumpCloud is not connected yet)')
        wantSource = sourceOn
        wantPsa = !!psaKind
      }
      const total = Number(wantSource) + Number(wantPsa)
      let done = 0
      const progress = (phase: string) => ctx.events.emit('syncProgress', { runId: 'refresh', phase, done, total })
      let orgs: number | null = null
      let customers: number | null = null
      progress('starting')
      if (wantSource) {
        const list = await (await openSource(ctx)).listOrganizations()
        saveOrgs(ctx.db, list, now())
        orgs = list.length
        done++
        progress('organizations')
      }
      if (wantPsa) {
        const { kind, connector } = await openPsa(ctx)
        const list = await connector.listCustomers()
        saveCustomers(ctx.db, kind, list, now())
        customers = list.length
        done++
        progress('customers')
      }
      changed()
      const parts = [
        orgs !== null ? `${orgs} organizations` : null,
        customers !== null ? `${customers} customers` : null
      ].filter(Boolean)
      const message = `Refreshed ${parts.join(' and ')}${skipped.length ? `; skipped ${skipped.join(' and ')}` : ''}.`
      return { orgs, customers, message }
    },

    async mapOrg({ orgId, customerId }) {
      const psa = requirePsa()
      const org = requireOrg(orgId)
      const c = requireCustomer(psa, customerId)
      const at = now()
      ctx.db.transaction(() => {
        putMapping(ctx.db, { psa, orgId, customerId, origin: 'manual', actor: 'user', now: at })
        learnFromMapping(ctx.db, org.name, c.name, at)
      })()
      changed()
      return { message: `${org.name} is mapped to ${c.name}` }
    },

    async unmapOrg({ orgId }) {
      const psa = requirePsa()
      const org = requireOrg(orgId)
      if (!dropMapping(ctx.db, { psa, orgId, actor: 'user', now: now() }))
        throw new AppError('not-found', `${org.name} is not mapped.`)
      changed()
      return { message: `${org.name} is no longer mapped` }
    },

    async acceptSuggestion({ orgId }) {
      const psa = requirePsa()
      const org = requireOrg(orgId)
      const s = suggestions(psa).get(orgId)
      if (!s) throw new AppError('not-found', `There is no suggestion for ${org.name} any more.`)
      const c = requireCustomer(psa, s.customerId)
      const at = now()
      ctx.db.transaction(() => {
        putMapping(ctx.db, {
          psa,
          orgId,
          customerId: s.customerId,
          origin: 'suggestion',
          score: s.score,
          actor: 'user',
          now: at
        })
        learnFromMapping(ctx.db, org.name, c.name, at)
      })()
      changed()
      return { message: `${org.name} is mapped to ${c.name}` }
    },

    async acceptAllSuggestions() {
      const psa = requirePsa()
      const confident = [...suggestions(psa).values()].filter((s) => s.confident)
      const at = now()
      ctx.db.transaction(() => {
        for (const s of confident)
          putMapping(ctx.db, {
            psa,
            orgId: s.orgId,
            customerId: s.customerId,
            origin: 'suggestion',
            score: s.score,
            actor: 'user',
            now: at
          })
      })()
      changed()
      audit('mapping.acceptAll', { accepted: confident.length })
      return {
        accepted: confident.length,
        message: `Accepted ${confident.length} suggestion${confident.length === 1 ? '' : 's'}`
      }
    },

    async setOrgIgnored({ orgId, ignored }) {
      const org = requireOrg(orgId)
      setOrgFlag(ctx.db, orgId, 'ignored', ignored)
      changed()
      audit(ignored ? 'org.ignored' : 'org.unignored', { orgId })
      return { message: ignored ? `${org.name} is ignored` : `${org.name} is no longer ignored` }
    },

    async setOrgDisabled({ orgId, disabled }) {
      const org = requireOrg(orgId)
      ctx.db.transaction(() => {
        if (disabled) {
          for (const psa of PSA_KINDS)
            dropMapping(ctx.db, { psa, orgId, actor: 'user', now: now(), action: 'disabled' })
          hooks.orgDisabled(orgId)
        }
        setOrgFlag(ctx.db, orgId, 'disabled', disabled)
      })()
      changed()
      audit(disabled ? 'org.disabled' : 'org.enabled', { orgId })
      return {
        message: disabled
          ? `${org.name} is disabled: its mappings were removed and it is no longer synced`
          : `${org.name} is enabled`
      }
    },

    async createCustomerForOrg({ orgId, confirmSimilar }) {
      const org = requireOrg(orgId)
      const { kind, connector } = await openPsa(ctx)
      if (!confirmSimilar) {
        const similar = suggestMatches(
          [org],
          loadCustomers(ctx.db, kind).filter((c) => !c.missingSince)
        )
        const match = similar[0]
        if (match) {
          const name = getCustomer(ctx.db, kind, match.customerId)?.name
          throw new AppError('conflict', `A similar customer already exists in the PSA: "${name}".`, {
            hint: 'Map the organization to it instead, or confirm to create a new customer anyway.'
          })
        }
      }
      const created = await connector.createCustomer({ name: org.name })
      const at = now()
      putCustomer(ctx.db, kind, created, at)
      putMapping(ctx.db, { psa: kind, orgId, customerId: created.id, origin: 'created', actor: 'user', now: at })
      changed()
      audit('customer.created', { orgId, customerId: created.id })
      return { customerId: created.id, message: `Created "${created.name}" in the PSA and mapped ${org.name} to it` }
    },

    async setCatchAllCustomer({ customerId }) {
      const psa = requirePsa()
      if (customerId === null) {
        saveCatchAll(ctx.db, psa, null, ctx.now())
        return { message: 'No catch-all customer: alerts of unmapped organizations wait for a mapping' }
      }
      const c = requireCustomer(psa, customerId)
      saveCatchAll(ctx.db, psa, customerId, ctx.now())
      audit('catchAll.set', { customerId })
      return { message: `Alerts of unmapped organizations go to ${c.name}` }
    },

    async listMappings() {
      const psa = activePsaKind(ctx.db)
      if (!psa) return []
      const orgs = new Map(loadOrgs(ctx.db).map((o) => [o.id, o.name]))
      const customers = new Map(loadCustomers(ctx.db, psa).map((c) => [c.id, c.name]))
      return loadMappings(ctx.db, psa).map((m) => ({
        orgId: m.orgId,
        orgName: orgs.get(m.orgId) ?? null,
        customerId: m.customerId,
        customerName: customers.get(m.customerId) ?? null,
        origin: m.origin,
        updatedAt: m.updatedAt,
        updatedBy: m.updatedBy
      }))
    },

    async listLearnedEquivalences() {
      return listLearned(ctx.db)
    },

    async removeLearnedEquivalence({ a, b }) {
      const found = listLearned(ctx.db).find((e) => (e.a === a && e.b === b) || (e.a === b && e.b === a))
      if (!found || !removeLearned(ctx.db, a, b))
        throw new AppError('not-found', `'${a}' = '${b}' is not a learned equivalence.`)
      audit('matching.forget', { a: found.a, b: found.b })
      return { message: `Forgot that '${found.shownA}' = '${found.shownB}'` }
    }
  }
}
