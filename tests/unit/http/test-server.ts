import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { performance } from 'node:perf_hooks'

export interface Arrival {
  at: number
  method: string
  url: string
  headers: http.IncomingHttpHeaders
  headersDistinct: Record<string, string[]>
  body: string
}

export type TestHandler = (req: http.IncomingMessage, res: http.ServerResponse, arrival: Arrival, index: number) => void

export interface TestServer {
  url: string
  arrivals: Arrival[]
  close(): Promise<void>
}

/** A bare node http server on 127.0.0.1:0 that records every arrival (monotonic ms) before calling `handler`. */
export async function startTestServer(handler: TestHandler): Promise<TestServer> {
  const arrivals: Arrival[] = []
  const server = http.createServer((req, res) => {
    const at = performance.now()
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const arrival: Arrival = {
        at,
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        headersDistinct: req.headersDistinct as Record<string, string[]>,
        body: Buffer.concat(chunks).toString('utf8')
      }
      arrivals.push(arrival)
      handler(req, res, arrival, arrivals.length - 1)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    arrivals,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
  }
}

export function json(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {}
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers })
  res.end(JSON.stringify(body))
}

/** A port that refuses connections: bind, note the port, close. */
export async function refusedPort(): Promise<number> {
  const s = http.createServer()
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve))
  const { port } = s.address() as AddressInfo
  await new Promise<void>((resolve) => s.close(() => resolve()))
  return port
}
