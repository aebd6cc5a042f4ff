import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const ROOT = join(import.meta.dirname, '..', '..')
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
 * The bridge runs from the build output, so a stale build would test old code. Build when an
 * output is missing or older than any source file (`npm test` has just built: then this is a no-op).
 */
export default function globalSetup(): void {
  const outputs = OUTPUTS.map((p) => join(ROOT, p))
  const oldest = Math.min(...outputs.map((p) => (existsSync(p) ? statSync(p).mtimeMs : 0)))
  if (oldest > newestMtime(join(ROOT, 'src'))) return
  console.log('e2e: building the app (npm run build)…')
  const r = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' })
  if (r.status !== 0) throw new Error('npm run build failed; the e2e tests need out/node/web.js and out/renderer')
}
