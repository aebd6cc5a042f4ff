import { flatten } from './fields'
import { customerLabel } from './subjects'
import type { AuditCatalog } from './types'

type TicketingMethods =
  'saveTicketingSettings' | 'saveSourceTicketing' | 'sendTestTicket' | 'acknowledgeGroup' | 'snoozeGroup'

export const ticketingAudit: Pick<AuditCatalog, TicketingMethods> = {
  saveTicketingSettings: {
    kind: 'ticketing',
    read: async (r) => ({
      subject: 'ticketing settings',
      fields: flatten((await r.handlers.getTicketingSettings({})).settings)
    })
  },
  saveSourceTicketing: {
    kind: 'ticketing',
    read: async (r, i) => ({
      subject: `ticketing settings of ${i.source}`,
      fields: flatten((await r.handlers.getSourceTicketing({ source: i.source })).settings)
    })
  },
  sendTestTicket: {
    kind: 'ticketing',
    read: (r, i) => ({ subject: `test ticket for ${customerLabel(r, i.customerId)}`, fields: {} }),
    facts: (i, o) => ({ 'alert type': i.alertType, ticket: o.ticketNumber ?? o.ticketId })
  },
  acknowledgeGroup: {
    kind: 'ticketing',
    subject: (i) => `alert group ${i.groupKey}`,
    facts: (i) => ({ acknowledged: i.acknowledged })
  },
  snoozeGroup: {
    kind: 'ticketing',
    subject: (i) => `alert group ${i.groupKey}`,
    facts: (i) => ({ 'snoozed until': i.until })
  }
}
