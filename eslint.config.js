import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import prettierConfig from 'eslint-config-prettier'

export default tseslint.config(
  { ignores: ['.tmp/**', 'out/**', 'node_modules/**', 'dist/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettierConfig,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error'
    }
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules }
  },
  ...layerRules()
)

/**
 * Layers point one way (ARCHITECTURE.md): shared ← connectors ← core (core, db, secrets) ← domains ← app ← doors
 * (shell, web, cli and the entry files). A domain may use another domain's store and view functions, never its
 * handlers. Flat config replaces a rule per file rather than merging it, so every block repeats the electron ban.
 */
function layerRules() {
  const domains = ['customers', 'billing', 'ticketing', 'assets', 'reports', 'connect', 'scheduler']
  const doors = ['shell', 'web', 'cli']
  const electron = { name: 'electron', message: 'Only src/main/shell may import electron.' }
  // Import paths are relative: "../billing/store", "../../core/log"; a folder is matched as a whole path segment.
  const folders = (names) => `^(\\.\\./)+(${names.join('|')})(/|$)`
  const block = (files, patterns, opts = {}) => ({
    files,
    ...opts,
    rules: { 'no-restricted-imports': ['error', { paths: [electron], patterns }] }
  })
  const notAbove = (what, names) => ({ regex: folders(names), message: `${what} must not import ${names.join(', ')}.` })
  return [
    // The core must stay Electron-free: only src/main/shell and src/main/index.ts may import electron.
    block(['src/main/**/*.ts'], [], { ignores: ['src/main/shell/**', 'src/main/index.ts'] }),
    block(
      ['src/shared/**/*.ts'],
      [
        {
          regex: folders(['main', 'renderer', 'preload']),
          message: 'src/shared is imported by every process; it imports none of them.'
        }
      ]
    ),
    block(
      ['src/main/connectors/**/*.ts'],
      [
        notAbove('Connectors (they see only src/shared and each other)', [
          'core',
          'db',
          'secrets',
          'app',
          ...domains,
          ...doors
        ])
      ]
    ),
    block(['src/main/{core,db,secrets}/**/*.ts'], [notAbove('The core', ['app', ...domains, ...doors])]),
    ...domains.map((d) =>
      block(
        [`src/main/${d}/**/*.ts`],
        [
          notAbove(`A domain (${d})`, ['app', ...doors]),
          {
            regex: `^(\\.\\./)+(${domains.filter((x) => x !== d).join('|')})/handlers$`,
            message: `A domain calls another domain's store functions, never its handlers (${d}).`
          }
        ]
      )
    ),
    block(['src/main/app/**/*.ts'], [notAbove('The app layer', doors)])
  ]
}
