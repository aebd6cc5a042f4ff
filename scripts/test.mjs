// `npm test`: the one command a new user and CI run. Lint, type-check, build, then vitest (unit,
// integration, contract) and Playwright (e2e through the browser bridge in Debian's Chromium).
// On a headless Linux box with no D-Bus session it re-runs itself inside `dbus-run-session` with a
// throw-away unlocked gnome-keyring, so the keychain tests hit a real Secret Service.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const args = process.argv.slice(2)
const inSession = args.includes('--in-dbus-session')
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0

if (
  process.platform === 'linux' &&
  !inSession &&
  !process.env.DBUS_SESSION_BUS_ADDRESS &&
  has('dbus-run-session') &&
  has('gnome-keyring-daemon')
) {
  const keyringHome = mkdtempSync(join(tmpdir(), 'psa-bridge-keyring-'))
  const script = [
    // A fresh keyring in a temp XDG_DATA_HOME: never touches the user's real one.
    `printf 'psa-bridge-test' | XDG_DATA_HOME='${keyringHome}' gnome-keyring-daemon --unlock --components=secrets >/dev/null`,
    `exec node scripts/test.mjs --in-dbus-session ${args.map((a) => `'${a}'`).join(' ')}`
  ].join(' && ')
  const r = spawnSync('dbus-run-session', ['--', 'sh', '-c', script], { stdio: 'inherit' })
  rmSync(keyringHome, { recursive: true, force: true })
  process.exit(r.status ?? 1)
}

// Both runners also write JSON results, so the run ends with one plain "N passed, N failed" line.
mkdirSync('.tmp', { recursive: true })
const VITEST_JSON = '.tmp/vitest-results.json'
const PLAYWRIGHT_JSON = '.tmp/playwright-results.json'
for (const f of [VITEST_JSON, PLAYWRIGHT_JSON]) rmSync(f, { force: true })

const steps = [
  ['native modules for Node', 'node', ['scripts/native.mjs', 'node']],
  ['lint', 'npx', ['eslint', '.']],
  ['format check (Prettier)', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']],
  ['type-check', 'npm', ['run', '--silent', 'typecheck']],
  ['build', 'npm', ['run', '--silent', 'build']],
  ['Electron hardening (Electronegativity over src/ and out/)', 'node', ['scripts/lint-electron.mjs']],
  [
    'unit + integration + contract tests',
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${VITEST_JSON}`]
  ],
  [
    'end-to-end tests (Playwright, Chromium)',
    'npx',
    ['playwright', 'test', '--reporter=list,json'],
    { PLAYWRIGHT_JSON_OUTPUT_NAME: PLAYWRIGHT_JSON }
  ]
]
const only = args.find((a) => a.startsWith('--only='))?.slice(7)
function totals() {
  let passed = 0
  let failed = 0
  let skipped = 0
  if (existsSync(VITEST_JSON)) {
    const v = JSON.parse(readFileSync(VITEST_JSON, 'utf8'))
    passed += v.numPassedTests
    failed += v.numFailedTests
    skipped += v.numPendingTests + v.numTodoTests
  }
  if (existsSync(PLAYWRIGHT_JSON)) {
    const p = JSON.parse(readFileSync(PLAYWRIGHT_JSON, 'utf8')).stats
    passed += p.expected + p.flaky
    failed += p.unexpected
    skipped += p.skipped
  }
  return `${passed} passed, ${failed} failed, ${skipped} skipped`
}

for (const [title, cmd, cmdArgs, extraEnv] of steps) {
  if (only && !title.startsWith(only)) continue
  console.log(`\n=== ${title} ===`)
  const r = spawnSync(cmd, cmdArgs, { stdio: 'inherit', env: { ...process.env, ...extraEnv } })
  if (r.status !== 0) {
    console.error(`\n✗ ${title} failed`)
    console.log(totals())
    process.exit(r.status ?? 1)
  }
}
console.log('\n✓ all checks passed')
console.log(totals())
