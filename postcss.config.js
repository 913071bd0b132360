// The build writes the design tokens' values where the stylesheets name them (docs/decisions/
// 009-style-tokens.md): `color: var(--wechat-green)` ships as `color: #07c160`, and src/ui/tokens.css
// ships as its layer order alone. The pixels are the same either way; the first paint's CSS stays the size
// it was before the tokens. The dev server keeps the custom properties, to read them in the inspector.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const TOKENS = fileURLToPath(new URL('./src/ui/tokens.css', import.meta.url))
const VAR = /var\(\s*(--[\w-]+)\s*\)/g

/** Every token of tokens.css, its value resolved (a token may be made of others). */
function readTokens() {
  const css = readFileSync(TOKENS, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '')
  const raw = new Map(
    [...css.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]),
  )
  const resolve = (value, seen = []) =>
    value.replace(VAR, (whole, name) => {
      if (!raw.has(name) || seen.includes(name)) return whole
      return resolve(raw.get(name), [...seen, name])
    })
  return new Map([...raw].map(([name, value]) => [name, resolve(value, [name])]))
}

/** @type {() => import('postcss').Plugin} */
function inlineTokens() {
  const tokens = readTokens()
  return {
    postcssPlugin: 'inline-tokens',
    Once(root) {
      if (root.source?.input.file !== TOKENS) return
      // Only the order of the layers is left: no stylesheet (nor any inline style) reads a token at run time.
      root.walkRules(':root', (rule) => {
        rule.remove()
      })
    },
    Declaration(decl) {
      if (!decl.value.includes('var(')) return
      decl.value = decl.value.replace(VAR, (whole, name) => tokens.get(name) ?? whole)
    },
  }
}
inlineTokens.postcss = true

export default (ctx) => ({
  plugins: ctx.env === 'production' ? [inlineTokens()] : [],
})
