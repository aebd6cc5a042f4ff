// SyncroApi.each: the pages known to exist are asked at once (a page count in `meta`, or enough pages of page 1's size
// to hold the items the caller knows of), the rest one at a time until the empty page; pages reach the caller in
// order and the request count equals reading one page after another.
import type http from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createHttpClient } from '../../../src/main/connectors/http'
import { SyncroApi } from '../../../src/main/connectors/syncro/api'
import { json, startTestServer, type TestServer } from '../http/test-server'

const PageSchema = z.object({
  items: z.array(z.number()),
  meta: z.object({ total_pages: z.number().optional() }).optional()
})

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

/**
 * A list of `total` numbers in pages of `size`. Replies to pages after the first are held until the test releases
 * them, so what was asked before any of them was answered shows what the client asks at once.
 */
async function pagedList(total: number, size: number, opts: { meta?: boolean; failPage?: number } = {}) {
  const held: Array<() => void> = []
  let released = false
  const asked: number[] = []
  let waiter: { n: number; resolve: () => void } | undefined
  server = await startTestServer((_req, res: http.ServerResponse, arrival) => {
    const page = Number(new URL(arrival.url, 'http://x').searchParams.get('page'))
    asked.push(page)
    const items = Array.from({ length: total }, (_, i) => i).slice((page - 1) * size, page * size)
    const reply = () =>
      page === opts.failPage
        ? json(res, 422, { error: 'no' })
        : json(res, 200, { items, ...(opts.meta ? { meta: { total_pages: Math.ceil(total / size) } } : {}) })
    if (page === 1 || released) reply()
    else held.push(reply)
    if (waiter && held.length >= waiter.n) waiter.resolve()
  })
  const api = new SyncroApi(createHttpClient({ name: 'Syncro', baseURL: server.url }))
  return {
    api,
    asked,
    /** Resolves once `n` replies are held. */
    held: (n: number) =>
      new Promise<void>((resolve) => {
        if (held.length >= n) resolve()
        else waiter = { n, resolve }
      }),
    /** Answers every held request, from now on at once. */
    releaseAll: () => {
      released = true
      for (const r of held.splice(0)) r()
    }
  }
}

/** Pages asked, by number (concurrent requests arrive in any order). */
const sorted = (pages: number[]) => [...pages].sort((a, b) => a - b)

async function readAll(api: SyncroApi, atLeast?: number): Promise<number[][]> {
  const pages: number[][] = []
  await api.each('/list', 'items', PageSchema, {}, (items) => void pages.push(items), atLeast)
  return pages
}

describe('SyncroApi.each read-ahead', () => {
  it('without meta, asks at once the pages that must hold the known items, then one at a time to the empty page', async () => {
    const list = await pagedList(110, 25) // pages 1-4 full, 5 holds 10, 6 is empty
    const read = readAll(list.api, 100) // 100 known items → pages 1-4 must exist
    await list.held(3)
    expect(sorted(list.asked)).toEqual([1, 2, 3, 4]) // 2-4 asked before any of them was answered, 5 not yet
    list.releaseAll()
    const pages = await read
    expect(pages.flat()).toEqual(Array.from({ length: 110 }, (_, i) => i)) // in order, each once
    expect(sorted(list.asked)).toEqual([1, 2, 3, 4, 5, 6]) // as many requests as one page after another
  })

  it('with meta.total_pages, asks every page at once and none past the last', async () => {
    const list = await pagedList(60, 25, { meta: true })
    const read = readAll(list.api)
    await list.held(2)
    expect(sorted(list.asked)).toEqual([1, 2, 3])
    list.releaseAll()
    expect((await read).flat()).toHaveLength(60)
    expect(list.asked).toHaveLength(3)
  })

  it('keeps at most 16 pages asked ahead', async () => {
    const list = await pagedList(1000, 25) // 40 full pages, then the empty one
    const read = readAll(list.api, 1000)
    await list.held(16)
    expect(sorted(list.asked)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1))
    list.releaseAll()
    expect((await read).flat()).toHaveLength(1000)
    expect(list.asked).toHaveLength(41)
  })

  it('without known items (the caller gives none), one page at a time as before', async () => {
    const list = await pagedList(60, 25)
    list.releaseAll()
    expect((await readAll(list.api)).flat()).toHaveLength(60)
    expect(list.asked).toEqual([1, 2, 3, 4])
  })

  it('a page that fails while an earlier one is awaited fails the read in its turn, with nothing left unhandled', async () => {
    const list = await pagedList(100, 25, { failPage: 3 })
    const seen: number[][] = []
    const read = list.api.each('/list', 'items', PageSchema, {}, (items) => void seen.push(items), 100)
    await list.held(3)
    list.releaseAll()
    await expect(read).rejects.toMatchObject({ code: 'validation' })
    expect(seen.flat()).toEqual(Array.from({ length: 50 }, (_, i) => i)) // pages 1 and 2, in order
  })

  it('a server that ignores `page` is stopped at the first repeat even with pages asked ahead', async () => {
    server = await startTestServer((_req, res) => json(res, 200, { items: [1, 2, 3] }))
    const api = new SyncroApi(createHttpClient({ name: 'Syncro', baseURL: server.url }))
    expect(await readAll(api, 30)).toEqual([[1, 2, 3]])
  })
})
