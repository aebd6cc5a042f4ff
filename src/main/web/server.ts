import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Envelope } from '../../shared/errors'
import type { EventName } from '../../shared/contract'
import { authCookie, hostAllowed, isAuthorized, newToken, originAllowed, sameToken } from './guard'
import { readStatic } from './static'

/** The part of the core the bridge needs (the full App satisfies it). */
export interface BridgeApp {
  /** The bridge names itself as the door (the audit trail records it). */
  dispatch(name: unknown, input: unknown, door: 'bridge'): Promise<Envelope<unknown>>
  events: { onAny(cb: (name: EventName, payload: unknown) => void): () => void }
}

export interface WebServerOptions {
  app: BridgeApp
  /** The built renderer (out/renderer). */
  staticDir: string
  /** 0 (default) = any free port. */
  port?: number
  /** Fixed token for tests; a random one otherwise. */
  token?: string
  maxBodyBytes?: number
  /** SSE keep-alive comment interval; proxies and browsers drop idle streams. */
  keepAliveMs?: number
}

export interface WebServer {
  port: number
  token: string
  /** http://127.0.0.1:PORT */
  origin: string
  /** The URL to open: it swaps the token for a cookie. */
  launchUrl: string
  close(): Promise<void>
}

export const BRIDGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'"

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store'
}

class HttpFailure extends Error {
  constructor(
    readonly status: number,
    message: string
  ) {
    super(message)
  }
}

export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const token = opts.token ?? newToken()
  const maxBody = opts.maxBodyBytes ?? 1024 * 1024
  const keepAliveMs = opts.keepAliveMs ?? 25_000
  const streams = new Set<ServerResponse>()
  let port = 0

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      const status = e instanceof HttpFailure ? e.status : 500
      const message = e instanceof HttpFailure ? e.message : 'Internal error'
      if (!res.headersSent) sendText(res, status, message)
      else res.end()
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(req.headers.host, port)) return sendText(res, 421, 'Unknown host')
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`)

    // The launch link: trade the token for a cookie and drop it from the address bar.
    if (req.method === 'GET' && url.pathname === '/' && url.searchParams.has('token')) {
      if (!sameToken(url.searchParams.get('token') ?? undefined, token)) return sendText(res, 401, 'Invalid token')
      res.writeHead(303, { ...SECURITY_HEADERS, 'Set-Cookie': authCookie(token, port), Location: '/' })
      return void res.end()
    }
    if (!isAuthorized(req, token, port)) {
      return sendText(res, 401, 'Open the link printed by PSA Bridge (it contains the access token).')
    }

    if (url.pathname === '/api/events') {
      if (req.method !== 'GET') return sendText(res, 405, 'Method not allowed')
      return openEventStream(res)
    }
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return sendText(res, 405, 'Method not allowed')
      if (!originAllowed(req.headers.origin, port)) return sendText(res, 403, 'Cross-origin request refused')
      const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase()
      if (type !== 'application/json') return sendText(res, 415, 'Send application/json')
      const input = await readJson(req, maxBody)
      const envelope = await opts.app.dispatch(decodeMethodName(url.pathname.slice(5)), input, 'bridge')
      return sendJson(res, 200, envelope)
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed')
    const file = await readStatic(opts.staticDir, url.pathname)
    if (!file) return sendText(res, 404, 'Not found')
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': file.type,
      'Content-Length': file.body.length,
      'Content-Security-Policy': BRIDGE_CSP
    })
    res.end(req.method === 'HEAD' ? undefined : file.body)
  }

  function openEventStream(res: ServerResponse): void {
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream', Connection: 'keep-alive' })
    res.write(': connected\n\n')
    streams.add(res)
    // 'close' comes a tick after end()/a drop; a write in between would raise an uncaught write-after-end.
    const send = (text: string) => {
      if (!res.writableEnded && !res.destroyed) res.write(text)
    }
    const off = opts.app.events.onAny((name, payload) =>
      send(`event: ${name}\ndata: ${JSON.stringify(payload ?? null)}\n\n`)
    )
    const ping = setInterval(() => send(': ping\n\n'), keepAliveMs)
    ping.unref()
    res.on('close', () => {
      clearInterval(ping)
      off()
      streams.delete(res)
    })
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject)
    // 127.0.0.1 only: the bridge must never be reachable from the network.
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolveListen())
  })
  port = (server.address() as AddressInfo).port
  const origin = `http://127.0.0.1:${port}`

  return {
    port,
    token,
    origin,
    launchUrl: `${origin}/?token=${token}`,
    close: () =>
      new Promise<void>((done) => {
        for (const s of streams) s.end()
        server.close(() => done())
        server.closeAllConnections()
      })
  }
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' })
  res.end(text)
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const data = Buffer.from(JSON.stringify(body))
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': data.length
  })
  res.end(data)
}

async function readJson(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    const buf = chunk as Buffer
    size += buf.length
    if (size > maxBytes) throw new HttpFailure(413, 'Request body too large')
    chunks.push(buf)
  }
  const text = Buffer.concat(chunks).toString('utf8')
  if (text.trim() === '') return {}
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new HttpFailure(400, 'Body is not valid JSON')
  }
}

/** A malformed escape is passed on as is: dispatch answers it as an unknown method instead of a 500. */
function decodeMethodName(raw: string): string {
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}
