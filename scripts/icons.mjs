// Generates every app and tray icon in resources/ from resources/icon.svg (run `npm run icons`; the outputs are
// committed, so packaging needs no renderer). @resvg/resvg-js renders SVG → PNG, png-to-ico writes the .ico files,
// @shockpkg/icon-encoder writes the macOS .icns. Variants are derived from the one source by its element ids:
// tray template images drop #background and draw #mark in black (macOS tints them), the "attention" variants add
// a badge.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Resvg } from '@resvg/resvg-js'
import pngToIco from 'png-to-ico'
import { IconIcns } from '@shockpkg/icon-encoder'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const out = (...p) => join(root, 'resources', ...p)
const source = readFileSync(out('icon.svg'), 'utf8')

/** Linux wants a PNG per size (electron-builder reads resources/icons/NxN.png); Windows' .ico and macOS' .icns too. */
export const APP_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024]
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]
// ICNS entries: PNG payloads per OSType (Apple's "Icon Composer" types; retina types carry the doubled size).
const ICNS = [
  ['ic04', 16],
  ['ic11', 32],
  ['ic05', 32],
  ['ic12', 64],
  ['ic07', 128],
  ['ic13', 256],
  ['ic08', 256],
  ['ic14', 512],
  ['ic09', 512],
  ['ic10', 1024]
]

const BADGE = '<circle cx="820" cy="204" r="190" fill="#ff3b30" stroke="#ffffff" stroke-width="56"/>'
const TEMPLATE_BADGE = '<circle cx="820" cy="204" r="170" fill="#000000"/>'

export function variant(svg, { template = false, attention = false } = {}) {
  let s = svg
  if (template) {
    s = s
      .replace(/<g id="background">[\s\S]*?<\/g>/, '')
      .replace('<g id="mark" fill="#ffffff">', '<g id="mark" fill="#000000">')
  }
  if (attention) s = s.replace('</svg>', `${template ? TEMPLATE_BADGE : BADGE}\n</svg>`)
  return s
}

export function render(svg, size) {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng()
}

async function main() {
  mkdirSync(out('icons'), { recursive: true })
  mkdirSync(out('tray'), { recursive: true })
  const app = Object.fromEntries(APP_SIZES.map((n) => [n, render(source, n)]))
  for (const n of APP_SIZES) writeFileSync(out('icons', `${n}x${n}.png`), app[n])
  writeFileSync(out('icon.png'), app[1024])
  writeFileSync(out('icon.ico'), await pngToIco(ICO_SIZES.map((n) => app[n])))
  const icns = new IconIcns()
  for (const [type, n] of ICNS) await icns.addFromPng(app[n], [type])
  writeFileSync(out('icon.icns'), icns.encode())

  for (const attention of [false, true]) {
    const suffix = attention ? '-attention' : ''
    const color = variant(source, { attention })
    const template = variant(source, { template: true, attention })
    // Windows and Linux trays: colour PNGs (16 px and @2x) and an .ico; macOS: *Template.png (+ @2x) in black.
    writeFileSync(out('tray', `tray${suffix}.png`), render(color, 16))
    writeFileSync(out('tray', `tray${suffix}@2x.png`), render(color, 32))
    writeFileSync(out('tray', `tray${suffix}.ico`), await pngToIco([16, 24, 32].map((n) => render(color, n))))
    const mac = attention ? 'trayAttentionTemplate' : 'trayTemplate'
    writeFileSync(out('tray', `${mac}.png`), render(template, 16))
    writeFileSync(out('tray', `${mac}@2x.png`), render(template, 32))
  }
  console.log('icons written to resources/')
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main()
