import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { isTrustedSender } from '../../../src/main/shell/ipc'
import { APP_ORIGIN, CSP, safeExternalUrl } from '../../../src/main/shell/security'
import { hardenWebContents, installSessionPolicy } from '../../../src/main/shell/window'
import { createFakeElectron, FakeWebContents } from './fake-electron'

vi.mock('electron', () => ({}))

// One table of hostile URLs through every guard of the desktop shell: navigation, window.open / openExternal,
// the IPC sender check and permission requests. (window.test.ts and ipc.test.ts test each guard's basics.)

const HOSTILE = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'file://C:/Windows/System32/calc.exe',
  'smb://evil.example/share',
  '\\\\evil.example\\share',
  'ms-msdt:/id PCWDiagnostic',
  'search-ms:query=calc',
  'ms-officecmd:{"id":1}',
  'http://evil.example/',
  'https://user:pw@evil.example/',
  'https://ok.example@evil.example/',
  'https:evil.example',
  'https:/evil.example',
  'https:///evil.example',
  'https:\\\\evil.example',
  ' https://evil.example/',
  'https://evil.example/\n',
  'https://evil.example/\u0000.ok.example',
  'https://evil\u202e.example/',
  'https://evil.example/\u2028',
  `https://evil.example/${'a'.repeat(3_000)}`,
  'about:blank',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
  'app://bundle.evil/index.html',
  'app://bundle/../../etc/passwd',
  'evil://bundle/index.html',
  ''
]
/** Frames on these are not ours, whatever the path. */
const FOREIGN_FRAMES = HOSTILE.filter((u) => !u.startsWith('app://bundle/'))

describe('hostile URLs through every shell guard', () => {
  it.each(HOSTILE.map((u) => [JSON.stringify(u).slice(0, 80), u]))(
    '%s: no external open, window.open denied, navigation prevented',
    (_label, url) => {
      expect(safeExternalUrl(url)).toBeNull()
      const wc = new FakeWebContents()
      const openExternal = vi.fn(() => Promise.resolve())
      hardenWebContents(wc as never, openExternal)
      expect(wc.openHandler!({ url })).toEqual({ action: 'deny' })
      expect(openExternal).not.toHaveBeenCalled()
      expect(wc.fire('will-navigate', { url, isSameDocument: false, isMainFrame: true }).defaultPrevented).toBe(true)
    }
  )

  it.each(FOREIGN_FRAMES.map((u) => [JSON.stringify(u).slice(0, 80), u]))(
    'IPC from a frame on %s is refused',
    (_l, url) => {
      expect(isTrustedSender({ senderFrame: { url, parent: null } as never }, [APP_ORIGIN])).toBe(false)
    }
  )

  it('any string: openExternal gets only a plain https URL with a host and no credentials, exactly as checked', () => {
    fc.assert(
      fc.property(fc.oneof(fc.webUrl({ withFragments: true, withQueryParameters: true }), fc.string()), (raw) => {
        const out = safeExternalUrl(raw)
        if (out === null) return
        const u = new URL(out)
        expect(u.protocol).toBe('https:')
        expect(u.hostname).not.toBe('')
        expect(u.username + u.password).toBe('')
        expect(raw.toLowerCase().startsWith('https://')).toBe(true)
      }),
      { numRuns: 2_000 }
    )
  })

  it('every permission a page can ask for is denied, in requests and checks', async () => {
    const fake = createFakeElectron()
    installSessionPolicy(fake.electron.session.defaultSession as never, CSP)
    const all = [
      ...['clipboard-read', 'clipboard-sanitized-write', 'display-capture', 'fullscreen', 'geolocation'],
      ...['idle-detection', 'media', 'mediaKeySystem', 'midi', 'midiSysex', 'notifications', 'pointerLock'],
      ...['keyboardLock', 'openExternal', 'speaker-selection', 'storage-access', 'top-level-storage-access'],
      ...['window-management', 'unknown', 'hid', 'serial', 'usb', 'fileSystem']
    ]
    for (const p of all) {
      expect(await fake.askPermission(p), p).toBe(false)
      expect(fake.checkPermission(p), p).toBe(false)
    }
  })
})
