import { EventEmitter } from 'node:events'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { z } from 'zod'
import { SimClock } from './clock'
import { FaultSet } from './faults'
import { mulberry32 } from './random'
import { Router } from './router'
import type { SimContext, SimHandler, SimReply, SimRequest, SimServer, SimServerOptions, SimStats } from './types'

const CONTROL_PREFIX = '/__sim'
const MAX_BODY_BYTES = 20 * 1024 * 1024

function emptyStats(): SimStats {
  return { total: 0, byRoute: {}, writes: 0, rejected429: 0, maxInFlight: {} }
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > MAX_BODY_BYTES) req.destroy(new Error('body too large'))
      else chunks.push(c)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function parseBody(raw: string): unknown {
  // Some clients send a UTF-8 BOM (the Autotask swagger itself carries one).
  const text = raw.replace(/^\uFEFF/, '')
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return raw
  }
}

function send(res: http.ServerResponse, reply: SimReply): void {
  const headers: Record<string, string> = { ...reply.headers }
  const hasType = Object.keys(headers).some((k) => k.toLowerCase() === 'content-type')
  let payload = ''
  if (reply.raw !== undefined) {
    payload = reply.raw
    if (!hasType) headers['content-type'] = 'text/plain; charset=utf-8'
  } else if (reply.body !== undefined) {
    payload = JSON.stringify(reply.body)
    if (!hasType) headers['content-type'] = 'application/json; charset=utf-8'
  }
  res.writeHead(reply.status, headers)
  res.end(payload)
}

const ClockBody = z.union([z.object({ now: z.string() }), z.object({ advanceMs: z.number() })])

function controlRouter(server: () => SimServer, vendor: Record<string, SimHandler> | undefined): Router {
  const r = new Router()
  r.add('GET', `${CONTROL_PREFIX}/stats`, () => ({ status: 200, body: server().stats() }))
  r.add('POST', `${CONTROL_PREFIX}/stats/reset`, () => {
    server().resetStats()
    return { status: 204 }
  })
  r.add('POST', `${CONTROL_PREFIX}/faults`, (req) => {
    try {
      server().faults.add(req.body as never)
      return { status: 204 }
    } catch (e) {
      return { status: 400, body: { error: `invalid fault: ${e instanceof Error ? e.message : String(e)}` } }
    }
  })
  r.add('DELETE', `${CONTROL_PREFIX}/faults`, () => {
    server().faults.clear()
    return { status: 204 }
  })
  r.add('POST', `${CONTROL_PREFIX}/clock`, (req) => {
    const parsed = ClockBody.safeParse(req.body)
    if (!parsed.success) return { status: 400, body: { error: 'expected {now: ISO date} or {advanceMs: number}' } }
    const clock = server().clock
    try {
      if ('now' in parsed.data) clock.set(parsed.data.now)
      else clock.advance(parsed.data.advanceMs)
    } catch (e) {
      return { status: 400, body: { error: e instanceof Error ? e.message : String(e) } }
    }
    return { status: 200, body: { now: clock.now().toISOString() } }
  })
  for (const [key, handler] of Object.entries(vendor ?? {})) {
    const [method, name] = key.trim().split(/\s+/, 2)
    if (!method || !name) throw new Error(`control route key must be 'METHOD name', got '${key}'`)
    r.add(method, `${CONTROL_PREFIX}/${name.replace(/^\/+/, '')}`, handler)
  }
  return r
}

/** Starts a simulator on 127.0.0.1 with an OS-assigned port. */
export async function startSimServer(opts: SimServerOptions): Promise<SimServer> {
  const seed = opts.seed ?? 1
  const clock = new SimClock()
  const faults = new FaultSet(seed)
  let stats = emptyStats()
  const inFlight = new Map<string, number>()
  const arrivals = new EventEmitter()
  const ctx: SimContext = {
    clock,
    rng: mulberry32(seed),
    get stats() {
      return stats
    },
    inFlight: (key) => inFlight.get(key) ?? 0
  }
  const holder: { server?: SimServer } = {}
  // Held requests so far, and who waits for a number of them (faults.whenHeld).
  let held = 0
  const heldWaiters: Array<{ count: number; resolve: () => void }> = []
  const hold = async (res: http.ServerResponse): Promise<void> => {
    held++
    for (const w of heldWaiters.filter((x) => x.count <= held)) {
      heldWaiters.splice(heldWaiters.indexOf(w), 1)
      w.resolve()
    }
    // Until the client goes away (killed) or the server closes: then the socket is gone, nothing is sent.
    if (!res.socket?.destroyed) await new Promise<void>((r) => res.once('close', () => r()))
  }
  const control = controlRouter(() => holder.server as SimServer, opts.control)

  async function serveControl(req: SimRequest, res: http.ServerResponse): Promise<void> {
    const m = control.match(req.method, req.path)
    if (!m) return send(res, { status: 404, body: { error: `no control route ${req.method} ${req.path}` } })
    send(res, await m.handler({ ...req, params: m.params }))
  }

  async function serve(req: SimRequest, res: http.ServerResponse): Promise<void> {
    const route = opts.router.match(req.method, req.path)
    stats.total++
    arrivals.emit('request', req.method, req.path)
    if (req.method !== 'GET') stats.writes++
    const routeKey = route ? route.name : `${req.method} (no route)`
    stats.byRoute[routeKey] = (stats.byRoute[routeKey] ?? 0) + 1
    const routed: SimRequest = { ...req, params: route?.params ?? {} }

    const flightKey = opts.inFlightKey?.(routed)
    const plan = faults.plan(req.method, req.path)
    let entered = false
    const reply = (r: SimReply): void => {
      if (r.status === 429) stats.rejected429++
      send(res, r)
    }
    try {
      if (plan.delayMs > 0) await new Promise((r) => setTimeout(r, plan.delayMs))
      const f = plan.fault
      if (f?.kind === 'reset') return void res.socket?.destroy()
      if (f?.kind === 'status') {
        const headers: Record<string, string> = {}
        if (f.retryAfter !== undefined) headers['retry-after'] = String(f.retryAfter)
        return reply({ status: f.status ?? 503, body: f.body ?? { error: 'simulated fault' }, headers })
      }
      if (f?.kind === 'malformed')
        return reply({ status: 200, raw: '{"simulated": "malformed', headers: { 'content-type': 'application/json' } })
      if (f?.kind === 'hold-request') return await hold(res)

      const early = await opts.before?.(routed, ctx)
      if (early) return reply(early)
      if (flightKey !== undefined) {
        const n = (inFlight.get(flightKey) ?? 0) + 1
        inFlight.set(flightKey, n)
        entered = true
        if (n > (stats.maxInFlight[flightKey] ?? 0)) stats.maxInFlight[flightKey] = n
      }
      if (!route) return reply({ status: 404, body: { error: `no route ${req.method} ${req.path}` } })
      let out: SimReply
      try {
        out = await route.handler(routed)
      } catch (e) {
        out = {
          status: 500,
          body: { error: `simulator handler failed: ${e instanceof Error ? e.message : String(e)}` }
        }
      }
      // Lost response: the write happened, the client never hears about it.
      if (f?.kind === 'drop-reply') return void res.socket?.destroy()
      if (f?.kind === 'hold-reply') return await hold(res)
      reply(out)
    } finally {
      if (entered && flightKey !== undefined) {
        const n = (inFlight.get(flightKey) ?? 1) - 1
        if (n <= 0) inFlight.delete(flightKey)
        else inFlight.set(flightKey, n)
      }
    }
  }

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://sim.local')
      const rawBody = await readBody(req)
      const simReq: SimRequest = {
        method: (req.method ?? 'GET').toUpperCase(),
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        headersDistinct: req.headersDistinct as Record<string, string[]>,
        body: parseBody(rawBody),
        rawBody,
        params: {}
      }
      // Control routes: no auth, no stats, no faults, no rate limits.
      if (simReq.path === CONTROL_PREFIX || simReq.path.startsWith(`${CONTROL_PREFIX}/`))
        await serveControl(simReq, res)
      else await serve(simReq, res)
    })().catch((e: unknown) => {
      if (!res.headersSent && !res.destroyed)
        send(res, { status: 500, body: { error: `simulator ${opts.name}: ${String(e)}` } })
      else res.destroy()
    })
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const port = (server.address() as AddressInfo).port

  const self: SimServer = {
    url: `http://127.0.0.1:${port}`,
    port,
    clock,
    ctx,
    faults: {
      add: (f) => faults.add(f),
      clear: () => faults.clear(),
      fired: () => faults.fired(),
      whenHeld: (count) =>
        held >= count ? Promise.resolve() : new Promise<void>((resolve) => heldWaiters.push({ count, resolve }))
    },
    stats: () => structuredClone(stats),
    onRequest(listener) {
      arrivals.on('request', listener)
      return () => void arrivals.off('request', listener)
    },
    resetStats: () => {
      stats = emptyStats()
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()))
        server.closeAllConnections()
      })
  }
  holder.server = self
  return self
}
