// Types of the local rule set (boundaries.js is plain JavaScript, checked with @ts-check), for the
// test that runs it (test/lint-rules.test.ts).
import type { ESLint } from 'eslint'

declare const plugin: ESLint.Plugin & { rules: NonNullable<ESLint.Plugin['rules']> }
export default plugin
