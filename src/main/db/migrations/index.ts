import type { Migration } from '../migrate'
import m001 from './001-integrations'
import m002 from './002-customers'
import m003 from './003-billing'
import m004 from './004-ticketing'
import m005 from './005-usage-buckets'
import m006 from './006-more-kinds'
import m007 from './007-alert-attention'
import m008 from './008-assets'
import m009 from './009-learned-equivalences'
import m010 from './010-audit'
import m011 from './011-unit-price'
import m012 from './012-billing-intents'
import m013 from './013-billing-source'
import m014 from './014-orgs-by-source'
import m015 from './015-hwm-month-read'
import m016 from './016-alert-event-id'

// Append only. Never edit an entry once released: the runner refuses a changed checksum.
export const migrations: readonly Migration[] = [
  { id: 1, name: 'integrations', sql: m001 },
  { id: 2, name: 'customers', sql: m002 },
  { id: 3, name: 'billing', sql: m003 },
  { id: 4, name: 'ticketing', sql: m004 },
  { id: 5, name: 'usage-buckets', sql: m005 },
  { id: 6, name: 'more-kinds', sql: m006, rebuild: true },
  { id: 7, name: 'alert-attention', sql: m007, rebuild: true },
  { id: 8, name: 'assets', sql: m008 },
  { id: 9, name: 'learned-equivalences', sql: m009 },
  { id: 10, name: 'audit', sql: m010 },
  { id: 11, name: 'unit-price', sql: m011 },
  { id: 12, name: 'billing-intents', sql: m012 },
  { id: 13, name: 'billing-source', sql: m013 },
  { id: 14, name: 'orgs-by-source', sql: m014, rebuild: true },
  { id: 15, name: 'hwm-month-read', sql: m015 },
  { id: 16, name: 'alert-event-id', sql: m016 }
]
