// Native addons (better-sqlite3, keytar) are compiled for one ABI at a time: Node's for tests,
// the CLI and the browser bridge; Electron's for the desktop app. This script rebuilds them for
// the requested runtime only when the last build was for the other one (stamp file).
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'

const target = process.argv[2]
if (target !== 'node' && target !== 'electron') {
  console.error('usage: node scripts/native.mjs node|electron')
  process.exit(2)
}
const modules = ['better-sqlite3', 'keytar']
const stamp = 'node_modules/.psa-bridge-native'
const require = createRequire(import.meta.url)

function electronVersion() {
  try {
    return require('electron/package.json').version
  } catch {
    return null
  }
}

// `npm install --package-lock-only` runs postinstall with no node_modules: nothing to build.
if (!existsSync('node_modules')) process.exit(0)

const wanted = target === 'node' ? `node-${process.versions.modules}` : `electron-${electronVersion()}`
const current = existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : ''
if (target === 'node' && current === '') {
  // Fresh `npm install`: npm has just built the addons for this Node.
  writeFileSync(stamp, wanted)
  process.exit(0)
}
if (current === wanted) process.exit(0)

if (target === 'electron') {
  const version = electronVersion()
  if (!version || !existsSync('node_modules/electron/dist')) {
    console.error(
      'The Electron binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD was set?).\n' +
        'Run `npm install` without it to get Electron, or use `npm run web` for the browser bridge.'
    )
    process.exit(1)
  }
  console.log(`Rebuilding ${modules.join(', ')} for Electron ${version}…`)
  execFileSync('npx', ['electron-rebuild', '-f', '-v', version, '-w', modules.join(',')], { stdio: 'inherit' })
} else {
  console.log(`Rebuilding ${modules.join(', ')} for Node ${process.version}…`)
  execFileSync('npm', ['rebuild', ...modules, '--build-from-source'], { stdio: 'inherit' })
}
writeFileSync(stamp, wanted)
