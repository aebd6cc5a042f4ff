import type { SimHandler } from './types'

interface CompiledRoute {
  method: string
  pattern: string
  name?: string
  handler: SimHandler
  segments: string[]
}

export interface RouteMatch {
  handler: SimHandler
  params: Record<string, string>
  pattern: string
  /** Route.name, or `${METHOD} ${pattern}`. */
  name: string
}

function split(path: string): string[] {
  return path.split('/').filter((s) => s !== '')
}

/** Minimal method + path-pattern router ('/api/v1/customers/:id'); first added wins. */
export class Router {
  private readonly routes: CompiledRoute[] = []

  /** Autotask paths are case-insensitive in practice (autotask.md); opt in per router. */
  constructor(private readonly options: { caseInsensitive?: boolean } = {}) {}

  add(method: string, pattern: string, handler: SimHandler, name?: string): this {
    this.routes.push({ method: method.toUpperCase(), pattern, name, handler, segments: split(pattern) })
    return this
  }

  match(method: string, path: string): RouteMatch | null {
    const m = method.toUpperCase()
    const parts = split(path)
    const ci = this.options.caseInsensitive === true
    for (const r of this.routes) {
      if (r.method !== m || r.segments.length !== parts.length) continue
      const params: Record<string, string> = {}
      let ok = true
      for (let i = 0; i < parts.length && ok; i++) {
        const seg = r.segments[i] as string
        const part = parts[i] as string
        if (seg.startsWith(':')) {
          try {
            params[seg.slice(1)] = decodeURIComponent(part)
          } catch {
            ok = false
          }
        } else ok = ci ? seg.toLowerCase() === part.toLowerCase() : seg === part
      }
      if (ok) return { handler: r.handler, params, pattern: r.pattern, name: r.name ?? `${r.method} ${r.pattern}` }
    }
    return null
  }
}
