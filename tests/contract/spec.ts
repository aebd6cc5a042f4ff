// Shared helper for contract tests: loads the vendors' official swagger/OpenAPI files from
// `<repo>/../shared/api-specs`, matches recorded requests against their paths, and validates
// simulator replies against the documented response schemas with ajv.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Ajv, type ValidateFunction } from 'ajv'
import addFormatsModule from 'ajv-formats'

export type SpecName = 'syncro' | 'autotask' | 'jumpcloud-v1' | 'jumpcloud-v2' | 'jumpcloud-di'

const SPEC_FILES: Record<SpecName, string> = {
  syncro: 'syncro-v1.openapi.json',
  autotask: 'autotask-rest-v1.swagger.json',
  'jumpcloud-v1': 'jumpcloud-v1.swagger.json',
  'jumpcloud-v2': 'jumpcloud-v2.swagger.json',
  'jumpcloud-di': 'jumpcloud-directoryinsights.swagger.json'
}

type Json = Record<string, unknown>

export interface SpecParameter {
  name: string
  in: string
  required: boolean
}

export interface Operation {
  method: string
  /** Swagger `in: body` parameter schema or OpenAPI JSON `requestBody` schema. */
  requestSchema?: Json
  /** The spec's path template, e.g. `/providers/{provider_id}/organizations`. */
  path: string
  operationId?: string
  parameters: SpecParameter[]
  /** Raw response objects by status key ('200', 'default', '4XX'), `$ref`s resolved. */
  responses: Record<string, Json>
}

interface CompiledPath {
  template: string
  regex: RegExp
  literalSegments: number
  item: Json
}

export interface Spec {
  name: SpecName
  /** 2 = swagger 2.0, 3 = OpenAPI 3.x */
  version: 2 | 3
  doc: Json
  /** Path prefixes from `basePath` or `servers`, as regexes matching the start of a request path. */
  bases: RegExp[]
  paths: CompiledPath[]
  /** Lazily built ajv instances, one per key-normalisation mode. */
  validators: Map<string, { ajv: Ajv; cache: Map<string, ValidateFunction> }>
}

const here = dirname(fileURLToPath(import.meta.url))
/** `<repo>/../shared/api-specs`; the folder is absent on machines without the reference material. */
export const SPECS_DIR = resolve(here, '..', '..', '..', 'shared', 'api-specs')

export function specMissingReason(name: SpecName): string {
  return `contract test skipped: ${join(SPECS_DIR, SPEC_FILES[name])} not found (reference specs are not on this machine)`
}

const loaded = new Map<SpecName, Spec>()

/** Returns the parsed spec, or null when the reference folder is absent (callers describe.skip). */
export function loadSpec(name: SpecName): Spec | null {
  const cached = loaded.get(name)
  if (cached) return cached
  const file = join(SPECS_DIR, SPEC_FILES[name])
  if (!existsSync(file)) return null
  let text = readFileSync(file, 'utf8')
  // The Autotask file starts with a UTF-8 BOM, which JSON.parse rejects.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  const spec = specFromDocument(name, JSON.parse(text) as Json)
  loaded.set(name, spec)
  return spec
}

/** Builds a Spec from an already parsed document (used by loadSpec and by unit tests on tiny specs). */
export function specFromDocument(name: SpecName, doc: Json): Spec {
  const version: 2 | 3 = typeof doc.openapi === 'string' ? 3 : 2
  return { name, version, doc, bases: basesOf(doc, version), paths: compilePaths(doc), validators: new Map() }
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Turns `/a/{id}/b` into a regex source; template variables match one path segment. */
function templateSource(template: string): string {
  return template
    .split(/(\{[^}]+\})/)
    .map((part) => (/^\{[^}]+\}$/.test(part) ? '[^/]+' : escapeRegex(part)))
    .join('')
}

function trimSlash(p: string): string {
  return p.length > 1 && p.endsWith('/') ? p.slice(0, -1) : p
}

function basesOf(doc: Json, version: 2 | 3): RegExp[] {
  const prefixes: string[] = []
  if (version === 2) {
    prefixes.push(trimSlash(typeof doc.basePath === 'string' ? doc.basePath : ''))
  } else {
    const servers = Array.isArray(doc.servers) ? (doc.servers as Json[]) : []
    for (const s of servers) {
      const url = typeof s.url === 'string' ? s.url : ''
      prefixes.push(trimSlash(url.replace(/^[a-z]+:\/\/[^/]*/i, '')))
    }
    if (prefixes.length === 0) prefixes.push('')
  }
  return prefixes.map((p) => new RegExp('^' + templateSource(p === '/' ? '' : p), 'i'))
}

function compilePaths(doc: Json): CompiledPath[] {
  const paths = (doc.paths ?? {}) as Record<string, Json>
  return Object.entries(paths).map(([template, item]) => ({
    template,
    regex: new RegExp('^' + templateSource(trimSlash(template)) + '$'),
    literalSegments: template.split('/').filter((s) => s && !s.includes('{')).length,
    item
  }))
}

/** Resolves a local JSON pointer such as `#/parameters/trait:limit:limit`. */
function resolvePointer(doc: Json, ref: string): Json | undefined {
  if (!ref.startsWith('#/')) return undefined
  let cur: unknown = doc
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~')
    if (cur === null || typeof cur !== 'object') return undefined
    cur = (cur as Json)[key]
  }
  return cur as Json | undefined
}

function deref(doc: Json, node: Json): Json {
  let cur = node
  for (let i = 0; i < 10 && typeof cur.$ref === 'string'; i++) {
    const next = resolvePointer(doc, cur.$ref)
    if (!next) break
    cur = next
  }
  return cur
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options']

function requestPath(path: string): string {
  const noScheme = path.replace(/^[a-z]+:\/\/[^/]*/i, '')
  const noQuery = noScheme.split(/[?#]/)[0] ?? ''
  return trimSlash(noQuery || '/')
}

/**
 * Finds the operation for a request path (a full URL or a path, query string allowed). The spec's
 * basePath / server path is stripped first; literal segments beat templated ones
 * (`/organizations/search` over `/organizations/{id}`).
 */
export function findOperation(
  spec: Spec,
  method: string,
  path: string,
  opts: { caseInsensitive?: boolean } = {}
): Operation | null {
  const m = method.toLowerCase()
  const full = requestPath(path)
  let best: { cp: CompiledPath; op: Json } | undefined
  for (const base of spec.bases) {
    const hit = base.exec(full)
    if (!hit) continue
    const rest = full.slice(hit[0].length) || '/'
    if (!rest.startsWith('/')) continue
    for (const cp of spec.paths) {
      const re = opts.caseInsensitive ? new RegExp(cp.regex.source, 'i') : cp.regex
      if (!re.test(rest)) continue
      const op = cp.item[m]
      if (!op || typeof op !== 'object') continue
      if (!best || cp.literalSegments > best.cp.literalSegments) best = { cp, op: op as Json }
    }
  }
  if (!best) return null
  const doc = spec.doc
  const rawParams = [
    ...((best.cp.item.parameters as Json[] | undefined) ?? []),
    ...((best.op.parameters as Json[] | undefined) ?? [])
  ]
  const resolved = rawParams.map((p) => deref(doc, p))
  let requestSchema = resolved.find((p) => p.in === 'body')?.schema as Json | undefined
  if (!requestSchema && best.op.requestBody && typeof best.op.requestBody === 'object') {
    const content = (deref(doc, best.op.requestBody as Json).content ?? {}) as Record<string, Json>
    const type = Object.keys(content).find((t) => t.includes('json'))
    requestSchema = type ? (content[type]?.schema as Json | undefined) : undefined
  }
  const parameters = resolved.map((p) => ({
    name: String(p.name),
    in: String(p.in),
    required: p.required === true
  }))
  const responses: Record<string, Json> = {}
  for (const [status, r] of Object.entries((best.op.responses ?? {}) as Record<string, Json>)) {
    responses[status] = deref(doc, r)
  }
  const operationId = typeof best.op.operationId === 'string' ? best.op.operationId : undefined
  return { method: m, path: best.cp.template, operationId, parameters, responses, requestSchema }
}

/** Lists what is wrong with a request: unknown path/method, missing required query parameters. */
export function checkRequest(
  spec: Spec,
  req: { method: string; path: string; query?: URLSearchParams | Record<string, unknown> },
  opts: { caseInsensitive?: boolean } = {}
): string[] {
  const label = `${req.method.toUpperCase()} ${requestPath(req.path)}`
  if (!METHODS.includes(req.method.toLowerCase())) return [`${label}: unknown HTTP method`]
  const op = findOperation(spec, req.method, req.path, opts)
  if (!op) {
    const samePath = METHODS.some((m) => m !== req.method.toLowerCase() && findOperation(spec, m, req.path, opts))
    return [
      samePath
        ? `${label}: the path exists in ${spec.name} but not with method ${req.method.toUpperCase()}`
        : `${label}: no such path in ${spec.name}`
    ]
  }
  const present = new Set<string>()
  const fromUrl = req.path.includes('?') ? new URLSearchParams(req.path.split('?')[1]) : new URLSearchParams()
  for (const k of fromUrl.keys()) present.add(k)
  if (req.query instanceof URLSearchParams) for (const k of req.query.keys()) present.add(k)
  else if (req.query) for (const [k, v] of Object.entries(req.query)) if (v !== undefined) present.add(k)
  const problems: string[] = []
  for (const p of op.parameters) {
    if (p.in === 'query' && p.required && !present.has(p.name)) {
      problems.push(`${label} (${op.path}): missing required query parameter "${p.name}"`)
    }
  }
  return problems
}

// ---- response validation -------------------------------------------------------------------

/**
 * Rewrites a swagger/OpenAPI schema tree into something ajv (draft-07) accepts: `$ref`s point
 * into the registered spec document, `nullable`/`x-nullable` become a null type, draft-4 boolean
 * exclusiveMinimum/Maximum become numbers, swagger's `type: file` and discriminators are dropped.
 * `lowerKeys` lower-cases property names (Autotask documents PascalCase, sends camelCase).
 */
function toAjvSchema(node: unknown, lowerKeys: boolean): unknown {
  if (Array.isArray(node)) return node.map((n) => toAjvSchema(n, lowerKeys))
  if (node === null || typeof node !== 'object') return node
  const src = node as Json
  const out: Json = {}
  for (const [k, v] of Object.entries(src)) {
    if (k === '$ref' && typeof v === 'string') out.$ref = v.startsWith('#/') ? `spec${v}` : v
    else if (k === 'properties' && v && typeof v === 'object' && !Array.isArray(v)) {
      const props: Json = {}
      for (const [pk, pv] of Object.entries(v as Json))
        props[lowerKeys ? pk.toLowerCase() : pk] = toAjvSchema(pv, lowerKeys)
      out.properties = props
    } else if (k === 'required' && Array.isArray(v)) {
      out.required = lowerKeys ? v.map((r) => String(r).toLowerCase()) : v
    } else if (k === 'discriminator' || k === 'example' || k === 'examples' || k === 'xml') continue
    else out[k] = toAjvSchema(v, lowerKeys)
  }
  if (out.type === 'file') delete out.type
  for (const [flag, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum']
  ] as const) {
    if (typeof out[flag] === 'boolean') {
      if (out[flag] === true && typeof out[bound] === 'number') out[flag] = out[bound]
      else delete out[flag]
      if (typeof out[flag] === 'number') delete out[bound]
    }
  }
  const nullable = out.nullable === true || out['x-nullable'] === true
  delete out.nullable
  if (nullable) {
    if (typeof out.type === 'string') {
      out.type = [out.type, 'null']
      if (Array.isArray(out.enum)) out.enum = [...out.enum, null]
    } else if (Array.isArray(out.type)) {
      out.type = [...out.type, 'null']
    } else {
      return { anyOf: [out, { type: 'null' }] }
    }
  }
  return out
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv

function validatorsFor(spec: Spec, lowerKeys: boolean): { ajv: Ajv; cache: Map<string, ValidateFunction> } {
  const key = lowerKeys ? 'lower' : 'exact'
  const existing = spec.validators.get(key)
  if (existing) return existing
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, logger: false })
  addFormats(ajv)
  const doc = spec.doc
  // Only the schema containers are registered; `$ref: spec#/definitions/X` resolves into them.
  ajv.addSchema(
    {
      $id: 'spec',
      definitions: toAjvSchema(doc.definitions ?? {}, lowerKeys),
      components: toAjvSchema(doc.components ?? {}, lowerKeys),
      responses: toAjvSchema(doc.responses ?? {}, lowerKeys)
    } as Json,
    'spec'
  )
  const entry = { ajv, cache: new Map<string, ValidateFunction>() }
  spec.validators.set(key, entry)
  return entry
}

/** The documented schema of a response (swagger `schema`, OpenAPI JSON `content`), if any. */
export function responseSchema(spec: Spec, op: Operation, status: number): Json | undefined {
  const r = op.responses[String(status)] ?? op.responses[`${String(status)[0]}XX`] ?? op.responses.default
  if (!r) return undefined
  if (spec.version === 2) return r.schema as Json | undefined
  const content = (r.content ?? {}) as Record<string, Json>
  const type =
    Object.keys(content).find((t) => t === 'application/json') ?? Object.keys(content).find((t) => t.includes('json'))
  return type ? (content[type]?.schema as Json | undefined) : undefined
}

function lowerBodyKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(lowerBodyKeys)
  if (v === null || typeof v !== 'object') return v
  return Object.fromEntries(Object.entries(v as Json).map(([k, x]) => [k.toLowerCase(), lowerBodyKeys(x)]))
}

/**
 * Validates a reply body against the documented schema for `status`. Returns [] when the body
 * fits, or when the spec documents no schema for that status (see `responseSchema` to tell the
 * two apart). `camelCaseKeys`: compare property names case-insensitively.
 */
export function validateResponse(
  spec: Spec,
  op: Operation,
  status: number,
  body: unknown,
  opts: { camelCaseKeys?: boolean } = {}
): string[] {
  const schema = responseSchema(spec, op, status)
  if (!schema) return []
  return validateAgainst(
    spec,
    schema,
    `${op.method.toUpperCase()} ${op.path} ${status}`,
    body,
    opts.camelCaseKeys === true
  )
}

/** Validates a request body against the documented body schema; [] when none is documented. */
export function validateRequestBody(
  spec: Spec,
  op: Operation,
  body: unknown,
  opts: { camelCaseKeys?: boolean } = {}
): string[] {
  if (!op.requestSchema) return []
  return validateAgainst(
    spec,
    op.requestSchema,
    `${op.method.toUpperCase()} ${op.path} request`,
    body,
    opts.camelCaseKeys === true
  )
}

function validateAgainst(spec: Spec, schema: Json, label: string, body: unknown, lower: boolean): string[] {
  const { ajv, cache } = validatorsFor(spec, lower)
  let validate = cache.get(label)
  if (!validate) {
    validate = ajv.compile(toAjvSchema(schema, lower) as Json)
    cache.set(label, validate)
  }
  if (validate(lower ? lowerBodyKeys(body) : body)) return []
  return (validate.errors ?? []).map((e) => `${label}: body${e.instancePath} ${e.message ?? 'is invalid'}`)
}
