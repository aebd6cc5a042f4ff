// `npm run lint:electron`: Electronegativity (Doyensec's Electron security scanner) over the sources and the built
// app. Every finding is printed; a MEDIUM, HIGH or CRITICAL one fails the run unless security/electronegativity.json
// lists it (check id + file) with the reason, which security/electronegativity.md explains at length.
// Its own CLI cannot start next to our commander 14, so the scanner's run() is called directly.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const scanner = await import('@doyensec/electronegativity')
const run = scanner.default.default ?? scanner.default
const allow = JSON.parse(readFileSync(new URL('../security/electronegativity.json', import.meta.url), 'utf8'))
const electron = require('electron/package.json').version
const BLOCKING = new Set(['MEDIUM', 'HIGH', 'CRITICAL'])

const inputs = ['src', 'out'].filter((d) => existsSync(d))
if (!inputs.includes('out'))
  console.log('out/ not built: scanning src/ only (npm run build first to scan the app as shipped)')
let blocking = 0
let total = 0
const used = new Set()
for (const input of inputs) {
  const { issues } = await run({ input, isRelative: true, electronVersionOverride: electron }, false)
  for (const i of issues) {
    total++
    const file = `${input}/${i.file}`
    const entry = allow.findIndex((a) => a.id === i.id && a.file === file)
    const severity = i.severity.name
    const explained = entry >= 0
    if (explained) used.add(entry)
    const mark = BLOCKING.has(severity) ? (explained ? 'explained' : 'UNEXPLAINED') : 'noted'
    console.log(`${mark.padEnd(11)} ${severity.padEnd(13)} ${i.id.padEnd(32)} ${file}:${i.location?.line ?? '?'}`)
    if (BLOCKING.has(severity) && !explained) blocking++
  }
}
allow.forEach((a, n) => {
  if (!used.has(n)) console.log(`stale allow-list entry (no such finding now): ${a.id} ${a.file}`)
})
console.log(`Electronegativity: ${total} findings, ${blocking} unexplained at MEDIUM or above (Electron ${electron})`)
process.exit(blocking ? 1 : 0)
