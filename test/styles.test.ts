// The stylesheets stay on the tokens (docs/decisions/009-style-tokens.md): no raw colour and no raw
// z-index outside src/ui/tokens.css, every stylesheet inside the cascade layer of its folder, every token
// it names defined. The checks run on every src/**/*.css; the cases at the end prove that each one bites.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '..')
const SRC = join(ROOT, 'src')
const TOKENS = 'src/ui/tokens.css'
const LAYER_ORDER = '@layer tokens, base, ui, app, features;'

function files(folder: string, ext: string): string[] {
  const out: string[] = []
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) out.push(...files(path, ext))
    else if (entry.name.endsWith(ext)) out.push(path)
  }
  return out.sort()
}

const repoPath = (path: string) => relative(ROOT, path).split(sep).join('/')

/** The layer a stylesheet belongs in, by where it lives. */
function layerOf(path: string): string {
  if (path === 'src/ui/base.css') return 'base'
  if (path.startsWith('src/ui/')) return 'ui'
  if (path.startsWith('src/app/')) return 'app'
  return 'features'
}

/** The CSS named colours (CSS Color 4), besides transparent and currentColor, which name no colour. */
const NAMED_COLOURS = new Set(
  (
    'aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown ' +
    'burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan ' +
    'darkgoldenrod darkgray darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid ' +
    'darkred darksalmon darkseagreen darkslateblue darkslategray darkslategrey darkturquoise darkviolet ' +
    'deeppink deepskyblue dimgray dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro ' +
    'ghostwhite gold goldenrod gray green greenyellow grey honeydew hotpink indianred indigo ivory khaki ' +
    'lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan lightgoldenrodyellow ' +
    'lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen lightskyblue lightslategray ' +
    'lightslategrey lightsteelblue lightyellow lime limegreen linen magenta maroon mediumaquamarine ' +
    'mediumblue mediumorchid mediumpurple mediumseagreen mediumslateblue mediumspringgreen ' +
    'mediumturquoise mediumvioletred midnightblue mintcream mistyrose moccasin navajowhite navy oldlace ' +
    'olive olivedrab orange orangered orchid palegoldenrod palegreen paleturquoise palevioletred ' +
    'papayawhip peachpuff peru pink plum powderblue purple rebeccapurple red rosybrown royalblue ' +
    'saddlebrown salmon sandybrown seagreen seashell sienna silver skyblue slateblue slategray slategrey ' +
    'snow springgreen steelblue tan teal thistle tomato turquoise violet wheat white whitesmoke yellow ' +
    'yellowgreen'
  ).split(' '),
)
const COLOUR_FUNCTION = /\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(/i
const HEX = /#[0-9a-f]{3,8}\b/i

interface Declaration {
  property: string
  value: string
  line: number
}

/** The CSS without comments, strings and url(…) (blanked, so lines and offsets stay). */
function code(css: string): string {
  const blank = (m: string) => m.replace(/[^\n]/g, ' ')
  return css
    .replace(/\/\*[\s\S]*?\*\//g, blank)
    .replace(/url\((?:[^()'"]|'[^']*'|"[^"]*")*\)/gi, (m) => `url(${blank(m.slice(4, -1))})`)
    .replace(/'[^'\n]*'|"[^"\n]*"/g, (m) => `'${blank(m.slice(1, -1))}'`)
}

/** Every declaration of the innermost blocks (rules, keyframe steps). */
function declarations(css: string): Declaration[] {
  const text = code(css)
  const out: Declaration[] = []
  for (const block of text.matchAll(/\{([^{}]*)\}/g)) {
    const start = (block.index ?? 0) + 1
    for (const decl of block[1]?.matchAll(/([-\w]+)\s*:\s*([^;]+)/g) ?? []) {
      const offset = start + (decl.index ?? 0)
      out.push({
        property: (decl[1] ?? '').toLowerCase(),
        value: (decl[2] ?? '').trim(),
        line: text.slice(0, offset).split('\n').length,
      })
    }
  }
  return out
}

/** What is wrong with one stylesheet at `path` (repository-relative). */
function problems(path: string, css: string): string[] {
  const found: string[] = []
  const isTokens = path === TOKENS
  if (!isTokens) {
    for (const { property, value, line } of declarations(css)) {
      const words = value.replace(/var\(\s*--[-\w]+/g, 'var(').toLowerCase()
      const named = words.match(/[a-z]+/g)?.find((w) => NAMED_COLOURS.has(w))
      if (HEX.test(words) || COLOUR_FUNCTION.test(words) || named) {
        found.push(
          `${path}:${line}: raw colour in \`${property}: ${value}\`: name a token of ${TOKENS}`,
        )
      }
      if (property === 'z-index' && !/^(auto|var\(--z-[-\w]+\))$/.test(value)) {
        found.push(`${path}:${line}: raw \`z-index: ${value}\`: name a layer of ${TOKENS} (--z-…)`)
      }
    }
  }
  // One `@layer <name> { … }` holds the whole file (tokens.css: the order statement, then its block).
  const layer = isTokens ? 'tokens' : layerOf(path)
  const text = code(css).trim()
  const body = isTokens ? text.replace(LAYER_ORDER, '').trim() : text
  const open = new RegExp(`^@layer\\s+${layer}\\s*\\{`)
  if (isTokens && !text.startsWith(LAYER_ORDER)) {
    found.push(`${path}: must start with \`${LAYER_ORDER}\``)
  }
  if (!open.test(body) || closingBrace(body) !== body.length - 1) {
    found.push(`${path}: the whole file belongs inside one \`@layer ${layer} { … }\``)
  }
  return found
}

/** Where the block the text opens with ends. */
function closingBrace(text: string): number {
  let depth = 0
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '{') depth++
    else if (text[i] === '}' && --depth === 0) return i
  }
  return -1
}

/** Custom properties named with `var(--x)` (no fallback) that nobody defines. */
function undefinedTokens(sheets: Map<string, string>, tsx: string[]): string[] {
  const defined = new Set<string>()
  for (const css of sheets.values()) {
    for (const m of code(css).matchAll(/(--[-\w]+)\s*:/g)) defined.add(m[1] ?? '')
  }
  for (const source of tsx)
    for (const m of source.matchAll(/['"](--[-\w]+)['"]/g)) defined.add(m[1] ?? '')
  const missing: string[] = []
  for (const [path, css] of sheets) {
    for (const m of code(css).matchAll(/var\(\s*(--[-\w]+)\s*\)/g)) {
      if (!defined.has(m[1] ?? '')) missing.push(`${path}: var(${m[1]}) is defined nowhere`)
    }
  }
  return missing
}

describe('stylesheets', () => {
  const sheets = new Map(files(SRC, '.css').map((f) => [repoPath(f), readFileSync(f, 'utf8')]))

  it('name tokens for every colour and z-index, each inside its layer', () => {
    expect([...sheets].flatMap(([path, css]) => problems(path, css))).toEqual([])
  })

  it('name only tokens that exist', () => {
    const tsx = files(SRC, '.tsx').map((f) => readFileSync(f, 'utf8'))
    expect(undefinedTokens(sheets, tsx)).toEqual([])
  })

  it('get the layer order first: tokens.css is the first import of main.tsx', () => {
    expect(sheets.has(TOKENS)).toBe(true)
    const main = readFileSync(join(SRC, 'main.tsx'), 'utf8')
    expect(main.match(/^import .*$/m)?.[0]).toBe(`import './ui/tokens.css'`)
  })
})

describe('the checks bite', () => {
  const layered = (path: string, rules: string) => `@layer ${layerOf(path)} {\n${rules}\n}\n`
  const at = 'src/features/x/x.css'

  it.each([
    ['a hex colour', '.a { color: #07c160; }'],
    ['rgb()', '.a { box-shadow: 0 1px 2px rgb(0 0 0 / 6%); }'],
    ['rgba()', '.a { background: rgba(0, 0, 0, 0.5); }'],
    ['hsl()', '.a { color: hsl(120 50% 50%); }'],
    ['a named colour', '.a { border: 1px solid white; }'],
    ['a colour in a custom property', '.a { --mine: #fff; }'],
    ['a raw z-index', '.a { z-index: 20; }'],
  ])('%s', (_, rule) => {
    expect(problems(at, layered(at, rule))).toHaveLength(1)
  })

  it.each([
    ['tokens', '.a { color: var(--wechat-green); z-index: var(--z-popover); }'],
    ['keywords', '.a { color: currentColor; background: transparent; border-color: inherit; }'],
    ['a token named after a colour', '.a { color: var(--white-a80); }'],
    [
      'a colour in a comment or a url',
      '/* #fff */ .a { background: url("data:image/svg+xml,%23fff"); }',
    ],
  ])('lets %s through', (_, rule) => {
    expect(problems(at, layered(at, rule))).toEqual([])
  })

  it('wants the whole file in the layer of its folder', () => {
    expect(problems(at, '.a { color: var(--white); }')).toHaveLength(1)
    expect(problems(at, '@layer ui {\n.a { color: var(--white); }\n}')).toHaveLength(1)
    expect(problems(at, '@layer features {\n}\n.a { color: var(--white); }')).toHaveLength(1)
    expect(problems('src/ui/x.css', '@layer ui {\n.a { color: var(--white); }\n}')).toEqual([])
  })
})
