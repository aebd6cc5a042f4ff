// One writer process of the multi-process stress test (shared-data-dir.test.ts): opens its own core on the
// shared data dir, as `psa-bridge call mapOrg` would, and maps its own orgs as fast as it can.
import { createApp } from '../../../src/main/app/app'
import { createMemoryStore } from '../../../src/main/secrets'

const [dataDir, worker, writes, customers] = process.argv.slice(2)
const app = await createApp({ dataDir: dataDir!, secrets: createMemoryStore() })
const failures: string[] = []
for (let i = 0; i < Number(writes); i++) {
  const r = await app.dispatch('mapOrg', {
    source: 'jumpcloud',
    orgId: `o-${worker}-${i}`,
    customerId: `c-${i % Number(customers)}`
  })
  if (!r.ok) failures.push(`${i}: ${r.error.code} ${r.error.message}`)
}
await app.close()
process.stdout.write(JSON.stringify({ worker, failures }))
