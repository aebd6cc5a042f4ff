import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createBundleHandler, registerAppScheme, resolveBundlePath } from '../../../src/main/shell/protocol'
import { CSP } from '../../../src/main/shell/security'

let dir: string
let root: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'psa-shell-protocol-'))
  root = join(dir, 'renderer')
  await mkdir(join(root, 'assets'), { recursive: true })
  await writeFile(join(root, 'index.html'), '<!doctype html><title>PSA Bridge</title>')
  await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)')
  // Next to the bundle, never to be served.
  await writeFile(join(dir, 'secret.txt'), 'TOP-SECRET')
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const get = (handler: (r: Request) => Promise<Response>, url: string) => handler(new Request(url))

describe('app:// bundle handler', () => {
  it('serves the entry and assets with the CSP header and a content type', async () => {
    const handler = createBundleHandler(root)
    const index = await get(handler, 'app://bundle/index.html')
    expect(index.status).toBe(200)
    expect(index.headers.get('content-security-policy')).toBe(CSP)
    expect(index.headers.get('content-type')).toMatch(/^text\/html/)
    expect(await index.text()).toContain('<title>PSA Bridge</title>')

    const js = await get(handler, 'app://bundle/assets/app.js')
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/)
    expect(js.headers.get('content-security-policy')).toBe(CSP)
    expect(await js.text()).toBe('console.log(1)')
  })

  it('serves index.html for the bare origin and for client-side routes, 404 for missing assets', async () => {
    const handler = createBundleHandler(root)
    expect(await (await get(handler, 'app://bundle/')).text()).toContain('PSA Bridge')
    expect(await (await get(handler, 'app://bundle/customers/42')).text()).toContain('PSA Bridge')
    const missing = await get(handler, 'app://bundle/assets/nope.js')
    expect(missing.status).toBe(404)
    expect(missing.headers.get('content-security-policy')).toBe(CSP)
  })

  it('refuses writes', async () => {
    const res = await createBundleHandler(root)(new Request('app://bundle/index.html', { method: 'POST', body: 'x' }))
    expect(res.status).toBe(405)
  })

  // Request() normalises plain "../" itself, so the raw-URL resolver is also tested directly below.
  it.each([
    'app://bundle/../secret.txt',
    'app://bundle/%2e%2e/secret.txt',
    'app://bundle/..%2fsecret.txt',
    'app://bundle/assets/..%2f..%2fsecret.txt',
    'app://bundle/%2e%2e%2fsecret.txt',
    'app://bundle/..%5csecret.txt',
    'app://bundle/%2F..%2F..%2Fsecret.txt'
  ])('never serves a file outside the bundle: %s', async (url) => {
    const res = await get(createBundleHandler(root), url)
    expect(await res.text()).not.toContain('TOP-SECRET')
  })
})

describe('resolveBundlePath', () => {
  it('maps app://bundle paths into the root', () => {
    expect(resolveBundlePath(root, 'app://bundle/index.html')).toBe(join(root, 'index.html'))
    expect(resolveBundlePath(root, 'app://bundle/assets/app.js?v=1#x')).toBe(join(root, 'assets', 'app.js'))
    expect(resolveBundlePath(root, 'app://bundle/a%20b.css')).toBe(join(root, 'a b.css'))
    expect(resolveBundlePath(root, 'app://bundle')).toBe(join(root, 'index.html'))
  })

  it.each([
    'app://bundle/..%2fsecret.txt',
    'app://bundle/..%2F..%2Fetc%2Fpasswd',
    'app://bundle/assets/..%2f..%2fsecret.txt',
    'app://bundle/%2e%2e%2f%2e%2e%2fetc/passwd',
    'app://bundle/..%5c..%5csecret.txt',
    'app://bundle/x%5c..%5c..%5csecret.txt',
    'app://bundle/index.html%00.png',
    'app://bundle/%E0%A4%A',
    'app://other/index.html',
    'app://bundle.evil/index.html',
    'https://bundle/index.html',
    'file:///etc/passwd',
    'not a url'
  ])('refuses %s', (url) => {
    expect(resolveBundlePath(root, url)).toBeNull()
  })
})

describe('registerAppScheme', () => {
  it('registers app:// as a standard, secure scheme without CSP bypass', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn() }
    registerAppScheme(protocol)
    const [schemes] = protocol.registerSchemesAsPrivileged.mock.calls[0]!
    expect(schemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }])
    expect(schemes[0].privileges.bypassCSP).toBeFalsy()
  })
})
