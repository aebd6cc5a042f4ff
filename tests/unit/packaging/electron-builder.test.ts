import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import Ajv from 'ajv'
import { describe, expect, it } from 'vitest'
import { TRAY_ICON_STATES, trayIconFile } from '../../../src/main/shell/tray-icons'
// @ts-expect-error -- a plain .mjs script without types
import { APP_SIZES, render, variant } from '../../../scripts/icons.mjs'

// electron-builder cannot run here (no Electron binary): its configuration is checked against electron-builder's
// own JSON schema, and every path it names must exist.

const root = join(__dirname, '../../..')
const config = JSON.parse(readFileSync(join(root, 'electron-builder.json'), 'utf8'))
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
const at = (p: string) => join(root, p)

/** PNG width/height from the IHDR chunk. */
const pngSize = (buf: Buffer) => [buf.readUInt32BE(16), buf.readUInt32BE(20)]

describe('electron-builder configuration', () => {
  it("is valid against electron-builder's own schema", () => {
    const schema = JSON.parse(readFileSync(at('node_modules/app-builder-lib/scheme.json'), 'utf8'))
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema)
    expect(validate(config), JSON.stringify(validate.errors, null, 2)).toBe(true)
    // The schema itself refuses an unknown key (a typo would otherwise be ignored silently).
    expect(validate({ ...config, appID: 'x' })).toBe(false)
  })

  it('builds AppImage + deb, NSIS and dmg with icons, unpacks native .node files and rebuilds them for Electron', () => {
    expect(config).toMatchObject({
      appId: expect.stringMatching(/^[a-z0-9.-]+$/),
      productName: 'PSA Bridge',
      linux: { target: ['AppImage', 'deb'] },
      win: { target: ['nsis'] },
      mac: { target: ['dmg'] },
      asarUnpack: ['**/*.node'],
      npmRebuild: true
    })
    // Native modules must be runtime dependencies for electron-builder to package and rebuild them.
    for (const m of ['better-sqlite3', 'keytar']) expect(pkg.dependencies[m], m).toBeTruthy()
    expect(pkg.scripts.dist).toMatch(/npm run build && electron-builder/)
    expect(pkg.main).toMatch(/^out\//) // what "out/**/*" in files ships
  })

  it('names only paths that exist', () => {
    for (const p of [config.directories.buildResources, config.win.icon, config.mac.icon, config.dmg.icon])
      expect(existsSync(at(p)), p).toBe(true)
    for (const r of config.extraResources) expect(existsSync(at(r.from)), r.from).toBe(true)
    // Linux reads resources/icons/NxN.png.
    const linux = readdirSync(at(config.linux.icon))
    for (const n of [16, 32, 48, 64, 128, 256, 512]) expect(linux).toContain(`${n}x${n}.png`)
    // Exclusions name folders that exist, so a package upgrade that moves them is noticed.
    for (const pattern of config.files.filter((f: string) => f.startsWith('!'))) {
      const dir = pattern
        .slice(1)
        .split(/[*{]/)[0]!
        .replace(/\/[^/]*$/, '')
      expect(existsSync(at(dir)), pattern).toBe(true)
    }
  })

  it('answers --help (the CLI is installed and loads)', () => {
    const out = execFileSync(process.execPath, [at('node_modules/electron-builder/cli.js'), '--help'], {
      encoding: 'utf8'
    })
    expect(out).toMatch(/--linux/)
  })
})

describe('resources/ icons', () => {
  it('has every app PNG at its size, generated from resources/icon.svg (re-rendering gives the same bytes)', () => {
    const svg = readFileSync(at('resources/icon.svg'), 'utf8')
    for (const n of APP_SIZES as number[]) {
      const png = readFileSync(at(`resources/icons/${n}x${n}.png`))
      expect(pngSize(png), `${n}`).toEqual([n, n])
    }
    expect(Buffer.compare(render(svg, 32), readFileSync(at('resources/icons/32x32.png')))).toBe(0)
    expect(
      Buffer.compare(render(variant(svg, { template: true }), 16), readFileSync(at('resources/tray/trayTemplate.png')))
    ).toBe(0)
  })

  it('has a Windows .ico with the sizes Windows asks for and a macOS .icns with retina entries', () => {
    const ico = readFileSync(at('resources/icon.ico'))
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]) // ICONDIR: reserved, type 1 = icon
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico[6 + i * 16] || 256)
    expect(sizes.sort((a, b) => a - b)).toEqual([16, 24, 32, 48, 64, 128, 256])

    const icns = readFileSync(at('resources/icon.icns'))
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns')
    expect(icns.readUInt32BE(4)).toBe(icns.length)
    const types: string[] = []
    for (let o = 8; o < icns.length; o += icns.readUInt32BE(o + 4))
      types.push(icns.subarray(o, o + 4).toString('latin1'))
    expect(types).toEqual(expect.arrayContaining(['ic07', 'ic08', 'ic09', 'ic10', 'ic11', 'ic12', 'ic13', 'ic14']))
  })

  it('has a tray image for every icon state on every platform, with @2x and macOS template images', () => {
    for (const state of TRAY_ICON_STATES)
      for (const platform of ['darwin', 'win32', 'linux'] as const) {
        const file = trayIconFile(state, platform)
        expect(existsSync(at(`resources/tray/${file}`)), file).toBe(true)
        if (file.endsWith('.png')) {
          expect(pngSize(readFileSync(at(`resources/tray/${file}`)))).toEqual([16, 16])
          expect(pngSize(readFileSync(at(`resources/tray/${file.replace('.png', '@2x.png')}`)))).toEqual([32, 32])
        }
      }
    expect(trayIconFile('normal', 'darwin')).toMatch(/Template\.png$/)
    expect(trayIconFile('attention', 'linux')).not.toBe(trayIconFile('normal', 'linux'))
  })
})
