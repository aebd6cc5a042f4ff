import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { INTEGRATION_KINDS } from '../../../src/shared/registry'

// Outside the connectors, the migrations and the registries no source file names a PSA or source
// kind as a string literal: everything else derives from the registry, so a new kind is one entry.

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const ALLOWED = ['src/main/connectors/', 'src/main/db/migrations/', 'src/shared/registry/']
// 'saasalerts' is listed before it is registered, so a literal written ahead of its entry is caught too.
const KINDS = [...new Set<string>([...INTEGRATION_KINDS, 'saasalerts'])]
const LITERAL = new RegExp(`(['"\`])(${KINDS.join('|')})\\1`, 'g')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name)
    if (e.isDirectory()) return sourceFiles(path)
    return /\.(ts|tsx)$/.test(e.name) ? [path] : []
  })
}

function kindLiterals(text: string): string[] {
  return [...text.matchAll(LITERAL)].map((m) => m[0])
}

describe('kind literals', () => {
  it('the pattern finds quoted kinds and nothing else', () => {
    expect(kindLiterals(`a === 'syncro' || b === "jumpcloud" || \`saasalerts\``)).toEqual([
      "'syncro'",
      '"jumpcloud"',
      '`saasalerts`'
    ])
    expect(kindLiterals(`'syncro.apiToken' + 'autotaskZone' + "Syncro"`)).toEqual([])
  })

  it('no source file outside connectors, migrations and the registries names a kind as a literal', () => {
    const offenders = sourceFiles(join(ROOT, 'src'))
      .map((f) => relative(ROOT, f).split('\\').join('/'))
      .filter((f) => !ALLOWED.some((a) => f.startsWith(a)))
      .flatMap((f) => kindLiterals(readFileSync(join(ROOT, f), 'utf8')).map((lit) => `${f}: ${lit}`))
    expect(offenders).toEqual([])
  })
})
