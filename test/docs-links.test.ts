// Every link in the repository's Markdown (README, API.md, TESTING.md, docs/, …) leads to a file of the
// repository, and a `#fragment` to a heading of it: a reader's clone has nothing else.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '..')
/** Folders that are built, installed or local: a link into them breaks in a fresh clone. */
const NOT_IN_A_CLONE = [
  'node_modules',
  'dist',
  '.data',
  'test-results',
  'playwright-report',
  '.git',
]

function markdownFiles(folder = ''): string[] {
  const files: string[] = []
  for (const entry of readdirSync(join(ROOT, folder), { withFileTypes: true })) {
    const path = folder === '' ? entry.name : join(folder, entry.name)
    if (entry.isDirectory() && !NOT_IN_A_CLONE.includes(entry.name))
      files.push(...markdownFiles(path))
    else if (entry.isFile() && entry.name.endsWith('.md')) files.push(path)
  }
  return files.sort()
}

/** The text outside fenced code blocks. */
const withoutFences = (markdown: string) =>
  markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '')

/** The text outside code blocks and inline code, where a link is a link. */
const prose = (markdown: string) => withoutFences(markdown).replace(/`[^`\n]*`/g, '``')

interface Link {
  file: string
  target: string
}

function linksOf(file: string): Link[] {
  const text = prose(readFileSync(join(ROOT, file), 'utf8'))
  const targets: string[] = []
  // [text](target "title") and ![alt](target), the text possibly holding inline code or brackets.
  for (const m of text.matchAll(
    /!?\[(?:[^\]\n]|\][^(])*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g,
  ))
    if (m[1]) targets.push(m[1])
  // [label]: target
  for (const m of text.matchAll(/^ {0,3}\[[^\]\n]+\]:\s*<?(\S+?)>?(?:\s.*)?$/gm))
    if (m[1]) targets.push(m[1])
  // <a href="…"> and <img src="…">
  for (const m of text.matchAll(/<(?:a|img)\s[^>]*(?:href|src)="([^"]+)"/g))
    if (m[1]) targets.push(m[1])
  return targets.map((target) => ({ file, target }))
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function anchorsOf(file: string): Set<string> {
  const anchors = new Set<string>()
  const seen = new Map<string, number>()
  const text = withoutFences(readFileSync(file, 'utf8'))
  for (const m of text.matchAll(/^ {0,3}#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = (m[1] ?? '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\p{M} _-]/gu, '')
      .replace(/ /g, '-')
    const n = seen.get(base) ?? 0
    seen.set(base, n + 1)
    anchors.add(n === 0 ? base : `${base}-${n}`)
  }
  return anchors
}

/** What is wrong with a link, or null when it leads somewhere in the repository. */
function problemOf({ file, target }: Link): string | null {
  if (/^(https?:|mailto:)/i.test(target)) return null
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return `a ${target.split(':')[0]}: link`
  if (target.startsWith('/')) return 'an absolute path (relative links only)'
  const [pathPart = '', fragment] = target.split('#', 2)
  const path = decodeURIComponent(pathPart.split('?')[0] ?? '')
  const resolved = path === '' ? join(ROOT, file) : resolve(ROOT, dirname(file), path)
  const inRepo = relative(ROOT, resolved)
  if (inRepo.startsWith('..') || resolve(ROOT, inRepo) !== resolved) return 'outside the repository'
  if (NOT_IN_A_CLONE.some((folder) => inRepo.split(sep)[0] === folder))
    return `into ${inRepo.split(sep)[0]}/, which a clone does not have`
  if (!existsSync(resolved)) return 'no such file'
  if (fragment !== undefined && fragment !== '' && statSync(resolved).isFile()) {
    if (resolved.endsWith('.md') && !anchorsOf(resolved).has(decodeURIComponent(fragment)))
      return `no heading #${fragment} in ${inRepo}`
  }
  return null
}

describe('links in the Markdown files', () => {
  const files = markdownFiles()

  it('covers the README, the API and testing guides and every doc', () => {
    for (const must of ['README.md', 'API.md', 'TESTING.md', join('docs', 'product.md')])
      expect(files).toContain(must)
    expect(files.filter((f) => f.startsWith(`docs${sep}decisions${sep}`)).length).toBeGreaterThan(0)
  })

  it.each(files)('%s: every link leads to a file of the repository', (file) => {
    const broken = linksOf(file)
      .map((link) => ({ ...link, problem: problemOf(link) }))
      .filter((link) => link.problem !== null)
      .map((link) => `${link.target}: ${link.problem}`)
    expect(broken).toEqual([])
  })

  it.each(files)('%s: names no file outside the repository, linked or not', (file) => {
    expect(readFileSync(join(ROOT, file), 'utf8')).not.toMatch(/\.\.\/shared\/|BRIEF\.md/)
  })

  it('reads the links of a page', () => {
    const targets = linksOf(join('docs', 'architecture.md')).map((l) => l.target)
    expect(targets).toContain('product.md')
    expect(targets).toContain('decisions/001-event-journal.md')
  })

  it('the README links to the product doc', () => {
    expect(linksOf('README.md').map((l) => l.target)).toContain('docs/product.md')
  })
})

describe('the link checker itself', () => {
  it('finds what is broken', () => {
    const at = (target: string) => problemOf({ file: 'README.md', target })
    expect(at('../shared/BRIEF.md')).toBe('outside the repository')
    expect(at('docs/nothing-here.md')).toBe('no such file')
    expect(at('/etc/passwd')).toMatch(/absolute/)
    expect(at('file:///etc/passwd')).toMatch(/file: link/)
    expect(at('dist/index.html')).toMatch(/clone/)
    expect(at('TESTING.md#no-such-heading')).toMatch(/no heading/)
    expect(at('TESTING.md#test-api')).toBeNull()
    expect(at('TESTING.md#the-ux-lab-lab')).toBeNull()
    expect(at('docs/product.md#budgets')).toBeNull()
    expect(at('https://example.com/')).toBeNull()
  })
})
