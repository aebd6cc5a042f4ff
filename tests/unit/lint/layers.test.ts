import { fileURLToPath } from 'node:url'
import { ESLint } from 'eslint'
import { beforeAll, describe, expect, it } from 'vitest'

// The layering lives in eslint.config.js; these lint a one-line fixture as if it sat in the named folder and
// check the rule answers (and stays quiet for the allowed direction, so a rule that bans everything fails too).
const root = fileURLToPath(new URL('../../../', import.meta.url))
let eslint: ESLint

beforeAll(() => {
  eslint = new ESLint({ cwd: root })
})

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport {}\n`, { filePath })
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message)
}

describe('lint encodes the layers', () => {
  it.each([
    ['src/main/core/fixture.ts', "import { loadOrgs } from '../customers/store'", /The core must not import/],
    ['src/main/core/fixture.ts', "import type { App } from '../app/app'", /The core must not import/],
    ['src/main/db/fixture.ts', "import { listRunRows } from '../billing/store'", /The core must not import/],
    ['src/main/secrets/fixture.ts', "import { ipc } from '../shell/ipc'", /The core must not import/],
    [
      'src/main/billing/fixture.ts',
      "import { createCustomerHandlers } from '../customers/handlers'",
      /never its handlers \(billing\)/
    ],
    [
      'src/main/ticketing/fixture.ts',
      "import type { App } from '../app/app'",
      /A domain \(ticketing\) must not import/
    ],
    ['src/main/reports/fixture.ts', "import { run } from '../cli/run'", /A domain \(reports\) must not import/],
    ['src/main/connectors/autotask/fixture.ts', "import type { Logger } from '../../core/log'", /Connectors/],
    ['src/main/connectors/fixture.ts', "import { loadOrgs } from '../customers/store'", /Connectors/],
    ['src/shared/contract/fixture.ts', "import type { Db } from '../../main/db/connection'", /src\/shared/],
    ['src/main/app/fixture.ts', "import { createTray } from '../shell/tray'", /The app layer must not import/],
    ['src/main/billing/fixture.ts', "import { app } from 'electron'", /Only src\/main\/shell may import electron/]
  ])('%s: %s is refused', async (file, code, message) => {
    const errors = await layerErrors(file, code)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(message)
  })

  it.each([
    ['src/main/billing/fixture.ts', "import { loadOrgs } from '../customers/store'"],
    ['src/main/billing/fixture.ts', "import { createBillingHandlers } from './handlers'"],
    ['src/main/ticketing/fixture.ts', "import { readSetting } from '../core/settings'"],
    ['src/main/app/fixture.ts', "import { createCustomerHandlers } from '../customers/handlers'"],
    ['src/main/core/fixture.ts', "import type { Db } from '../db/connection'"],
    ['src/main/connectors/syncro/fixture.ts', "import { AppError } from '../../../shared/errors'"],
    ['src/main/cli/fixture.ts', "import { createApp } from '../app/app'"],
    ['src/main/shell/fixture.ts', "import { app } from 'electron'"]
  ])('%s: %s is allowed', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([])
  })
})
