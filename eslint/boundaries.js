// @ts-check
/**
 * Local ESLint rules for the import boundaries of docs/architecture.md (see docs/decisions/002-boundaries-rule.md):
 *
 * - `no-restricted-paths`: the zone format of import/no-restricted-paths,
 *   `{ target, from, except?, message }`, folders relative to the repo root;
 * - `no-test-code`: product code imports no test library (vitest, fast-check, Playwright, …) and
 *   nothing from the test and tooling folders (test/, scripts/, e2e/);
 * - `no-cycle`: no file imports itself through a chain of static imports (`import type` counts:
 *   a circle of types is still two modules that cannot be read apart; a dynamic `import()` does not,
 *   it is how a screen is split off and loaded later).
 *
 * They resolve only what this project uses (relative paths and the `@/` alias of src/), so they need no
 * resolver package (the usual one ships native bindings that `npm ci` can't always install here).
 * `no-cycle` reads the other files with TypeScript's parser (already a dev dependency).
 */
import { readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

const root = path.resolve(import.meta.dirname, '..')
const src = path.join(root, 'src')

/** @param {string} parent @param {string} child */
function isInside(parent, child) {
  const relative = path.relative(parent, child)
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))
}

/** @param {string | string[]} value */
const list = (value) => (Array.isArray(value) ? value : [value]).map((p) => path.resolve(root, p))

/** @param {string} spec @param {string} file */
function resolveSpecifier(spec, file) {
  if (spec.startsWith('@/')) return path.join(src, spec.slice(2))
  if (spec.startsWith('.')) return path.resolve(path.dirname(file), spec)
  return null
}

/** @type {import('eslint').Rule.RuleModule} */
const noRestrictedPaths = {
  meta: {
    type: 'problem',
    docs: {
      description: 'Keeps the folders of docs/architecture.md from importing what they must not.',
    },
    schema: [
      { type: 'object', properties: { zones: { type: 'array' } }, additionalProperties: false },
    ],
  },
  create(context) {
    const file = context.filename
    /** @type {{ target: string | string[], from: string | string[], except?: string[], message: string }[]} */
    const zones = context.options[0]?.zones ?? []
    const active = zones.filter((zone) => list(zone.target).some((t) => isInside(t, file)))
    if (active.length === 0) return {}

    /** @param {import('estree').Node} node @param {unknown} source */
    function check(node, source) {
      if (typeof source !== 'string') return
      const resolved = resolveSpecifier(source, file)
      if (!resolved) return
      for (const zone of active) {
        for (const from of list(zone.from)) {
          if (!isInside(from, resolved)) continue
          const excepted = (zone.except ?? []).some((e) =>
            isInside(path.resolve(from, e), resolved),
          )
          if (!excepted) context.report({ node, message: `${zone.message} ('${source}')` })
        }
      }
    }

    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) =>
        node.source.type === 'Literal' ? check(node, node.source.value) : undefined,
    }
  },
}

/** @param {string} spec */
const packageOf = (spec) =>
  spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] ?? spec)

/** @type {import('eslint').Rule.RuleModule} */
const noTestCode = {
  meta: {
    type: 'problem',
    docs: {
      description: 'Product code imports no test library and nothing from the test folders.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          packages: { type: 'array', items: { type: 'string' } },
          folders: { type: 'array', items: { type: 'string' } },
        },
        additionalProperties: false,
      },
    ],
  },
  create(context) {
    const file = context.filename
    /** @type {{ packages?: string[], folders?: string[] }} */
    const options = context.options[0] ?? {}
    const packages = new Set(options.packages ?? [])
    const folders = list(options.folders ?? [])

    /** @param {import('estree').Node} node @param {unknown} source */
    function check(node, source) {
      if (typeof source !== 'string') return
      const resolved = resolveSpecifier(source, file)
      if (resolved) {
        const folder = folders.find((f) => isInside(f, resolved))
        if (folder)
          context.report({
            node,
            message: `Product code does not import test or tooling code (${path.relative(root, folder)}/): '${source}'`,
          })
        return
      }
      const name = packageOf(source)
      if (
        packages.has(name) ||
        [...packages].some((p) => p.endsWith('/*') && name.startsWith(p.slice(0, -1)))
      )
        context.report({
          node,
          message: `Only *.test.ts files import a test library ('${source}'): move what needs it to test/.`,
        })
    }

    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) =>
        node.source.type === 'Literal' ? check(node, node.source.value) : undefined,
    }
  },
}

// ---- no-cycle ---------------------------------------------------------------------------------

const EXTENSIONS = ['', '.ts', '.tsx', '.js', '.mjs', '/index.ts', '/index.tsx']
const SOURCE = /\.(ts|tsx|mts|js|mjs|jsx)$/

/** The file a specifier names, or null when it is a package, a stylesheet or missing. @param {string} spec @param {string} from */
function resolveFile(spec, from) {
  const base = resolveSpecifier(spec, from)
  if (!base) return null
  for (const ext of EXTENSIONS) {
    const candidate = base + ext
    if (!SOURCE.test(candidate)) continue
    try {
      if (statSync(candidate).isFile()) return candidate
    } catch {
      // not this one
    }
  }
  return null
}

/**
 * The static imports and re-exports of a file (with `import type`; without dynamic `import()`), read
 * with TypeScript's parser, resolved, cached by modification time (an editor's long-lived ESLint sees
 * edits; a file is looked at again at most once a second).
 * @type {Map<string, { mtimeMs: number, checkedAt: number, deps: string[] }>}
 */
const graph = new Map()

/** @param {string} file @returns {string[]} */
function depsOf(file) {
  const now = Date.now()
  const cached = graph.get(file)
  if (cached && now - cached.checkedAt < 1000) return cached.deps
  let mtimeMs
  try {
    mtimeMs = statSync(file).mtimeMs
  } catch {
    graph.set(file, { mtimeMs: -1, checkedAt: now, deps: [] })
    return []
  }
  if (cached && cached.mtimeMs === mtimeMs) {
    cached.checkedAt = now
    return cached.deps
  }
  const text = readFileSync(file, 'utf8')
  const kind = file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, kind)
  /** @type {string[]} */
  const deps = []
  for (const statement of sourceFile.statements) {
    const spec =
      (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) &&
      statement.moduleSpecifier &&
      ts.isStringLiteral(statement.moduleSpecifier)
        ? statement.moduleSpecifier.text
        : null
    const resolved = spec === null ? null : resolveFile(spec, file)
    if (resolved && !deps.includes(resolved)) deps.push(resolved)
  }
  graph.set(file, { mtimeMs, checkedAt: now, deps })
  return deps
}

/**
 * The shortest chain of imports from `start` back to `goal`, or null.
 * @param {string} start @param {string} goal @returns {string[] | null}
 */
function pathBack(start, goal) {
  if (start === goal) return [start]
  /** @type {Map<string, string | null>} */
  const cameFrom = new Map([[start, null]])
  /** @type {string[]} */
  let frontier = [start]
  while (frontier.length > 0) {
    /** @type {string[]} */
    const next = []
    for (const file of frontier) {
      if (file.includes(`${path.sep}node_modules${path.sep}`)) continue
      for (const dep of depsOf(file)) {
        if (cameFrom.has(dep)) continue
        cameFrom.set(dep, file)
        if (dep === goal) {
          /** @type {string[]} */
          const chain = []
          for (let at = /** @type {string | null | undefined} */ (dep); at; at = cameFrom.get(at))
            chain.unshift(at)
          return chain
        }
        next.push(dep)
      }
    }
    frontier = next
  }
  return null
}

/** @type {import('eslint').Rule.RuleModule} */
const noCycle = {
  meta: {
    type: 'problem',
    docs: { description: 'No file imports itself through a chain of static imports.' },
    schema: [],
  },
  create(context) {
    const file = path.resolve(context.filename)
    /** @type {Set<string>} */
    const reported = new Set()

    /** @param {import('estree').Node} node @param {unknown} source */
    function check(node, source) {
      if (typeof source !== 'string') return
      const target = resolveFile(source, file)
      if (!target || reported.has(target)) return
      const chain = pathBack(target, file)
      if (!chain) return
      reported.add(target)
      const names = [file, ...chain].map((f) => path.relative(root, f))
      context.report({ node, message: `Import cycle: ${names.join(' → ')}` })
    }

    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
    }
  },
}

export default {
  rules: {
    'no-restricted-paths': noRestrictedPaths,
    'no-test-code': noTestCode,
    'no-cycle': noCycle,
  },
}
