import type { z } from 'zod'
import { AppError } from '../../../shared/errors'
import type { HttpClient, HttpRequest } from '../http'

type Params = HttpRequest<unknown>['params']

/** Safety stop for a server whose paging never ends (a bug there must not hang a sync). */
const MAX_PAGES = 5_000
/** Pages of one list asked at once when they are known to exist (each() below); the rate limiter paces them. */
const READ_AHEAD = 16

/** Thin typed wrapper over the shared HTTP client, plus Syncro's page loop. */
export class SyncroApi {
  constructor(readonly http: HttpClient) {}

  async get<T>(url: string, schema: z.ZodType<T>, params?: Params): Promise<T> {
    return (await this.http.request({ method: 'GET', url, params, schema })).data
  }

  async post<T>(url: string, data: unknown, schema: z.ZodType<T>): Promise<T> {
    return (await this.http.request({ method: 'POST', url, data, schema })).data
  }

  async put<T>(url: string, data: unknown, schema: z.ZodType<T>): Promise<T> {
    return (await this.http.request({ method: 'PUT', url, data, schema })).data
  }

  /**
   * Every item of a paged list. Follows `meta.total_pages` when present; otherwise (schedules,
   * products: meta UNCONFIRMED) stops on the first empty page, as n8n does — syncro.md §2 [S4].
   * Page size is never assumed: real tenants differ from the spec text (§2 [S2]). A server that ignores
   * `page` (no meta, the same items again) is detected by a page repeating the previous one.
   */
  async all<K extends string, I>(
    url: string,
    key: K,
    schema: z.ZodType<{ [P in K]: I[] } & { meta?: { total_pages?: number } }>,
    params: Params = {}
  ): Promise<I[]> {
    const out: I[] = []
    await this.each(url, key, schema, params, (items) => void out.push(...items))
    return out
  }

  /**
   * Like `all`, one page at a time: the caller keeps what it needs of each page, so a list of thousands of schedules
   * is never held whole (a 5,000-org billing run reads every schedule for a few lines of each). Pages are handed over
   * in order. The pages known to exist — up to `meta.total_pages`, or without meta enough pages of page 1's size to
   * hold `atLeast` items the caller knows are there — are asked up to READ_AHEAD at once instead of one after another
   * (at a real round trip of ~0.3 s, 40 pages in a row take 12 s of a rate window that allows 180 requests a
   * minute); past them, one at a time until the empty page.
   */
  async each<K extends string, I>(
    url: string,
    key: K,
    schema: z.ZodType<{ [P in K]: I[] } & { meta?: { total_pages?: number } }>,
    params: Params,
    onPage: (items: I[]) => void,
    atLeast = 0
  ): Promise<void> {
    type Reply = { [P in K]: I[] } & { meta?: { total_pages?: number } }
    const ahead = new Map<number, Promise<Reply>>()
    const replyTo = (page: number): Promise<Reply> => {
      const got = ahead.get(page)
      if (got) {
        ahead.delete(page)
        return got
      }
      return this.get(url, schema, { ...params, page })
    }
    let known = 1
    let previous: string | undefined
    for (let page = 1; page <= MAX_PAGES; page++) {
      for (let p = page + 1; p < Math.min(known + 1, page + READ_AHEAD); p++) {
        if (ahead.has(p)) continue
        const asked = this.get(url, schema, { ...params, page: p })
        // Handled now, awaited in its turn: a page that fails while an earlier one is awaited is no unhandled
        // rejection, and one never awaited (the list ended early, or an earlier page failed) is nobody's.
        asked.catch(() => undefined)
        ahead.set(p, asked)
      }
      const reply = await replyTo(page)
      const items = reply[key]
      const total = reply.meta?.total_pages
      if (total === undefined && items.length > 0) {
        const fingerprint = JSON.stringify(items)
        if (fingerprint === previous) return
        previous = fingerprint
      }
      if (page === 1 && items.length > 0) known = Math.min(MAX_PAGES, total ?? Math.ceil(atLeast / items.length))
      onPage(items)
      if (items.length === 0 || (total !== undefined && page >= total)) return
    }
    throw new AppError('bad-response', `Syncro kept returning pages of ${url} past page ${MAX_PAGES}.`)
  }
}

/** Syncro ids are integers on the wire; ours are strings. Refuse anything else before a request. */
export function wireId(value: string, what: string): number {
  if (!/^\d{1,15}$/.test(value)) throw new AppError('validation', `Not a Syncro ${what} id: "${value.slice(0, 40)}"`)
  return Number(value)
}
