import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../../src/main/db/connection'
import { migrate } from '../../../src/main/db/migrate'
import { migrations } from '../../../src/main/db/migrations'
import { acquireLease, LEASE_TTL_MS, leaseHeld } from '../../../src/main/core/lease'
import { useTempDirs } from '../../helpers/tmp'

const tmp = useTempDirs()

describe('leases across processes (two connections to one database file)', () => {
  it('is exclusive while held, free after release, and taken over once a dead holder lets it expire', () => {
    const file = join(tmp(), 'app.db')
    const a = openDatabase(file)
    migrate(a, migrations)
    const b = openDatabase(file)
    let t = Date.parse('2026-05-01T10:00:00Z')
    const now = () => new Date(t)
    try {
      const first = acquireLease(a, 'alertCycle', now)
      expect(first).not.toBeNull()
      expect(acquireLease(b, 'alertCycle', now)).toBeNull()
      first!.release()
      const second = acquireLease(b, 'alertCycle', now)
      expect(second).not.toBeNull()

      // The holder "crashes" (never releases): the lease blocks until its TTL has passed, then is taken over.
      t += LEASE_TTL_MS - 1
      expect(acquireLease(a, 'alertCycle', now)).toBeNull()
      t += 2
      const third = acquireLease(a, 'alertCycle', now)
      expect(third).not.toBeNull()
      // The late release of the dead holder does not free the new holder's lease.
      second!.release()
      expect(acquireLease(b, 'alertCycle', now)).toBeNull()
      third!.release()

      // Leases are independent of each other, and leaseHeld tells whether someone holds one now.
      const billing = acquireLease(a, 'billingRun', now)
      expect(leaseHeld(b, 'billingRun', now())).toBe(true)
      expect(leaseHeld(b, 'alertCycle', now())).toBe(false)
      expect(acquireLease(b, 'alertCycle', now)).not.toBeNull()
      billing!.release()
      expect(leaseHeld(b, 'billingRun', now())).toBe(false)
    } finally {
      a.close()
      b.close()
    }
  })
})
