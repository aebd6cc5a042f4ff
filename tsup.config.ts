import { dirname } from 'node:path'
import { builtinModules } from 'node:module'
import { defineConfig } from 'tsup'
import type { Plugin } from 'esbuild'

// Start-up cost is most of a short CLI command's CPU (issue 12: `status --json` ≤ 3 × bare node). The plugins below
// each remove a measured part of it without changing what any command does.

/**
 * zod's `locales` namespace (error messages in ~60 languages, 370 kB) is kept whole by the bundle because `z` is used
 * as a namespace object, and compiling it cost ~16 ms CPU of every CLI start. Nothing here calls
 * `z.config(z.locales.xx())`; English, the default, is imported by zod's schemas directly and stays. A bundled door
 * that wants another language must drop this plugin.
 */
const zodEnglishOnly: Plugin = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (a) =>
      /[\\/]node_modules[\\/]zod[\\/]v4[\\/]/.test(a.importer)
        ? { path: a.importer, namespace: 'zod-english-only' }
        : undefined
    )
    build.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, (a) => ({
      contents: "export { default as en } from '../locales/en.js'",
      resolveDir: dirname(a.path)
    }))
  }
}

const BUILTIN = new RegExp(`^(node:)?(${builtinModules.map((m) => m.replace(/[/.]/g, '\\$&')).join('|')})$`)

/**
 * A static ESM import of a Node built-in makes Node build an ESM facade that reads every export: for `node:fs` that
 * loads the file streams, for `node:crypto` WebCrypto (~8 ms together per start, none of it used by most commands).
 * Our code's static imports of built-ins become `require()` (the banner's), which reads nothing until used.
 * commander requires `child_process` at load for executable subcommands, which this CLI does not have (~6 ms): it
 * gets a proxy that requires the module on first use.
 */
const builtinsByRequire: Plugin = {
  name: 'builtins-by-require',
  setup(build) {
    build.onResolve({ filter: BUILTIN }, (a) => {
      if (a.kind === 'import-statement' && !a.importer.includes('node_modules'))
        return { path: a.path, namespace: 'builtin-require' }
      if (
        a.kind === 'require-call' &&
        /[\\/]node_modules[\\/]commander[\\/]/.test(a.importer) &&
        /child_process$/.test(a.path)
      )
        return { path: a.path, namespace: 'builtin-on-use' }
      return undefined
    })
    build.onLoad({ filter: /.*/, namespace: 'builtin-require' }, (a) => ({
      contents: `module.exports = require(${JSON.stringify(a.path)})`,
      loader: 'js'
    }))
    build.onLoad({ filter: /.*/, namespace: 'builtin-on-use' }, (a) => ({
      contents: `let m; module.exports = new Proxy({}, { get: (_, k) => (m ??= require(${JSON.stringify(a.path)}))[k] })`,
      loader: 'js'
    }))
  }
}

// The two Electron-free doors (CLI and browser bridge) run on plain Node.
export default defineConfig({
  entry: { cli: 'src/main/cli.ts', web: 'src/main/web.ts' },
  outDir: 'out/node',
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  clean: true,
  splitting: true,
  // Small pure-JS dependencies every command needs are bundled: loading zod's ~100 ESM files one by one cost more
  // CPU at start-up than evaluating them (issue 12). Native (better-sqlite3, keytar) and heavy, rarely used ones
  // (exceljs, pdfkit, axios: loaded on first use) stay external.
  noExternal: ['zod', 'commander', 'luxon', 'p-queue', 'eventemitter3', 'p-timeout'],
  esbuildPlugins: [zodEnglishOnly, builtinsByRequire],
  // tsup's own plugin would take `node:` imports before builtinsByRequire sees them.
  removeNodeProtocol: false,
  // A bundled CommonJS package (commander) requires Node built-ins; ESM output needs a real `require` for that.
  banner: {
    js: "import { createRequire as __psaRequire } from 'node:module'; const require = __psaRequire(import.meta.url);"
  }
})
