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
  splitting: true
})
