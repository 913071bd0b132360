// @ts-check
/**
 * A local ESLint rule for the import boundaries of BRIEF §9, with the zone format of
 * import/no-restricted-paths: `{ target, from, except?, message }`, folders relative to the repo root.
 * It resolves only what this project uses (relative paths and the `@/` alias of src/), so it needs no
 * resolver package (the usual one ships native bindings that `npm ci` can't always install here).
 */
import path from 'node:path'

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
    docs: { description: 'Keeps the folders of BRIEF §9 from importing what they must not.' },
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

export default { rules: { 'no-restricted-paths': noRestrictedPaths } }
