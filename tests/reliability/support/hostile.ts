import { createHash } from 'node:crypto'
import Database from 'better-sqlite3'
import fc from 'fast-check'
import { z } from 'zod'
import { ERROR_CODES, type Envelope } from '../../../src/shared/errors'

// Hostile values shared by the property tests: the fixed list of nasty names, and arbitraries that are
// either any JSON or shaped like a method's input (its own keys, hostile values).

export const NASTY_NAMES = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  'Acme \u202eCorp\u202c LLC',
  'Café 🦄 Ünïcödé 👨‍👩‍👧',
  'x'.repeat(10_240),
  'NUL\u0000inside',
  "=cmd|' /C calc'!A0",
  '@SUM(1+1)',
  '+1',
  '-1',
  '=HYPERLINK("http://evil.example","click")',
  '\tTAB',
  '\r\nCRLF'
]

const hostileScalar = fc.oneof(
  fc.constantFrom<unknown>(...NASTY_NAMES, 0, -1, -0, 1e308, -1e308, 2 ** 53 + 1, 0.5, '', ' ', null, true, false),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double()
)
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileScalar },
  { weight: 1, arbitrary: fc.array(hostileScalar, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 1, arbitrary: fc.constant({ __proto__: { polluted: true }, constructor: { prototype: {} } }) }
)

/** Keys of an object schema (through defaults/optionals), so mutations keep the method's own field names. */
function keysOf(schema: z.ZodType): string[] {
  const s = schema as unknown as { shape?: Record<string, unknown>; def?: { innerType?: z.ZodType } }
  if (s.shape) return Object.keys(s.shape)
  if (s.def?.innerType) return keysOf(s.def.innerType)
  return []
}

/** Any JSON, or an object with the schema's keys (some left out) holding hostile values. */
export function hostileInput(schema: z.ZodType): fc.Arbitrary<unknown> {
  const keys = keysOf(schema)
  const shaped = keys.length
    ? fc.record(Object.fromEntries(keys.map((k) => [k, hostileValue])), { requiredKeys: [] })
    : fc.constant({})
  return fc.oneof(fc.jsonValue({ maxDepth: 3 }), shaped, hostileValue)
}

/** A digest of every row of every table: equal digests = nothing written. */
export function dbDigest(dbFile: string): string {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true })
  try {
    const h = createHash('sha256')
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{
      name: string
    }>
    for (const { name } of tables) {
      h.update(name)
      for (const row of db.prepare(`SELECT * FROM "${name}"`).raw().iterate())
        h.update(JSON.stringify(row, (_, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v)))
    }
    return h.digest('hex')
  } finally {
    db.close()
  }
}

/** Resolves the envelope, or rejects when the call takes longer than `ms` (a hang). */
export async function withinMs<T>(ms: number, what: string, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no reply within ${ms} ms`)), ms)
  })
  try {
    return await Promise.race([p, hang])
  } finally {
    clearTimeout(timer)
  }
}

/** The shape every refusal must have: a known code other than "internal" (a crash) and a message saying why. */
export function isClearRefusal(env: Envelope<unknown>): boolean {
  if (env.ok) return true
  const e = env.error
  return ERROR_CODES.includes(e.code) && e.code !== 'internal' && typeof e.message === 'string' && e.message.length > 0
}
