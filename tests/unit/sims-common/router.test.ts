import { describe, expect, it } from 'vitest'
import { Router } from '../../sims/common'

const h = (tag: string) => () => ({ status: 200, body: tag })

describe('Router', () => {
  it('matches method and pattern and extracts decoded params', () => {
    const r = new Router()
      .add('GET', '/api/v1/customers', h('list'))
      .add('GET', '/api/v1/customers/:id/notes/:noteId', h('note'))
    const m = r.match('get', '/api/v1/customers/42/notes/a%20b')
    expect(m?.params).toEqual({ id: '42', noteId: 'a b' })
    expect(m?.pattern).toBe('/api/v1/customers/:id/notes/:noteId')
    expect(m?.name).toBe('GET /api/v1/customers/:id/notes/:noteId')
    expect(r.match('POST', '/api/v1/customers')).toBeNull()
    expect(r.match('GET', '/api/v1/customers/42')).toBeNull()
    expect(r.match('GET', '/api/v1/customers/')?.pattern).toBe('/api/v1/customers')
  })

  it('prefers the first route added and honours a custom name', () => {
    const r = new Router().add('GET', '/t/new', h('literal'), 'new-ticket-form').add('GET', '/t/:id', h('param'))
    expect(r.match('GET', '/t/new')?.name).toBe('new-ticket-form')
    expect(r.match('GET', '/t/7')?.params).toEqual({ id: '7' })
  })

  it('is case-sensitive unless asked otherwise', () => {
    const strict = new Router().add('GET', '/V1.0/Companies/:id', h('c'))
    expect(strict.match('GET', '/v1.0/companies/1')).toBeNull()
    const loose = new Router({ caseInsensitive: true }).add('GET', '/V1.0/Companies/:id', h('c'))
    expect(loose.match('GET', '/v1.0/companies/Ab')?.params).toEqual({ id: 'Ab' })
  })

  it('treats a malformed escape as no match instead of throwing', () => {
    const r = new Router().add('GET', '/x/:id', h('x'))
    expect(r.match('GET', '/x/%E0%A4%A')).toBeNull()
  })
})
