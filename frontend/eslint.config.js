import js from '@eslint/js'
import boundaries from 'eslint-plugin-boundaries'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/**
 * Import boundaries: a feature (src/features/<name>) may use the shared code (api, i18n, shared)
 * but never another feature; only the app shell (src/app) puts features together.
 */
export default tseslint.config(
  { ignores: ['dist', 'coverage', 'playwright-report', 'test-results', 'src/api/schema.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['scripts/**/*.mjs', '*.config.{js,ts}'], languageOptions: { globals: globals.node } },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks, boundaries },
    settings: {
      'boundaries/include': ['src/**/*'],
      'boundaries/elements': [
        { type: 'app', pattern: 'src/app' },
        { type: 'feature', pattern: 'src/features/*', capture: ['feature'] },
        { type: 'shared', pattern: 'src/(shared|api|i18n|test)' , mode: 'folder' },
        { type: 'main', pattern: 'src/main.tsx', mode: 'file' },
      ],
      'import/resolver': { typescript: { alwaysTryTypes: true } },
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'boundaries/element-types': [
        'error',
        {
          default: 'disallow',
          rules: [
            { from: 'main', allow: ['app', 'shared'] },
            { from: 'app', allow: ['app', 'feature', 'shared'] },
            { from: 'feature', allow: ['shared', ['feature', { feature: '${from.feature}' }]] },
            { from: 'shared', allow: ['shared'] },
          ],
        },
      ],
    },
  },
  {
    // Queries are declared once, in src/api/queries: elsewhere a key comes from a key factory.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/api/queries/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "Property[key.name='queryKey'] > ArrayExpression", message: 'Use a key factory from src/api/queries, not an inline key.' },
        { selector: "CallExpression[callee.property.name=/QueryData$/] > ArrayExpression", message: 'Use a key factory from src/api/queries, not an inline key.' },
        { selector: "Property[key.name='queryFn']", message: 'Declare queries in src/api/queries and spread their queryOptions.' },
      ],
    },
  },
)
