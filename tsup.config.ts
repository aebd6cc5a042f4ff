import { defineConfig } from 'tsup'

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
  // A bundled CommonJS package (commander) requires Node built-ins; ESM output needs a real `require` for that.
  banner: {
    js: "import { createRequire as __psaRequire } from 'node:module'; const require = __psaRequire(import.meta.url);"
  }
})
