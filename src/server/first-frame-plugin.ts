// The build's step for `/`'s first frame (first-frame.ts says what the pages are): the frame's renderer
// built for Node, then index.html framed in zh-CN, index.en.html and app.html. Only vite.config.ts imports
// this file: the server does not load Vite.
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { minifySync } from 'rolldown/utils'
import { build, type Plugin } from 'vite'
import {
  loadFrameRenderer,
  SSR_DIR,
  SSR_FILE,
  SSR_SOURCE,
  type FrameLang,
  type FrameRenderer,
} from './first-frame.ts'

const EMPTY_ROOT = '<div id="root"></div>'

/**
 * The framed pages' only script: it starts the app's once the frame has been painted (a frame after the
 * first), so the app's 99 KB arrive behind the page the HTML already is, not ahead of it (decision 016).
 * A classic deferred script: the CSP allows no inline script, and `currentScript` names the app's files.
 */
export const FRAME_LOADER = `(() => {
  const me = document.currentScript
  const app = me.dataset.app
  const preload = (me.dataset.preload || '').split(' ').filter(Boolean)
  const start = () => {
    for (const href of preload) {
      const link = document.createElement('link')
      link.rel = 'modulepreload'
      link.crossOrigin = ''
      link.href = href
      document.head.append(link)
    }
    const script = document.createElement('script')
    script.type = 'module'
    script.crossOrigin = ''
    script.src = app
    document.head.append(script)
  }
  let started = false
  const once = () => {
    if (started) return
    started = true
    start()
  }
  // A hidden tab or frame paints nothing (and runs no animation frame): it starts at once. A frame that
  // never comes (a throttled frame off screen) does not hold the app back for more than a second.
  if (document.visibilityState === 'hidden') once()
  else {
    requestAnimationFrame(() => setTimeout(once, 0))
    setTimeout(once, 1000)
  }
})()
`
let shipped: { code: string; path: string } | undefined
/**
 * The loader as the build ships it, minified by Vite's own bundler (it counts in `/`'s first bytes), and
 * its file under /assets by its content's hash (cached for good). Made once.
 */
function shippedLoader(): { code: string; path: string } {
  if (!shipped) {
    const code = minifySync('frame-loader.js', FRAME_LOADER).code
    const hash = createHash('sha256').update(code).digest('hex').slice(0, 10)
    shipped = { code, path: `/assets/frame-loader-${hash}.js` }
  }
  return shipped
}
export const frameLoaderCode = () => shippedLoader().code
export const frameLoaderPath = () => shippedLoader().path

/** Vite's entry script and module preloads, replaced by the loader that starts them after the paint. */
function loadAfterPaint(html: string): string {
  const entry = /<script type="module" crossorigin src="([^"]+)"><\/script>/.exec(html)
  if (!entry) return html
  const preloads: string[] = []
  const without = html
    .replace(/\s*<link rel="modulepreload" crossorigin href="([^"]+)">/g, (_, href: string) => {
      preloads.push(href)
      return ''
    })
    .replace(
      entry[0],
      `<script defer src="${frameLoaderPath()}" data-app="${entry[1]}" data-preload="${preloads.join(' ')}"></script>`,
    )
  return without
}

/**
 * The three pages of a build, from Vite's index.html (which has an empty #root); `css` is the text of the
 * stylesheets it links, by their href, inlined in the framed pages.
 */
export function framedPages(
  indexHtml: string,
  renderer: FrameRenderer,
  css: ReadonlyMap<string, string> = new Map(),
): { zh: string; en: string; bare: string } {
  if (!indexHtml.includes(EMPTY_ROOT)) throw new Error(`index.html has no ${EMPTY_ROOT}`)
  const inlined = indexHtml.replace(
    /<link rel="stylesheet"[^>]*href="([^"]+)"[^>]*>/g,
    (link, href) => {
      const text = css.get(String(href))
      return text === undefined ? link : `<style>${text}</style>`
    },
  )
  const late = loadAfterPaint(inlined)
  const page = (lang: FrameLang) =>
    late
      .replace(EMPTY_ROOT, renderer.renderOrderFrame(lang))
      .replace('<html lang="zh-CN">', `<html lang="${lang}">`)
      .replace(/<title>[^<]*<\/title>/, `<title>${renderer.frameTitle(lang)}</title>`)
  return { zh: page('zh-CN'), en: page('en'), bare: indexHtml }
}

/** The stylesheets index.html links, read from the build. */
function linkedCss(indexHtml: string, outDir: string): Map<string, string> {
  const css = new Map<string, string>()
  for (const [, href] of indexHtml.matchAll(
    /<link rel="stylesheet"[^>]*href="(\/assets\/[^"]+\.css)"/g,
  )) {
    if (href) css.set(href, readFileSync(join(outDir, href), 'utf8'))
  }
  return css
}

/** The Vite build's step: the renderer built for Node, index.html framed in zh-CN, index.en.html, app.html. */
export function firstFramePlugin(): Plugin {
  let outDir = 'dist'
  let root = process.cwd()
  let alias: unknown = []
  return {
    name: 'tbsim-first-frame',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir)
      root = config.root
      alias = config.resolve.alias
    },
    async writeBundle() {
      await build({
        configFile: false,
        root,
        logLevel: 'warn',
        resolve: { alias: alias as never },
        // Everything in the file: a build may be served from outside the repo (DIST_DIR), away from
        // node_modules.
        ssr: { noExternal: true },
        // React's production build (the bundled package reads NODE_ENV when it loads).
        define: { 'process.env.NODE_ENV': JSON.stringify('production') },
        build: {
          ssr: SSR_SOURCE,
          outDir: join(outDir, SSR_DIR),
          emptyOutDir: true,
          copyPublicDir: false,
          target: 'node20',
          rolldownOptions: { output: { entryFileNames: SSR_FILE } },
        },
      })
      const renderer = await loadFrameRenderer(outDir)
      if (!renderer) throw new Error(`the first frame's renderer was not built in ${outDir}`)
      const file = join(outDir, 'index.html')
      const indexHtml = readFileSync(file, 'utf8')
      const pages = framedPages(indexHtml, renderer, linkedCss(indexHtml, outDir))
      writeFileSync(join(outDir, frameLoaderPath()), frameLoaderCode())
      writeFileSync(join(outDir, 'app.html'), pages.bare)
      writeFileSync(join(outDir, 'index.en.html'), pages.en)
      writeFileSync(file, pages.zh)
    },
  }
}
