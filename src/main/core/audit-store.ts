import { z } from 'zod'
import {
  AuditChangeSchema,
  type AuditChange,
  type AuditFilter,
  type AuditKind,
  type AuditRow,
  type Door
} from '../../shared/contract/audit'
import type { Db } from '../db/connection'
import { prepared } from '../db/prepared'

export interface NewAuditRow {
  at: string
  door: Door
  kind: AuditKind
  method: string
  subject: string
  changes: AuditChange[]
}

export function insertAudit(db: Db, r: NewAuditRow): void {
  prepared(db, 'INSERT INTO audit_log (at, door, kind, method, subject, changes_json) VALUES (?, ?, ?, ?, ?, ?)').run(
    r.at,
    r.door,
    r.kind,
    r.method,
    r.subject,
    JSON.stringify(r.changes)
  )
}

const Changes = z.array(AuditChangeSchema)

/** Rows matching the filter, newest first, and how many match in all (the list shows a page of them). */
export function queryAudit(db: Db, f: AuditFilter & { limit: number }): { rows: AuditRow[]; total: number } {
  const where: string[] = []
  const args: unknown[] = []
  // Times are stored as UTC ISO strings; a filter with an offset is normalised so text order is time order.
  const add = (sql: string, ...values: unknown[]) => {
    where.push(sql)
    args.push(...values)
  }
  if (f.since) add('at >= ?', new Date(f.since).toISOString())
  if (f.until) add('at < ?', new Date(f.until).toISOString())
  if (f.kinds?.length) add(`kind IN (${f.kinds.map(() => '?').join(', ')})`, ...f.kinds)
  if (f.door) add('door = ?', f.door)
  if (f.search) {
    const like = `%${f.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    add("(subject || ' ' || method || ' ' || changes_json) LIKE ? ESCAPE '\\'", like)
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : ''
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM audit_log ${clause}`).get(...args) as { n: number }).n
  const rows = db
    .prepare(
      `SELECT id, at, door, kind, method, subject, changes_json FROM audit_log ${clause} ORDER BY at DESC, id DESC LIMIT ?`
    )
    .all(...args, f.limit) as Array<Omit<AuditRow, 'changes'> & { changes_json: string }>
  return {
    total,
    rows: rows.map(({ changes_json, ...r }) => ({ ...r, changes: Changes.parse(JSON.parse(changes_json)) }))
  }
}
