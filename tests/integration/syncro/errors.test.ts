import { describe, expect, it } from 'vitest'
import { bodyText, createSyncroErrorMapper, permissionFor } from '../../../src/main/connectors/syncro/errors'

// The mapper alone, for error shapes and transport failures the simulator cannot easily produce.

const map = createSyncroErrorMapper('acme')

describe('Syncro error mapping', () => {
  it('flattens every documented validation shape (syncro.md §4 A–G) into one line', () => {
    expect(bodyText({ success: false, message: ['Email is not an email', 'Name bad'], params: { email: 'x' } })).toBe(
      'Email is not an email; Name bad'
    )
    expect(bodyText({ error: ['Frequency Must be a valid selection', "Next run can't be blank"] })).toBe(
      "Frequency Must be a valid selection; Next run can't be blank"
    )
    expect(bodyText({ error: 'Customer required field' })).toBe('Customer required field')
    expect(bodyText({ record: { id: null, email: 'x' }, errors: 'Email is not an email' })).toBe(
      'Email is not an email'
    )
    expect(bodyText({ errors: "Name can't be blank, Description can't be blank", params: {} })).toBe(
      "Name can't be blank, Description can't be blank"
    )
    expect(bodyText({ customer_id: ["can't be blank"], date: ["can't be blank"] })).toBe(
      "customer_id can't be blank; date can't be blank"
    )
    expect(bodyText({ errors: { mute_for: ['is not included in the list'] } })).toBe(
      'mute_for is not included in the list'
    )
    expect(bodyText('<!DOCTYPE html><html>…</html>')).toBe('')
  })

  it('a DNS failure means no such Syncro account', () => {
    const e = map({ method: 'GET', url: '/api/v1/me', code: 'ENOTFOUND' })
    expect(e).toMatchObject({
      code: 'not-found',
      field: 'subdomain',
      message: expect.stringContaining('acme.syncromsp.com')
    })
  })

  it('a JSON 404 on /me is not mistaken for a missing tenant', () => {
    expect(map({ method: 'GET', url: '/api/v1/me', status: 404, body: { message: 'Not found' } })).toMatchObject({
      code: 'not-found'
    })
    expect(
      map({ method: 'GET', url: '/api/v1/me', status: 404, body: { message: 'Not found' } })?.field
    ).toBeUndefined()
  })

  it('tells a bad token (auth) from a missing permission (permission) on 401', () => {
    const perm = { error: 'Not authorized. Please ask account admin to update your group permissions.' }
    expect(map({ method: 'GET', url: '/api/v1/me', status: 401, body: perm })?.code).toBe('auth') // /me needs no permission
    expect(map({ method: 'GET', url: '/api/v1/customers', status: 401, body: { error: 'Unauthorized' } })?.code).toBe(
      'auth'
    )
    expect(map({ method: 'GET', url: '/api/v1/customers', status: 401 })?.code).toBe('auth')
    expect(map({ method: 'PUT', url: '/api/v1/schedules/4/line_items/9', status: 401, body: perm })).toMatchObject({
      code: 'permission',
      message: expect.stringContaining('Recurring Invoices - Edit')
    })
  })

  it('names the permission each request needs', () => {
    expect(permissionFor('GET', '/api/v1/schedules')).toBe('Recurring Invoices - List')
    expect(permissionFor('POST', '/api/v1/tickets/5/comment')).toBe('Tickets - Create/Edit/Delete')
    expect(permissionFor('GET', '/api/v1/tickets/5')).toBe('Tickets - View Details')
    expect(permissionFor('GET', '/api/v1/customer_assets')).toBe('Assets - List/Search')
    expect(permissionFor('POST', '/api/v1/customers')).toBe('Customers - Create/Edit/Delete')
  })

  it('leaves 429 and 5xx to the generic mapping', () => {
    expect(map({ method: 'GET', url: '/api/v1/customers', status: 429 })).toBeUndefined()
    expect(map({ method: 'GET', url: '/api/v1/customers', status: 503 })).toBeUndefined()
  })
})
