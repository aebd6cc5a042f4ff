import type { Migration } from '../migrate'
import m001 from './001-integrations'

// Append only. Never edit an entry once released: the runner refuses a changed checksum.
export const migrations: readonly Migration[] = [{ id: 1, name: 'integrations', sql: m001 }]
