// `npm run demo`: simulators + the app pointed at them, already connected. Opens the browser bridge
// (the Electron binary is optional; the bridge is the same UI and core).
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { startDemo } from '../tests/sims/demo'

const staticDir = fileURLToPath(new URL('../out/renderer', import.meta.url))
if (!existsSync(staticDir)) {
  console.error('Build first: npm run build (npm run demo does it for you).')
  process.exit(2)
}
const demo = await startDemo({ staticDir, orgs: Number(process.env.DEMO_ORGS ?? 40) })
const c = demo.sims.credentials
console.log(`PSA Bridge demo is running at ${demo.server.launchUrl}

Syncro and JumpCloud are connected to local simulators; data is refreshed. To try Autotask,
enter on Connect: username ${c.autotask.username}, secret ${c.autotask.secret}, integration code ${c.autotask.integrationCode}.
Everything is in memory and a temp folder (${demo.dataDir}); Ctrl-C ends the demo.`)

const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open'
if (!process.env.CI && process.env.DEMO_NO_BROWSER !== '1') {
  spawn(opener, [demo.server.launchUrl], { stdio: 'ignore', detached: true })
    .on('error', () => {})
    .unref()
}

const stop = () => void demo.close().then(() => process.exit(0))
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
