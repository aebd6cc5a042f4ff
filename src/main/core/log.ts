import { appendFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'

export type LogLevel = 'debug' | 'info' | 'warn' | 'error'
export interface Logger {
  debug(msg: string, meta?: Record<string, unknown>): void
  info(msg: string, meta?: Record<string, unknown>): void
  warn(msg: string, meta?: Record<string, unknown>): void
  error(msg: string, meta?: Record<string, unknown>): void
  /** Every registered value is replaced by "[redacted]" wherever it appears in a log line. */
  redact(secret: string): void
}

/** Where the log files live (Settings' "Open log folder"). */
export function logDirOf(dataDir: string): string {
  return join(dataDir, 'logs')
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 }

/**
 * JSON-lines logger to `<dataDir>/logs/psa-bridge.log`. Secrets are registered with `redact()`
 * by the secret store as soon as they are read or written, so even an error message that
 * quotes a request can't put one on disk.
 */
export function createLogger(opts: {
  dataDir?: string
  level?: LogLevel
  echo?: boolean
  /** Also hands each line, as plain text ("<time> <level> <message> key=value …"), to this (the service's stdout). */
  plain?: (line: string) => void
}): Logger {
  const secrets = new Set<string>()
  const min = ORDER[opts.level ?? 'info']
  let file: string | undefined
  if (opts.dataDir) {
    const dir = logDirOf(opts.dataDir)
    // Owner-only: lines quote remote error texts, org and user names (PII) on what may be a shared server.
    mkdirSync(dir, { recursive: true, mode: 0o700 })
    file = join(dir, 'psa-bridge.log')
  }
  const scrub = (text: string): string => {
    let out = text
    for (const s of secrets) out = out.split(s).join('[redacted]')
    return out
  }
  // The line is JSON, so a secret holding `"`, `\` or a control character appears escaped; one quoted in a
  // URL appears percent-encoded. Each form is registered, or the raw-form match would miss them.
  const register = (s: string) => {
    for (const form of [s, JSON.stringify(s).slice(1, -1), JSON.stringify(encodeURIComponent(s)).slice(1, -1)])
      secrets.add(form)
  }
  const write = (level: LogLevel, msg: string, meta?: Record<string, unknown>) => {
    if (ORDER[level] < min) return
    const line = scrub(JSON.stringify({ t: new Date().toISOString(), level, msg, ...(meta ?? {}) }))
    if (file) appendFileSync(file, line + '\n', { mode: 0o600 })
    if (opts.echo) process.stderr.write(line + '\n')
    if (opts.plain) opts.plain(scrub(plainLine(level, msg, meta)))
  }
  return {
    debug: (m, meta) => write('debug', m, meta),
    info: (m, meta) => write('info', m, meta),
    warn: (m, meta) => write('warn', m, meta),
    error: (m, meta) => write('error', m, meta),
    redact: (s) => {
      // Very short values would redact ordinary words; real secrets are long.
      if (s.length >= 6) register(s)
    }
  }
}

/** One human line: "2026-03-10T16:00:00.000Z info  usage sampled orgs=12 failed=0". */
function plainLine(level: LogLevel, msg: string, meta?: Record<string, unknown>): string {
  const fields = Object.entries(meta ?? {}).map(([k, v]) => {
    const text = typeof v === 'string' ? v : JSON.stringify(v)
    return `${k}=${/[\s"=]/.test(text ?? '') ? JSON.stringify(text) : text}`
  })
  return [new Date().toISOString(), level.padEnd(5), msg, ...fields].join(' ')
}
