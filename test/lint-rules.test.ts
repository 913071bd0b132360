// The local lint rules at work (eslint/boundaries.js and eslint.config.js): each forbidden thing is
// reported where it must be, and allowed where it may be.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ESLint, Linter } from 'eslint'
import tseslint from 'typescript-eslint'
import { afterAll, describe, expect, it } from 'vitest'
import boundaries from '../eslint/boundaries.js'

const eslint = new ESLint({ cwd: join(import.meta.dirname, '..') })

/** The rule ids the project's own config reports for `code` as if it were the file at `path`. */
async function reported(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path })
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message)
}

describe('the domain reads no clock, no randomness, no global crypto', () => {
  const domain = 'src/server/domain/probe.ts'
  it.each([
    ['new Date()', 'export const at = new Date()', 'no-restricted-syntax'],
    ['Date()', 'export const at = Date()', 'no-restricted-syntax'],
    ['Date.now', 'export const at = Date.now()', 'no-restricted-properties'],
    ['performance.now', 'export const at = performance.now()', 'no-restricted-globals'],
    [
      'globalThis.performance',
      'export const at = globalThis.performance.now()',
      'no-restricted-properties',
    ],
    ['crypto', 'export const id = crypto.randomUUID()', 'no-restricted-globals'],
    [
      'globalThis.crypto',
      'export const id = globalThis.crypto.randomUUID()',
      'no-restricted-properties',
    ],
    ['Math.random', 'export const n = Math.random()', 'no-restricted-properties'],
  ])('%s is refused', async (_name, code, rule) => {
    expect(await reported(domain, code)).toContain(rule)
  })

  it('a date from a given time is fine, and the rest of the server may read the clock', async () => {
    expect(await reported(domain, 'export const at = (ms: number) => new Date(ms)')).toEqual([])
    expect(await reported('src/server/store/probe.ts', 'export const at = new Date()')).toEqual([])
  })

  it('the domain still imports no package (the rules add up, none replaces another)', async () => {
    expect(
      await reported(domain, "import { z } from 'zod'\nexport const s = z.string()"),
    ).toContain('no-restricted-imports')
  })
})

describe('product code imports no test code', () => {
  it.each([
    ["import { expect } from 'vitest'"],
    ["import fc from 'fast-check'"],
    ["import { test } from '@playwright/test'"],
    ["import { expect } from '@vitest/expect'"],
  ])('%s in src/ is refused', async (line) => {
    const code = `${line}\nexport const x = 1`
    expect(await reported('src/server/http/probe.ts', code)).toContain('boundaries/no-test-code')
    expect(await reported('src/lib/probe.ts', code)).toContain('boundaries/no-test-code')
  })

  it.each([
    ['test/', '../../test/support/money-audit.ts'],
    ['scripts/', '../../scripts/bench/stats.ts'],
    ['e2e/', '../../e2e/fixtures.ts'],
  ])('an import from %s in src/ is refused', async (_folder, spec) => {
    const code = `import { x } from '${spec}'\nexport const y = x`
    expect(await reported('src/server/probe.ts', code)).toContain('boundaries/no-test-code')
  })

  it('a *.test.ts file under src/, and test/ itself, may', async () => {
    const code = "import { expect } from 'vitest'\nexport const x = expect"
    expect(await reported('src/server/http/probe.test.ts', code)).toEqual([])
    expect(await reported('test/support/probe.ts', code)).toEqual([])
  })
})

describe('no-cycle', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lint-cycle-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const file = (name: string, code: string) => {
    writeFileSync(join(dir, name), code)
    return join(dir, name)
  }
  const linter = new Linter({ configType: 'flat', cwd: dir })
  const lint = (path: string, code: string) =>
    linter
      .verify(
        code,
        [
          {
            files: ['**/*.ts'],
            languageOptions: { parser: tseslint.parser },
            plugins: { boundaries },
            rules: { 'boundaries/no-cycle': 'error' },
          },
        ],
        { filename: path },
      )
      .map((m) => m.message)

  it('reports a circle of three files, type imports included, with its chain', () => {
    const a = file('a.ts', "import { b } from './b.ts'\nexport const a = b")
    file('b.ts', "import type { C } from './c.ts'\nexport const b: C = 1")
    file('c.ts', "export { a } from './a.ts'\nexport type C = number")
    const messages = lint(a, "import { b } from './b.ts'\nexport const a = b")
    expect(messages).toHaveLength(1)
    expect(messages[0]).toMatch(/Import cycle: .*a\.ts → .*b\.ts → .*c\.ts → .*a\.ts/)
  })

  it('leaves a chain without a circle, and a dynamic import back, alone', () => {
    const top = file('top.ts', "import { leaf } from './leaf.ts'\nexport const top = leaf")
    file('leaf.ts', "export const leaf = 1\nexport const later = () => import('./top.ts')")
    expect(lint(top, "import { leaf } from './leaf.ts'\nexport const top = leaf")).toEqual([])
  })
})
