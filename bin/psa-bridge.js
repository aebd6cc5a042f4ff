#!/usr/bin/env node
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const cli = fileURLToPath(new URL('../out/node/cli.js', import.meta.url))
if (!existsSync(cli)) {
  console.error('psa-bridge is not built yet: run `npm run build` in the project folder first.')
  process.exit(2)
}
await import(cli)
