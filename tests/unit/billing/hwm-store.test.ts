import fc from 'fast-check'
import { DateTime } from 'luxon'
import { afterEach, describe, expect, it } from 'vitest'
import { computeHwm, type Metric, type UsageSnapshot } from '../../../src/main/billing/hwm'
import { pruneSamples, rebuildStep, retargetBuckets } from '../../../src/main/billing/hwm-buckets'
import { loadBillingSettings, storeBillingSettings } from '../../../src/main/billing/store'
import { monthHwms, orgMonthHwm, recordSample } from '../../../src/main/billing/usage-store'
import { openDatabase, type Db } from '../../../src/main/db/connection'
import { migrate } from '../../../src/main/db/migrate'
import { migrations } from '../../../src/main/db/migrations'
import { SOURCE_KINDS, type SourceKind } from '../../../src/shared/registry'

// The kept HWM (month and day rows updated per sample, re-bucketed on a zone change) must always equal a
// from-scratch computation over the raw samples, whatever the order, the zone and the DST or month edges.

const ZONES = ['America/New_York', 'Europe/Berlin', 'Australia/Sydney', 'Australia/Lord_Howe', 'UTC', 'Asia/Kolkata']
// Month starts and DST switches of those zones in 2026, in UTC; samples land within ±26 h of them.
const EDGES = [
  '2026-03-01T05:00:00Z',
  '2026-03-08T07:00:00Z',
  '2026-03-29T01:00:00Z',
  '2026-04-01T00:00:00Z',
  '2026-04-04T15:00:00Z',
  '2026-10-03T16:00:00Z',
  '2026-10-25T01:00:00Z',
  '2026-10-31T13:00:00Z',
  '2026-11-01T06:00:00Z',
  '2026-12-31T23:30:00Z'
].map((s) => Date.parse(s))
const ORGS = ['org-a', 'org-b', "o'c"]

const dbs: Db[] = []
afterEach(() => {
  for (const db of dbs.splice(0)) db.close()
})

function freshDb(upTo = migrations.length): Db {
  const db = openDatabase(':memory:')
  dbs.push(db)
  migrate(db, migrations.slice(0, upTo))
  const at = new Date().toISOString()
  // Every source kind this schema knows (the first migrations know JumpCloud only).
  const known = upTo >= 6 ? SOURCE_KINDS : ['jumpcloud']
  for (const kind of known)
    db.prepare(
      "INSERT INTO integrations (kind, role, display_name, settings_json, created_at, updated_at) VALUES (?, 'source', ?, '{}', ?, ?)"
    ).run(kind, kind, at, at)
  return db
}

function setZone(db: Db, zone: string): void {
  storeBillingSettings(db, { ...loadBillingSettings(db), timeZone: zone }, new Date())
  retargetBuckets(db, zone)
}

function finishRebuild(db: Db): void {
  while (rebuildStep(db));
}

/** The raw samples; with several sources, each source's org ids are keyed `source/org` (ids are per source). */
function rawSamples(db: Db): UsageSnapshot[] {
  return (
    db.prepare('SELECT source_kind, org_id, metric, count, taken_at FROM usage_snapshots').all() as Array<{
      source_kind: string
      org_id: string
      metric: Metric
      count: number
      taken_at: string
    }>
  ).map((r) => ({ orgId: `${r.source_kind}/${r.org_id}`, metric: r.metric, count: r.count, takenAt: r.taken_at }))
}

type Row = {
  org: string
  metric: string
  key: string
  hwm: number
  points: number
  first: string
  last: string
  peak: string
}
const sortRows = (rows: Row[]) =>
  rows.sort((a, b) => (a.key + a.org + a.metric).localeCompare(b.key + b.org + b.metric))

function keptRows(db: Db, table: 'months' | 'days'): Row[] {
  const key = table === 'months' ? 'month' : 'day'
  return sortRows(
    db
      .prepare(
        `SELECT source_kind || '/' || org_id AS org, metric, ${key} AS key, hwm, points, first_at AS first, last_at AS last, peak_at AS peak FROM usage_hwm_${table}`
      )
      .all() as Row[]
  )
}

/** From scratch: computeHwm for months; the same grouping by local day for the chart rows. */
function expectedRows(samples: UsageSnapshot[], zone: string, table: 'months' | 'days'): Row[] {
  if (table === 'months')
    return sortRows(
      [...computeHwm(samples, zone).values()].map((r) => ({
        org: r.orgId,
        metric: r.metric,
        key: r.month,
        hwm: r.hwm,
        points: r.points,
        first: r.firstAt,
        last: r.lastAt,
        peak: r.peakAt
      }))
    )
  const byDay = new Map<string, Row>()
  for (const s of samples) {
    const key = DateTime.fromISO(s.takenAt, { zone }).toFormat('yyyy-MM-dd')
    const id = JSON.stringify([s.orgId, s.metric, key])
    const r = byDay.get(id)
    const at = s.takenAt
    if (!r)
      byDay.set(id, { org: s.orgId, metric: s.metric, key, hwm: s.count, points: 1, first: at, last: at, peak: at })
    else {
      r.points += 1
      if (at < r.first) r.first = at
      if (at > r.last) r.last = at
      if (s.count > r.hwm || (s.count === r.hwm && at < r.peak)) [r.hwm, r.peak] = [s.count, at]
    }
  }
  return sortRows([...byDay.values()])
}

const sampleOp = fc.record({
  kind: fc.constant('sample' as const),
  source: fc.constantFrom<SourceKind>(...SOURCE_KINDS),
  org: fc.constantFrom(...ORGS),
  metric: fc.constantFrom<Metric>('users', 'devices'),
  count: fc.integer({ min: 0, max: 8 }), // few values: ties decide the peak instant often
  at: fc.tuple(fc.constantFrom(...EDGES), fc.integer({ min: -26 * 60, max: 26 * 60 })).map(([e, m]) => e + m * 60_000)
})
const zoneOp = fc.record({
  kind: fc.constant('zone' as const),
  zone: fc.constantFrom(...ZONES),
  /** How many months of the rebuild run before the next operations (the rest runs at the end). */
  steps: fc.integer({ min: 0, max: 3 })
})
/** A screen reading mid-stream: the rebuild finishes first (the app awaits ensureHwmBuckets before any read). */
const readOp = fc.record({ kind: fc.constant('read' as const) })

/** Every month's HWMs as the read paths give them equal the from-scratch ones, and unknown ones are null. */
function expectReadsMatch(db: Db, zone: string): void {
  const scratch = computeHwm(rawSamples(db), zone)
  const months = new Set([...scratch.values()].map((r) => r.month))
  for (const month of months) {
    const read = monthHwms(db, month)
    for (const source of SOURCE_KINDS)
      for (const org of ORGS) {
        const id = `${source}/${org}`
        const want = (metric: Metric) => scratch.get(JSON.stringify([id, metric, month]))?.hwm ?? null
        expect({ id, month, users: read.get(source, org, 'users'), devices: read.get(source, org, 'devices') }).toEqual(
          { id, month, users: want('users'), devices: want('devices') }
        )
        expect(orgMonthHwm(db, source, org, month)).toEqual({ users: want('users'), devices: want('devices') })
      }
  }
}

describe('kept HWM', () => {
  it('equals a from-scratch recomputation over random sample streams, zone changes and partial rebuilds', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.array(
          fc.oneof(
            { weight: 6, arbitrary: sampleOp },
            { weight: 1, arbitrary: zoneOp },
            { weight: 1, arbitrary: readOp }
          ),
          { maxLength: 60 }
        ),
        (zone0, ops) => {
          const db = freshDb()
          setZone(db, zone0)
          let zone = zone0
          for (const op of ops) {
            if (op.kind === 'sample') recordSample(db, op.source, op.org, op.metric, op.count, new Date(op.at), 'sync')
            else if (op.kind === 'read') {
              finishRebuild(db)
              expectReadsMatch(db, zone)
            } else {
              setZone(db, (zone = op.zone))
              for (let i = 0; i < op.steps; i++) rebuildStep(db)
            }
          }
          finishRebuild(db)
          const raw = rawSamples(db)
          expect(keptRows(db, 'months')).toEqual(expectedRows(raw, zone, 'months'))
          expect(keptRows(db, 'days')).toEqual(expectedRows(raw, zone, 'days'))
          expectReadsMatch(db, zone)
          db.close()
          dbs.pop()
        }
      ),
      { numRuns: 100 }
    )
    // 100 random streams with a from-scratch check at every read: a few seconds of CPU, far more wall on a busy machine.
  }, 120_000)

  it('reads every HWM of a month in one query, unknown as null, and one org by key', () => {
    const db = freshDb()
    setZone(db, 'America/New_York')
    recordSample(db, 'jumpcloud', 'org-a', 'users', 7, '2026-03-31T23:30:00-04:00', 'sync')
    recordSample(db, 'jumpcloud', 'org-a', 'users', 9, '2026-04-01T04:00:00Z', 'sync') // 00:00 in New York: April
    recordSample(db, 'jumpcloud', 'org-b', 'devices', 0, '2026-03-10T12:00:00Z', 'sync')
    const march = monthHwms(db, '2026-03')
    expect([
      march.get('jumpcloud', 'org-a', 'users'),
      march.get('jumpcloud', 'org-b', 'devices'),
      march.get('jumpcloud', 'org-b', 'users')
    ]).toEqual([
      7,
      0, // a recorded 0 is a real 0
      null
    ])
    expect(orgMonthHwm(db, 'jumpcloud', 'org-a', '2026-04')).toEqual({ users: 9, devices: null })
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT source_kind, metric, group_concat(org_id, char(31)), group_concat(hwm)
         FROM usage_hwm_months WHERE month = ? GROUP BY source_kind, metric`
      )
      .all('2026-03') as Array<{ detail: string }>
    // monthHwms' query: one index search holding every column it reads, already in group order (no sort).
    const detail = plan.map((p) => p.detail).join(' ')
    expect(detail).toMatch(/SEARCH usage_hwm_months USING COVERING INDEX usage_hwm_months_read \(month=\?\)/)
    expect(detail).not.toMatch(/TEMP B-TREE/)
  })

  it("reads a month back exactly whatever the org ids hold (commas, quotes, the joined read's separator)", () => {
    const db = freshDb()
    const ids = ['a,b', "o'c", 'x\x1fy', ' ', '12', 'é,ü']
    ids.forEach((id, i) =>
      recordSample(db, 'jumpcloud', id, i % 2 ? 'devices' : 'users', 100 + i, '2026-03-10T12:00:00Z', 'sync')
    )
    const march = monthHwms(db, '2026-03')
    expect(ids.map((id, i) => march.get('jumpcloud', id, i % 2 ? 'devices' : 'users'))).toEqual(
      ids.map((_, i) => 100 + i)
    )
    expect(ids.map((id, i) => march.get('jumpcloud', id, i % 2 ? 'users' : 'devices'))).toEqual(ids.map(() => null))
    // Without the separator in any id, the joined read gives the same answers.
    const db2 = freshDb()
    const plain = ids.filter((id) => !id.includes('\x1f'))
    plain.forEach((id, i) => recordSample(db2, 'jumpcloud', id, 'users', i * 3, '2026-03-10T12:00:00Z', 'sync'))
    const again = monthHwms(db2, '2026-03')
    expect(plain.map((id) => again.get('jumpcloud', id, 'users'))).toEqual(plain.map((_, i) => i * 3))
  })

  it('refuses a bad sample without writing anything', () => {
    const db = freshDb()
    expect(() => recordSample(db, 'jumpcloud', 'org-a', 'users', -1, '2026-03-01T00:00:00Z', 'sync')).toThrow(
      /whole number/
    )
    expect(() => recordSample(db, 'jumpcloud', 'org-a', 'users', 1.5, '2026-03-01T00:00:00Z', 'sync')).toThrow(
      /whole number/
    )
    expect(() => recordSample(db, 'jumpcloud', 'org-a', 'users', 1, '2026-03-01T00:00:00', 'sync')).toThrow(/offset/)
    expect(() => recordSample(db, 'jumpcloud', 'org-a', 'users', 1, '2026-03-01T00:00:00Z', 'Bad Origin')).toThrow(
      /origin/
    )
    expect(rawSamples(db)).toEqual([])
    expect(keptRows(db, 'months')).toEqual([])
  })

  it('prunes raw samples to whole months; a later zone change rebuilds only the months it still has samples for', () => {
    const db = freshDb()
    setZone(db, 'UTC')
    for (const [m, count] of [
      ['01', 5],
      ['02', 6],
      ['03', 7],
      ['04', 3],
      ['05', 4],
      ['06', 2]
    ] as const) {
      recordSample(db, 'jumpcloud', 'org-a', 'users', count, `2026-${m}-01T02:00:00Z`, 'sync')
      recordSample(db, 'jumpcloud', 'org-a', 'users', count - 1, `2026-${m}-15T12:00:00Z`, 'sync')
    }
    expect(pruneSamples(db, new Date('2026-06-20T00:00:00Z'), 92)).toBe(4) // January and February go
    const kept = rawSamples(db)
    expect(kept.every((s) => s.takenAt >= '2026-03-01')).toBe(true)
    setZone(db, 'America/New_York') // each month's 02:00Z sample moves to the previous month here
    finishRebuild(db)
    const hwm = (m: string) => monthHwms(db, m).get('jumpcloud', 'org-a', 'users')
    // January–March keep what they had: March's own 02:00Z sample is gone from New York's March, which
    // starts with pruned hours, so it is not rebuilt.
    expect([hwm('2026-01'), hwm('2026-02'), hwm('2026-03')]).toEqual([5, 6, 7])
    // April onwards are rebuilt exactly from the samples: April gets May's 1st-of-month 4 (02:00Z = 22:00 EDT).
    const scratch = computeHwm(
      kept.filter((s) => s.takenAt >= '2026-04-01T04:00:00Z'),
      'America/New_York'
    )
    for (const m of ['2026-04', '2026-05', '2026-06'])
      expect(hwm(m)).toBe(scratch.get(JSON.stringify(['jumpcloud/org-a', 'users', m]))?.hwm ?? null)
    expect(hwm('2026-04')).toBe(4)
  })

  it('migration 005 keeps every existing snapshot and builds their buckets on first use', () => {
    const db = freshDb(4)
    const ins = db.prepare(
      "INSERT INTO usage_snapshots (source_kind, org_id, metric, count, taken_at) VALUES ('jumpcloud', ?, ?, ?, ?)"
    )
    const before: UsageSnapshot[] = []
    for (let d = 0; d < 90; d++)
      for (const org of ORGS) {
        const s = { orgId: org, metric: 'users' as const, count: (d * 7 + org.length) % 23, takenAt: '' }
        s.takenAt = new Date(Date.UTC(2026, 1, 1) + d * 86_400_000 + 3_600_000 * (d % 24)).toISOString()
        ins.run(s.orgId, s.metric, s.count, s.takenAt)
        before.push({ ...s, orgId: `jumpcloud/${org}` })
      }
    migrate(db, migrations)
    finishRebuild(db) // the app does this through ensureHwmBuckets before the first HWM read
    expect(rawSamples(db).length).toBe(before.length)
    const zone = loadBillingSettings(db).timeZone
    expect(keptRows(db, 'months')).toEqual(expectedRows(before, zone, 'months'))
    expect(keptRows(db, 'days')).toEqual(expectedRows(before, zone, 'days'))
  })
})
