import type { Handlers } from '../../shared/contract'
import { AppError, isAppError } from '../../shared/errors'
import type { TicketingSettings, TicketingView } from '../../shared/contract/ticketing'
import { recordActivity } from '../core/activity'
import type { AppContext } from '../core/context'
import { openSession } from '../connect/session'
import { getCustomer } from '../customers/store'
import { ALERT_TYPES } from './alert-types'
import { runAlertCycle } from './cycle'
import { newMarker } from './delivery'
import { isSeveritySource } from './severity-settings'
import { buildTestTicket } from './test-ticket'
import { LAG_MS } from './intake'
import { ticketMetadata } from './metadata'
import {
  loadCachedMetadata,
  loadPollState,
  loadTicketingSettings,
  savePollState,
  requirementProblems,
  saveTicketingSettings,
  settingsProblems,
  ticketingSettingsProblem
} from './settings'
import { deleteIntent, groupExists, insertIntent, markTicketOpen, requeueAttention, upsertGroup } from './store'
import { alertList, alertTickets } from './views'

type TicketingHandlers = Pick<
  Handlers,
  | 'getTicketingSettings'
  | 'saveTicketingSettings'
  | 'refreshTicketMetadata'
  | 'sendTestTicket'
  | 'listAlerts'
  | 'listAlertTickets'
  | 'acknowledgeGroup'
  | 'snoozeGroup'
  | 'pollAlertsNow'
>

/** Errors after which the PSA certainly created nothing (as opposed to a timeout or a lost reply). */
const DEFINITE_REFUSALS = new Set(['auth', 'permission', 'not-found', 'validation', 'config', 'rate-limited'])

export function createTicketingHandlers(ctx: AppContext): TicketingHandlers {
  /** The view; loads the PSA lists once when none are cached (an unreachable PSA is reported, not fatal). */
  async function view(refresh = false, session = openSession(ctx)): Promise<TicketingView> {
    const psa = session.psaKind
    const settings = loadTicketingSettings(ctx.db, psa)
    let choicesError: string | null = null
    if (psa && (refresh || !loadCachedMetadata(ctx.db, psa))) {
      try {
        await ticketMetadata(ctx, psa, (await session.psa()).connector, true)
      } catch (e) {
        if (refresh) throw e
        choicesError = isAppError(e) ? e.message : 'The PSA lists could not be read.'
      }
    }
    const cached = psa ? loadCachedMetadata(ctx.db, psa) : null
    const poll = loadPollState(ctx.db)
    return {
      psa,
      settings,
      alertTypes: ALERT_TYPES.map((t) => ({ id: t.id, label: t.label, eventTypes: [...t.eventTypes] })),
      choices: cached?.choices ?? null,
      choicesFetchedAt: cached?.fetchedAt ?? null,
      choicesError,
      problems: cached
        ? [...requirementProblems(settings, cached.choices), ...settingsProblems(settings, cached.choices)]
        : [],
      lastPoll: { at: poll.at, cursor: poll.cursor, error: poll.error }
    }
  }

  return {
    getTicketingSettings: () => view(),

    async saveTicketingSettings(input: TicketingSettings) {
      const session = openSession(ctx)
      const psa = session.requirePsaKind()
      const cached = loadCachedMetadata(ctx.db, psa)
      const problem = ticketingSettingsProblem(input, cached?.choices ?? null)
      if (problem) throw new AppError('validation', problem.message, { field: `${problem.scope}.${problem.field}` })
      const before = loadTicketingSettings(ctx.db, psa)
      const now = ctx.now()
      // Switching ticketing back on starts from now: what happened while it was off is not turned into a
      // burst of stale tickets (the very first switch-on still looks back FIRST_LOOKBACK_MS).
      const poll = loadPollState(ctx.db)
      if (input.enabled && !before.enabled && poll.cursor)
        savePollState(
          ctx.db,
          { ...poll, cursor: new Date(now.getTime() - LAG_MS).toISOString(), since: now.toISOString() },
          now
        )
      saveTicketingSettings(ctx.db, psa, input, now)
      // A setting changed: alerts parked for attention get another chance in the next cycle.
      requeueAttention(ctx.db)
      recordActivity(ctx.db, {
        actor: 'user',
        action: 'ticketing.settings.saved',
        at: now.toISOString(),
        detail: { psa, enabled: input.enabled }
      })
      return view(false, session)
    },

    async refreshTicketMetadata() {
      const v = await view(true)
      requeueAttention(ctx.db)
      return v
    },

    async sendTestTicket({ customerId, alertType, source, severity, eventType }) {
      const session = openSession(ctx)
      const psa = session.requirePsaKind()
      if (source !== undefined && !isSeveritySource(source))
        throw new AppError('validation', `"${source}" is not a source that raises alerts by severity.`, {
          field: 'source'
        })
      const { connector } = await session.psa()
      const now = ctx.now()
      const customer = getCustomer(ctx.db, psa, customerId)
      if (!customer)
        throw new AppError('validation', `No PSA customer has the id ${customerId}.`, {
          field: 'customerId',
          hint: 'Pick a customer from the list (Customers → Refresh data if it is new).'
        })
      // Everything that can refuse the call is checked before the intent row exists: an invalid call
      // must not leave a ticket "creating" in Activity.
      const marker = newMarker()
      const ticket = await buildTestTicket(ctx, psa, () => ticketMetadata(ctx, psa, connector), {
        customerId,
        customerName: customer.name,
        marker,
        alertType,
        severity: source ? { source, severity: severity ?? 'critical', eventType } : undefined
      })
      ticket.body = `This is a test ticket sent from PSA Bridge; it can be closed.\n\n${ticket.body}`
      const intent = insertIntent(ctx.db, {
        psa,
        groupKey: `test|${customerId}`,
        customerId,
        marker,
        isTest: true,
        at: now.toISOString()
      })
      let ref
      try {
        ref = await connector.createTicket(ticket)
      } catch (e) {
        // A refusal means nothing was created; only an unknown outcome keeps the row (its marker finds it).
        if (isAppError(e) && DEFINITE_REFUSALS.has(e.code)) deleteIntent(ctx.db, intent.id)
        throw e
      }
      markTicketOpen(ctx.db, intent.id, ref, ctx.now().toISOString())
      recordActivity(ctx.db, {
        actor: 'user',
        action: 'ticket.test',
        detail: { psa, customerId, ticketId: ref.id, ticketNumber: ref.number ?? null }
      })
      return {
        ticketId: ref.id,
        ticketNumber: ref.number ?? null,
        ticketUrl: ref.url ?? null,
        subject: ticket.subject,
        message: `Test ticket ${ref.number ?? ref.id} created for ${customer.name}.`
      }
    },

    listAlerts: async (q) => alertList(ctx.db, openSession(ctx).psaKind, ctx.now(), q),

    listAlertTickets: async ({ limit }) => alertTickets(ctx.db, limit),

    async acknowledgeGroup({ groupKey, acknowledged }) {
      if (!groupExists(ctx.db, groupKey))
        throw new AppError('not-found', 'No alerts of this group were seen.', { field: 'groupKey' })
      upsertGroup(
        ctx.db,
        groupKey,
        acknowledged
          ? { acknowledged_at: ctx.now().toISOString(), acknowledged_by: 'user' }
          : { acknowledged_at: null, acknowledged_by: null }
      )
      recordActivity(ctx.db, {
        actor: 'user',
        action: acknowledged ? 'alerts.acknowledged' : 'alerts.unacknowledged',
        detail: { groupKey }
      })
      return {
        message: acknowledged
          ? 'Acknowledged: repeats add no notes until the ticket is closed.'
          : 'Acknowledgement removed.'
      }
    },

    async snoozeGroup({ groupKey, until }) {
      if (!groupExists(ctx.db, groupKey))
        throw new AppError('not-found', 'No alerts of this group were seen.', { field: 'groupKey' })
      const iso = until ? new Date(until).toISOString() : null
      upsertGroup(ctx.db, groupKey, { snoozed_until: iso })
      recordActivity(ctx.db, { actor: 'user', action: 'alerts.snoozed', detail: { groupKey, until: iso } })
      return { message: iso ? `Snoozed until ${iso}.` : 'Snooze removed.' }
    },

    pollAlertsNow: ({ retryNow }) => runAlertCycle(ctx, { trigger: 'manual', retryNow })
  }
}
