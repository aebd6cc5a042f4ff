import { describe, expect, it } from 'vitest'
import { checkRequest, findOperation, loadSpec, specFromDocument, validateRequestBody, validateResponse } from './spec'

// Tiny inline specs: one swagger 2.0 (JumpCloud-like), one OpenAPI 3 (Syncro-like), one PascalCase (Autotask-like).
const swagger = specFromDocument('jumpcloud-v2', {
  swagger: '2.0',
  basePath: '/api/v2/',
  parameters: { limit: { in: 'query', name: 'limit', type: 'integer' } },
  paths: {
    '/providers/{provider_id}/organizations': {
      parameters: [{ in: 'path', name: 'provider_id', required: true, type: 'string' }],
      get: {
        parameters: [{ $ref: '#/parameters/limit' }, { in: 'query', name: 'must', required: true, type: 'string' }],
        responses: {
          '200': {
            schema: {
              type: 'object',
              required: ['results', 'totalCount'],
              properties: {
                results: { type: 'array', items: { $ref: '#/definitions/Org' } },
                totalCount: { type: 'integer' }
              }
            }
          },
          '401': { $ref: '#/responses/err401' }
        }
      }
    },
    '/providers/{provider_id}/organizations/search': { get: { responses: { '200': { schema: { type: 'array' } } } } }
  },
  responses: { err401: { description: 'x', schema: { $ref: '#/definitions/Error' } } },
  definitions: {
    Org: {
      type: 'object',
      required: ['id', 'name'],
      properties: { id: { type: 'string' }, name: { type: 'string' }, note: { type: 'string', 'x-nullable': true } }
    },
    Error: { type: 'object', properties: { code: { type: 'integer', format: 'int32' }, message: { type: 'string' } } }
  }
})

const openapi = specFromDocument('syncro', {
  openapi: '3.0.0',
  servers: [{ url: 'https://{subdomain}.syncromsp.com/api/v1' }],
  paths: {
    '/customers': {
      get: {
        responses: {
          '200': {
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['customers'],
                  properties: {
                    customers: { type: 'array', items: { $ref: '#/components/schemas/Customer' } }
                  }
                }
              }
            }
          }
        }
      }
    }
  },
  components: {
    schemas: {
      Customer: {
        type: 'object',
        properties: { id: { type: 'integer' }, business_name: { type: 'string', nullable: true } }
      }
    }
  }
})

const pascal = specFromDocument('autotask', {
  swagger: '2.0',
  basePath: '/ATServicesRest',
  paths: {
    '/V1.0/Companies/{id}': {
      get: {
        responses: {
          '200': {
            schema: {
              type: 'object',
              properties: {
                item: {
                  type: 'object',
                  required: ['Id', 'CompanyName'],
                  properties: { Id: { type: 'integer' }, CompanyName: { type: 'string' } }
                }
              }
            }
          }
        }
      }
    }
  }
})

describe('findOperation / checkRequest', () => {
  it('matches templated paths under the basePath, full URLs and query strings included', () => {
    const op = findOperation(swagger, 'GET', 'http://127.0.0.1:5/api/v2/providers/abc/organizations?limit=1&must=x')
    expect(op?.path).toBe('/providers/{provider_id}/organizations')
    expect(op?.parameters.map((p) => p.name)).toEqual(['provider_id', 'limit', 'must'])
  })

  it('prefers a literal segment over a template', () => {
    expect(findOperation(swagger, 'GET', '/api/v2/providers/abc/organizations/search')?.path).toBe(
      '/providers/{provider_id}/organizations/search'
    )
  })

  it('reports a wrong path, a wrong method and a missing required query parameter', () => {
    expect(checkRequest(swagger, { method: 'GET', path: '/api/v2/providers/abc/orgs' })).toEqual([
      'GET /api/v2/providers/abc/orgs: no such path in jumpcloud-v2'
    ])
    expect(checkRequest(swagger, { method: 'GET', path: '/api/providers/abc/organizations' })[0]).toMatch(
      /no such path/
    )
    expect(checkRequest(swagger, { method: 'POST', path: '/api/v2/providers/abc/organizations' })[0]).toMatch(
      /not with method POST/
    )
    expect(checkRequest(swagger, { method: 'GET', path: '/api/v2/providers/abc/organizations?limit=1' })).toEqual([
      'GET /api/v2/providers/abc/organizations (/providers/{provider_id}/organizations): missing required query parameter "must"'
    ])
    expect(
      checkRequest(swagger, {
        method: 'GET',
        path: '/api/v2/providers/abc/organizations',
        query: new URLSearchParams({ must: '1' })
      })
    ).toEqual([])
  })

  it('matches OpenAPI 3 server paths with variables, and case-insensitively only on request', () => {
    expect(findOperation(openapi, 'get', '/api/v1/customers')?.path).toBe('/customers')
    expect(findOperation(pascal, 'get', '/ATServicesRest/v1.0/companies/7')).toBeNull()
    expect(findOperation(pascal, 'get', '/ATServicesRest/v1.0/companies/7', { caseInsensitive: true })?.path).toBe(
      '/V1.0/Companies/{id}'
    )
  })
})

describe('validateResponse', () => {
  const op = findOperation(swagger, 'GET', '/api/v2/providers/abc/organizations')!

  it('accepts a body of the documented envelope, with x-nullable fields null', () => {
    expect(
      validateResponse(swagger, op, 200, { results: [{ id: 'a', name: 'Acme', note: null }], totalCount: 1 })
    ).toEqual([])
  })

  it('reports a wrong envelope and a wrong item through $ref definitions', () => {
    const bare = validateResponse(swagger, op, 200, [{ id: 'a', name: 'Acme' }])
    expect(bare.join('\n')).toMatch(/must be object/)
    const badItem = validateResponse(swagger, op, 200, { results: [{ id: 1 }], totalCount: 1 })
    expect(badItem.join('\n')).toMatch(/results\/0\/id must be string/)
    expect(badItem.join('\n')).toMatch(/must have required property 'name'/)
  })

  it('follows a $ref to a shared response object', () => {
    expect(validateResponse(swagger, op, 401, { code: 401, message: 'no' })).toEqual([])
    expect(validateResponse(swagger, op, 401, { code: 'x' }).length).toBe(1)
  })

  it('returns no errors for an undocumented status', () => {
    expect(validateResponse(swagger, op, 429, 'anything')).toEqual([])
  })

  it('handles OpenAPI 3 content schemas, components refs and nullable', () => {
    const cop = findOperation(openapi, 'GET', '/api/v1/customers')!
    expect(validateResponse(openapi, cop, 200, { customers: [{ id: 1, business_name: null }] })).toEqual([])
    expect(validateResponse(openapi, cop, 200, { customers: [{ id: '1' }] }).join()).toMatch(
      /customers\/0\/id must be integer/
    )
    expect(validateResponse(openapi, cop, 200, { data: [] }).join()).toMatch(/required property 'customers'/)
  })

  it('compares PascalCase spec properties with camelCase wire names when asked', () => {
    const aop = findOperation(pascal, 'GET', '/ATServicesRest/V1.0/Companies/7')!
    const wire = { item: { id: 7, companyName: 'Acme' } }
    expect(validateResponse(pascal, aop, 200, wire).join()).toMatch(/required property 'Id'/)
    expect(validateResponse(pascal, aop, 200, wire, { camelCaseKeys: true })).toEqual([])
    expect(
      validateResponse(pascal, aop, 200, { item: { id: 'x', companyName: 'A' } }, { camelCaseKeys: true }).join()
    ).toMatch(/item\/id must be integer/)
  })
})

describe('loadSpec', () => {
  const di = loadSpec('jumpcloud-di')
  it.skipIf(!di)('loads the real specs (BOM stripped) and caches them', () => {
    expect(loadSpec('jumpcloud-di')).toBe(di)
    expect(findOperation(di!, 'POST', '/insights/directory/v1/events')?.path).toBe('/events')
    const at = loadSpec('autotask')!
    expect(findOperation(at, 'POST', '/ATServicesRest/V1.0/Companies/query')?.operationId).toBe('Companies_Query')
  })
})

describe('validateRequestBody', () => {
  const spec = specFromDocument('jumpcloud-di', {
    swagger: '2.0',
    basePath: '/insights/directory/v1',
    paths: {
      '/events': {
        post: {
          parameters: [{ in: 'body', name: 'body', required: true, schema: { $ref: '#/definitions/Q' } }],
          responses: { '200': { schema: { type: 'array' } } }
        }
      }
    },
    definitions: {
      Q: {
        type: 'object',
        required: ['service', 'start_time'],
        properties: {
          service: { type: 'array', items: { type: 'string', enum: ['all', 'directory'] } },
          start_time: { type: 'string', format: 'date-time' }
        }
      }
    }
  })
  const op = findOperation(spec, 'POST', '/insights/directory/v1/events')!

  it('accepts a documented body and reports a missing field, a bad enum value and a bad date-time', () => {
    expect(validateRequestBody(spec, op, { service: ['all'], start_time: '2026-01-01T00:00:00Z' })).toEqual([])
    const errs = validateRequestBody(spec, op, { service: ['alert'], start_time: 'yesterday' }).join('\n')
    expect(errs).toMatch(/service\/0 must be equal to one of the allowed values/)
    expect(errs).toMatch(/start_time must match format "date-time"/)
    expect(validateRequestBody(spec, op, { service: ['all'] }).join()).toMatch(/required property 'start_time'/)
  })
})
