import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../../src/main/db/connection'
import { migrate } from '../../../src/main/db/migrate'
import { migrations } from '../../../src/main/db/migrations'
import { acquireCycleLease, LEASE_TTL_MS } from '../../../src/main/ticketing/lease'
import { useTempDirs } from '../../helpers/tmp'

const tmp = useTempDirs()

describe('alert cycle lease across processes (two connections to one database file)', () => {
  it('is exclusive while held, free after release, and taken over once a dead holder lets it expire', () => {
    const file = join(tmp(), 'app.db')
    const a = openDatabase(file)
    migrate(a, migrations)
    const b = openDatabase(file)
    let t = Date.parse('2026-05-01T10:00:00Z')
    const now = () => new Date(t)
    try {
      const first = acquireCycleLease(a, now)
      expect(first).not.toBeNull()
      expect(acquireCycleLease(b, now)).toBeNull()
      first!.release()
      const second = acquireCycleLease(b, now)
      expect(second).not.toBeNull()

      // The holder "crashes" (never releases): the lease blocks until its TTL has passed, then is taken over.
      t += LEASE_TTL_MS - 1
      expect(acquireCycleLease(a, now)).toBeNull()
      t += 2
      const third = acquireCycleLease(a, now)
      expect(third).not.toBeNull()
      // The late release of the dead holder does not free the new holder's lease.
      second!.release()
      expect(acquireCycleLease(b, now)).toBeNull()
      third!.release()
    } finally {
      a.close()
      b.close()
    }
  })
})
