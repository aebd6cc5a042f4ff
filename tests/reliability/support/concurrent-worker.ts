// One process of the concurrency proof (concurrency.test.ts), as the desktop app or the service would run it: its own
// core on the shared data dir. 'writer' maps its own orgs round after round (and polls alerts now and then);
// 'syncer' pushes billing and polls alerts. Prints {failures, refused, writes} as JSON.
import { createApp } from '../../../src/main/app/app'

const [dataDir, role, spec] = process.argv.slice(2)
const plan = JSON.parse(spec!) as { rounds: number; orgs: string[]; customers: string[] }
const app = await createApp({ dataDir: dataDir!, env: process.env })
const failures: string[] = []
let refused = 0
let writes = 0
const check = (what: string, r: { ok: boolean; error?: { code: string; message: string } }) => {
  if (r.ok) return
  // Another process holding the run is the designed answer, not an error.
  if (r.error!.code === 'conflict') refused++
  else failures.push(`${what}: ${r.error!.code} ${r.error!.message}`)
}
for (let round = 0; round < plan.rounds; round++) {
  if (role === 'writer') {
    for (const [i, orgId] of plan.orgs.entries()) {
      const customerId = plan.customers[(i + round) % plan.customers.length]!
      check(`mapOrg ${orgId}`, await app.dispatch('mapOrg', { source: 'jumpcloud', orgId, customerId }))
      writes++
    }
    if (round % 3 === 0) check('pollAlertsNow', await app.dispatch('pollAlertsNow', { retryNow: true }))
  } else {
    check('pushSync', await app.dispatch('pushSync', { trigger: 'schedule' }))
    check('pollAlertsNow', await app.dispatch('pollAlertsNow', { retryNow: true }))
  }
}
await app.close()
process.stdout.write(JSON.stringify({ role, failures, refused, writes }))
