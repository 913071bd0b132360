// @ts-check
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'
import boundariesPlugin from './eslint/boundaries.js'

const features = [
  'checkout',
  'cashier',
  'orders',
  'wechat',
  'friend-pay',
  'lab',
  'simulator',
  'alipay',
  'alipay-app',
  'console',
  'study',
]

/** Test libraries: only *.test.ts(x) files under src/ import them (the rest of test code lives in test/). */
const testLibraries = [
  'vitest',
  '@vitest/*',
  'fast-check',
  '@fast-check/*',
  '@playwright/test',
  'playwright',
  'playwright-core',
  '@axe-core/playwright',
  'axe-core',
  '@testing-library/*',
  'jsdom',
  'happy-dom',
  'msw',
  'supertest',
  'nock',
  'sinon',
]

/**
 * The boundaries of docs/architecture.md: features don't import each other; contract imports only zod;
 * the domain imports only the contract; nothing outside server/ imports server/.
 */
const boundaries = [
  ...features.map((name) => ({
    target: `./src/features/${name}`,
    from: './src/features',
    except: [`./${name}`],
    message: 'Features do not import each other: join them in src/app.',
  })),
  {
    target: ['./src/features', './src/ui', './src/lib', './src/contract'],
    from: './src/app',
    message: 'Only src/app composes; nothing imports it back.',
  },
  {
    target: ['./src/ui', './src/lib', './src/contract'],
    from: './src/features',
    message: 'Shared code must not depend on a feature.',
  },
  {
    target: ['./src/app', './src/features', './src/ui', './src/lib', './src/contract', './e2e'],
    from: './src/server',
    message: 'server/ is Node only: the browser never imports it.',
  },
  {
    target: './src/contract',
    from: ['./src/app', './src/features', './src/ui', './src/lib', './src/server'],
    message: 'The contract imports only zod.',
  },
  {
    target: './src/server/domain',
    from: [
      './src/server/store',
      './src/server/http',
      './src/app',
      './src/features',
      './src/ui',
      './src/lib',
    ],
    message: 'The domain is pure: it imports only the contract.',
  },
]

export default tseslint.config(
  {
    ignores: [
      'dist',
      'packages/*/dist',
      'node_modules',
      'test-results',
      'playwright-report',
      '.data',
      'public',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: {
      ecmaVersion: 2023,
      globals: { ...globals.browser, ...globals.node },
    },
    plugins: { boundaries: boundariesPlugin },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'boundaries/no-restricted-paths': ['error', { zones: boundaries }],
      'boundaries/no-cycle': 'error',
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/index', '**/index.ts'], message: 'No barrel files.' }] },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'boundaries/no-test-code': [
        'error',
        { packages: testLibraries, folders: ['./test', './scripts', './e2e'] },
      ],
    },
  },
  {
    files: ['src/contract/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(?!zod$|\\./).*', message: 'The contract imports only zod and itself.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/server/domain/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!\\.\\.?/).*',
              message: 'The domain is pure: no packages, no node: modules, no I/O.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'setTimeout', message: 'The domain has no timers.' },
        { name: 'setInterval', message: 'The domain has no timers.' },
        { name: 'fetch', message: 'The domain does no I/O.' },
        { name: 'performance', message: 'The domain takes `now` as an argument.' },
        { name: 'crypto', message: 'Ids and tokens come in with the command.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'The domain takes `now` as an argument.' },
        { object: 'Math', property: 'random', message: 'Ids come in with the command.' },
        ...['globalThis', 'window', 'self'].flatMap((object) => [
          { object, property: 'crypto', message: 'Ids and tokens come in with the command.' },
          { object, property: 'performance', message: 'The domain takes `now` as an argument.' },
          { object, property: 'Date', message: 'The domain takes `now` as an argument.' },
        ]),
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'The domain takes `now` as an argument: `new Date()` reads the clock.',
        },
        {
          selector: "CallExpression[callee.name='Date']",
          message: 'The domain takes `now` as an argument: `Date()` reads the clock.',
        },
      ],
    },
  },
)
