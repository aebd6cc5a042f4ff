import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { E2E_APP_DIR, ROOT } from './support/paths'

const OUTPUTS = ['out/node/web.js', 'out/renderer/index.html']

function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs)
  }
  return newest
}

/**
 * The bridge runs from the build output, so a stale build would test old code: build when an
 * output is missing or older than any source file (after `npm test`'s build this is a no-op).
 * Then snapshot it, so a rebuild started meanwhile (it empties out/) cannot pull files from
 * under a running test.
 */
export default function globalSetup(): void {
  const outputs = OUTPUTS.map((p) => join(ROOT, p))
  const oldest = Math.min(...outputs.map((p) => (existsSync(p) ? statSync(p).mtimeMs : 0)))
  if (oldest <= newestMtime(join(ROOT, 'src'))) {
    console.log('e2e: building the app (npm run build)…')
    const r = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' })
    if (r.status !== 0) throw new Error('npm run build failed; the e2e tests need out/node/web.js and out/renderer')
  }
  rmSync(E2E_APP_DIR, { recursive: true, force: true })
  // Same depth below ROOT as out/, so node_modules and web.js's ../renderer resolve alike.
  cpSync(join(ROOT, 'out', 'node'), join(E2E_APP_DIR, 'node'), { recursive: true })
  cpSync(join(ROOT, 'out', 'renderer'), join(E2E_APP_DIR, 'renderer'), { recursive: true })
}
