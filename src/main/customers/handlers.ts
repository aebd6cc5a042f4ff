import { AppError } from '../../shared/errors'
import type { Handlers } from '../../shared/contract'
import { anyOf, kindLabel, PSA_KINDS, SOURCE_KINDS } from '../../shared/registry'
import type { PsaKind, SourceKind } from '../connectors/types'
import type { AppContext } from '../core/context'
import { recordActivity } from '../core/activity'
import { openSession, type Session } from '../connect/session'
import { orgKey } from '../../shared/contract/org-ref'
import {
  dropMapping,
  getCustomer,
  loadCatchAll,
  loadCustomerNames,
  loadCustomers,
  loadMappings,
  loadOrg,
  loadOrgs,
  putCustomer,
  putMapping,
  saveCatchAll,
  saveCustomers,
  saveOrgs,
  setCustomerIgnored,
  setOrgFlag
} from './store'
import { learnedLookup, learnFromMapping, listLearned, removeLearned } from './learned'
import { suggestMatches, type Suggestion } from './suggest'
import { buildCustomersView, computeSuggestions } from './view'
import type { DeviceEvidence } from './device-evidence'
import { withProgress, type ProgressReporter } from '../core/progress'

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
  | 'setCustomerIgnored'
  | 'listMappings'
  | 'listLearnedEquivalences'
  | 'removeLearnedEquivalence'
>

/** What other domains do when an org changes here; the app layer wires it, so customers imports no other domain. */
export interface CustomerHooks {
  /** Runs inside the transaction that disables the org: its rows elsewhere (billing mappings) go with its mappings. */
  orgDisabled(source: SourceKind, orgId: string): void
  /** Device overlap of one source's orgs (from the assets the app layer knows); `key` changes whenever the evidence may have. */
  deviceEvidence?(psa: PsaKind, source: SourceKind): { key: string; evidence: readonly DeviceEvidence[] }
}

interface OrgRef {
  source: SourceKind
  orgId: string
}

export function createCustomerHandlers(ctx: AppContext, hooks: CustomerHooks): CustomerHandlers {
  // Suggestions run per source and are recomputed only after something they depend on changed.
  // The learned words are part of the key: a config import (another domain's handler) may replace them.
  const cache = new Map<string, { version: number; learned: string; devices: string; value: Map<string, Suggestion> }>()
  let version = 0
  const changed = () => void version++

  const suggestions = (psa: PsaKind, source: SourceKind): Map<string, Suggestion> => {
    const learned = learnedLookup(ctx.db)
    const learnedKey = [...learned].sort().join(',')
    const devices = hooks.deviceEvidence?.(psa, source) ?? { key: '', evidence: [] }
    const key = `${psa}|${source}`
    const hit = cache.get(key)
    if (hit && hit.version === version && hit.learned === learnedKey && hit.devices === devices.key) return hit.value
    const mappings = loadMappings(ctx.db, psa, source)
    const value = computeSuggestions(
      loadOrgs(ctx.db, source),
      loadCustomers(ctx.db, psa),
      new Set(mappings.map((m) => m.orgId)),
      new Set(mappings.map((m) => m.customerId)),
      learned,
      devices.evidence
    )
    cache.set(key, { version, learned: learnedKey, devices: devices.key, value })
    return value
  }

  const requireOrg = ({ source, orgId }: OrgRef) => {
    const org = loadOrg(ctx.db, source, orgId) // one row by key: O(1) in the number of orgs
    if (!org)
      throw new AppError('not-found', `That ${kindLabel(source)} organization is not in the list.`, {
        hint: `Refresh data from ${kindLabel(source)}.`
      })
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

  /** Reads every connected source's orgs; says which were read. */
  const refreshSources = async (s: Session, p: ProgressReporter, total: number): Promise<number> => {
    let orgs = 0
    for (const [i, source] of s.sources.entries()) {
      p.step(`Reading organizations from ${kindLabel(source)}`, i, total)
      const list = await (await s.source(source)).listOrganizations()
      saveOrgs(ctx.db, source, list, now())
      orgs += list.length
    }
    return orgs
  }

  return {
    async listCustomerNames() {
      const psa = openSession(ctx).psaKind
      return { psa, customers: psa ? loadCustomerNames(ctx.db, psa) : [] }
    },

    async getCustomersView() {
      const s = openSession(ctx)
      const catchAll = s.psaKind ? loadCatchAll(ctx.db, s.psaKind) : null
      return buildCustomersView(ctx.db, s.psaKind, s.sources, suggestions, catchAll)
    },

    async refreshData({ from }) {
      // "both" refreshes whichever side is connected and says what it skipped; asking for one side that is
      // not connected is an error.
      const s = openSession(ctx)
      const psaKind = s.psaKind
      const sourceOn = s.sources.length > 0
      const skipped: string[] = []
      let wantSource = from !== 'psa'
      let wantPsa = from !== 'source'
      if (from === 'both' && (sourceOn || psaKind)) {
        if (!psaKind) skipped.push('customers (no PSA is connected yet)')
        if (!sourceOn) skipped.push('organizations (no source is connected yet)')
        wantSource = sourceOn
        wantPsa = !!psaKind
      }
      if (wantSource && !sourceOn)
        throw new AppError('config', 'No source is connected yet.', {
          hint: `Connect ${anyOf(SOURCE_KINDS)} first.`
        })
      const total = (wantSource ? s.sources.length : 0) + Number(wantPsa)
      let orgs: number | null = null
      let customers: number | null = null
      await withProgress(ctx.events, 'refresh', async (p) => {
        if (wantSource) orgs = await refreshSources(s, p, total)
        if (wantPsa) {
          p.step('Reading customers', wantSource ? s.sources.length : 0, total)
          const { kind, connector } = await s.psa()
          const list = await connector.listCustomers()
          saveCustomers(ctx.db, kind, list, now())
          customers = list.length
        }
      })
      changed()
      const parts = [
        orgs !== null ? `${orgs} organizations` : null,
        customers !== null ? `${customers} customers` : null
      ].filter(Boolean)
      const message = `Refreshed ${parts.join(' and ')}${skipped.length ? `; skipped ${skipped.join(' and ')}` : ''}.`
      return { orgs, customers, message }
    },

    async mapOrg({ source, orgId, customerId }) {
      const psa = openSession(ctx).requirePsaKind()
      const org = requireOrg({ source, orgId })
      const c = requireCustomer(psa, customerId)
      const at = now()
      ctx.db.transaction(() => {
        putMapping(ctx.db, { psa, source, orgId, customerId, origin: 'manual', actor: 'user', now: at })
        learnFromMapping(ctx.db, org.name, c.name, at)
      })()
      changed()
      return { message: `${org.name} is mapped to ${c.name}` }
    },

    async unmapOrg({ source, orgId }) {
      const psa = openSession(ctx).requirePsaKind()
      const org = requireOrg({ source, orgId })
      if (!dropMapping(ctx.db, { psa, source, orgId, actor: 'user', now: now() }))
        throw new AppError('not-found', `${org.name} is not mapped.`)
      changed()
      return { message: `${org.name} is no longer mapped` }
    },

    async acceptSuggestion({ source, orgId }) {
      const psa = openSession(ctx).requirePsaKind()
      const org = requireOrg({ source, orgId })
      const s = suggestions(psa, source).get(orgId)
      if (!s) throw new AppError('not-found', `There is no suggestion for ${org.name} any more.`)
      const c = requireCustomer(psa, s.customerId)
      const at = now()
      ctx.db.transaction(() => {
        putMapping(ctx.db, {
          psa,
          source,
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

    async acceptAllSuggestions({ source: only }) {
      const session = openSession(ctx)
      const psa = session.requirePsaKind()
      const sources = only ? [session.requireSource(only)] : session.sources
      const confident = sources.flatMap((source) =>
        [...suggestions(psa, source).values()].filter((s) => s.confident).map((s) => ({ source, s }))
      )
      const at = now()
      ctx.db.transaction(() => {
        for (const { source, s } of confident)
          putMapping(ctx.db, {
            psa,
            source,
            orgId: s.orgId,
            customerId: s.customerId,
            origin: 'suggestion',
            score: s.score,
            actor: 'user',
            now: at
          })
      })()
      changed()
      audit('mapping.acceptAll', { accepted: confident.length, ...(only ? { source: only } : {}) })
      return {
        accepted: confident.length,
        message: `Accepted ${confident.length} suggestion${confident.length === 1 ? '' : 's'}`
      }
    },

    async setOrgIgnored({ source, orgId, ignored }) {
      const org = requireOrg({ source, orgId })
      setOrgFlag(ctx.db, source, orgId, 'ignored', ignored)
      changed()
      audit(ignored ? 'org.ignored' : 'org.unignored', { source, orgId })
      return { message: ignored ? `${org.name} is ignored` : `${org.name} is no longer ignored` }
    },

    async setOrgDisabled({ source, orgId, disabled }) {
      const org = requireOrg({ source, orgId })
      ctx.db.transaction(() => {
        if (disabled) {
          for (const psa of PSA_KINDS)
            dropMapping(ctx.db, { psa, source, orgId, actor: 'user', now: now(), action: 'disabled' })
          hooks.orgDisabled(source, orgId)
        }
        setOrgFlag(ctx.db, source, orgId, 'disabled', disabled)
      })()
      changed()
      audit(disabled ? 'org.disabled' : 'org.enabled', { source, orgId })
      return {
        message: disabled
          ? `${org.name} is disabled: its mappings were removed and it is no longer synced`
          : `${org.name} is enabled`
      }
    },

    async createCustomerForOrg({ source, orgId, confirmSimilar }) {
      const org = requireOrg({ source, orgId })
      const { kind, connector } = await openSession(ctx).psa()
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
      putMapping(ctx.db, {
        psa: kind,
        source,
        orgId,
        customerId: created.id,
        origin: 'created',
        actor: 'user',
        now: at
      })
      changed()
      audit('customer.created', { source, orgId, customerId: created.id })
      return { customerId: created.id, message: `Created "${created.name}" in the PSA and mapped ${org.name} to it` }
    },

    async setCatchAllCustomer({ customerId }) {
      const psa = openSession(ctx).requirePsaKind()
      if (customerId === null) {
        saveCatchAll(ctx.db, psa, null, ctx.now())
        return { message: 'No catch-all customer: alerts of unmapped organizations wait for a mapping' }
      }
      const c = requireCustomer(psa, customerId)
      saveCatchAll(ctx.db, psa, customerId, ctx.now())
      audit('catchAll.set', { customerId })
      return { message: `Alerts of unmapped organizations go to ${c.name}` }
    },

    async setCustomerIgnored({ customerId, ignored }) {
      const psa = openSession(ctx).requirePsaKind()
      const c = getCustomer(ctx.db, psa, customerId)
      if (!c || !setCustomerIgnored(ctx.db, psa, customerId, ignored))
        throw new AppError('not-found', 'That customer is not in the list. Refresh data from the PSA.')
      changed()
      audit(ignored ? 'customer.ignored' : 'customer.unignored', { customerId })
      return {
        message: ignored
          ? `${c.name} is ignored: no organization of any source is suggested for it`
          : `${c.name} is no longer ignored`
      }
    },

    async listMappings() {
      const psa = openSession(ctx).psaKind
      if (!psa) return []
      const orgs = new Map(loadOrgs(ctx.db).map((o) => [orgKey({ source: o.source, orgId: o.id }), o.name]))
      const customers = new Map(loadCustomers(ctx.db, psa).map((c) => [c.id, c.name]))
      return loadMappings(ctx.db, psa).map((m) => ({
        source: m.source,
        orgId: m.orgId,
        orgName: orgs.get(orgKey(m)) ?? null,
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
