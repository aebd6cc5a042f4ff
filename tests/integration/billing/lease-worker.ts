// Holds the billing-run lease of a data dir, as a running `psa-bridge sync` would, until it is killed
// (lease-takeover.test.ts SIGKILLs it at exactly this point).
import { acquireLease } from '../../../src/main/core/lease'
import { openDatabase } from '../../../src/main/db/connection'

const db = openDatabase(process.argv[2]!)
const lease = acquireLease(db, 'billingRun', () => new Date())
process.stdout.write(lease ? 'held\n' : 'refused\n')
setInterval(() => undefined, 60_000)
