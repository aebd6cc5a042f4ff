import { Command, InvalidArgumentError } from 'commander'
import { startAllSims } from './all'

// `npm run sims -- --seed 1 --orgs 50`: starts the Syncro, Autotask, JumpCloud and SaaS Alerts simulators on
// 127.0.0.1, prints their URLs and the demo credentials, and runs until Ctrl-C.

function int(name: string, min: number, max: number) {
  return (value: string): number => {
    const n = Number(value)
    if (!Number.isInteger(n) || n < min || n > max)
      throw new InvalidArgumentError(`${name} must be an integer from ${min} to ${max}.`)
    return n
  }
}

const program = new Command()
  .name('sims')
  .description('Run the Syncro, Autotask, JumpCloud and SaaS Alerts simulators with seeded demo data.')
  .option('--seed <n>', 'seed of the generated data', int('seed', 0, 2 ** 31 - 1), 1)
  .option('--orgs <n>', 'number of JumpCloud organizations', int('orgs', 0, 100_000), 20)
  .option('--json', 'print the URLs and credentials as one JSON line')
  .parse()

const opts = program.opts<{ seed: number; orgs: number; json?: boolean }>()
const sims = await startAllSims({ seed: opts.seed, orgs: opts.orgs })
const c = sims.credentials

if (opts.json) {
  console.log(JSON.stringify(c))
} else {
  console.log(`Simulators running (seed ${opts.seed}, ${opts.orgs} JumpCloud organizations). Ctrl-C to stop.

Syncro
  URL template  ${c.syncro.urlTemplate}
  subdomain     ${c.syncro.subdomain}
  API token     ${c.syncro.apiToken}

Autotask
  zone lookup   ${c.autotask.zoneLookupUrl}
  username      ${c.autotask.username}
  secret        ${c.autotask.secret}
  integration   ${c.autotask.integrationCode}

JumpCloud
  console URL   ${c.jumpcloud.consoleUrl}
  insights URL  ${c.jumpcloud.insightsUrl}
  API key       ${c.jumpcloud.apiKey}
  provider ID   ${c.jumpcloud.providerId}

SaaS Alerts
  base URL      ${c.saasalerts.baseUrl}
  API key       ${c.saasalerts.apiKey}

Control: GET <url>/__sim/state, POST <url>/__sim/faults, POST ${c.jumpcloud.consoleUrl}/__sim/events, POST ${sims.saasalerts.url}/__sim/events`)
}

let stopping = false
async function stop(): Promise<void> {
  if (stopping) return
  stopping = true
  await sims.close()
  process.exit(0)
}
process.on('SIGINT', () => void stop())
process.on('SIGTERM', () => void stop())
