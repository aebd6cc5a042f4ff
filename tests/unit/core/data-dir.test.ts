import { describe, expect, it } from 'vitest'
import { resolveDataDir } from '../../../src/main/core/data-dir'

describe('resolveDataDir', () => {
  const base = { env: {}, home: '/home/ann', platform: 'linux' as const }
  it('prefers --data-dir in both spellings', () => {
    expect(resolveDataDir({ ...base, argv: ['--data-dir', '/d1'], env: { PSA_BRIDGE_DATA_DIR: '/d2' } })).toBe('/d1')
    expect(resolveDataDir({ ...base, argv: ['--data-dir=/d3'] })).toBe('/d3')
  })
  it('then PSA_BRIDGE_DATA_DIR, then Electron userData', () => {
    expect(resolveDataDir({ ...base, argv: [], env: { PSA_BRIDGE_DATA_DIR: '/d2' }, electronUserData: '/u' })).toBe(
      '/d2'
    )
    expect(resolveDataDir({ ...base, argv: [], electronUserData: '/u' })).toBe('/u')
  })
  it('falls back to the XDG data dir on Linux, ignoring a relative XDG_DATA_HOME', () => {
    expect(resolveDataDir({ ...base, argv: [] })).toBe('/home/ann/.local/share/psa-bridge')
    expect(resolveDataDir({ ...base, argv: [], env: { XDG_DATA_HOME: '/x' } })).toBe('/x/psa-bridge')
    expect(resolveDataDir({ ...base, argv: [], env: { XDG_DATA_HOME: 'rel' } })).toBe(
      '/home/ann/.local/share/psa-bridge'
    )
  })
  it('uses the platform conventions on macOS and Windows', () => {
    expect(resolveDataDir({ ...base, platform: 'darwin', argv: [] })).toBe(
      '/home/ann/Library/Application Support/PSA Bridge'
    )
    expect(resolveDataDir({ ...base, platform: 'win32', argv: [], env: { APPDATA: 'C:\\A' } })).toMatch(/PSA Bridge$/)
  })
})
