// `/` paints before its JavaScript (issue 25): the build renders the order page's frame (src/ui/first-frame.ts)
// into index.html, in zh-CN, and beside it index.en.html in English and app.html with no frame (every
// other path: a frame of the order page would be the wrong page there). The server picks one per request
// (`firstFrameFile`); the browser hydrates the frame (src/main.tsx).
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createElement } from 'react'
import { renderToString } from 'react-dom/server'
import type { Plugin } from 'vite'
import { en } from '../lib/i18n/en.ts'
import { zhCN } from '../lib/i18n/zh-CN.ts'
import { Dictionaries } from '../lib/i18n/dictionaries.ts'
import { FirstFrame, firstFrameWords } from '../ui/first-frame.ts'

type Lang = 'zh-CN' | 'en'
const EMPTY_ROOT = '<div id="root"></div>'
export const FRAME_LANG_ATTR = 'data-first-frame'

const dictionaries = new Dictionaries(zhCN)
dictionaries.add('en', en)

/** `#root` with the frame in it, marked with its language (the browser hydrates only a frame in its own). */
export function framedRoot(lang: Lang): string {
  const html = renderToString(
    createElement(FirstFrame, {
      words: firstFrameWords((key) => dictionaries.translate(lang, key)),
    }),
  )
  return `<div id="root" ${FRAME_LANG_ATTR}="${lang}">${html}</div>`
}

/** The three pages of a build, from Vite's index.html (which has an empty #root). */
export function framedPages(indexHtml: string): { zh: string; en: string; bare: string } {
  if (!indexHtml.includes(EMPTY_ROOT)) throw new Error(`index.html has no ${EMPTY_ROOT}`)
  const title = (lang: Lang) => dictionaries.translate(lang, 'common.docTitle')
  const page = (lang: Lang) =>
    indexHtml
      .replace(EMPTY_ROOT, framedRoot(lang))
      .replace('<html lang="zh-CN">', `<html lang="${lang}">`)
      .replace(/<title>[^<]*<\/title>/, `<title>${title(lang)}</title>`)
  return { zh: page('zh-CN'), en: page('en'), bare: indexHtml }
}

/** The Vite build's step: index.html framed in zh-CN, index.en.html, app.html. */
export function firstFramePlugin(): Plugin {
  let outDir = 'dist'
  return {
    name: 'tbsim-first-frame',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir
    },
    writeBundle() {
      const file = join(outDir, 'index.html')
      const pages = framedPages(readFileSync(file, 'utf8'))
      writeFileSync(join(outDir, 'app.html'), pages.bare)
      writeFileSync(join(outDir, 'index.en.html'), pages.en)
      writeFileSync(file, pages.zh)
    },
  }
}

/**
 * Which page of the build a request for `pathname` gets: `/` is framed in the language the phone will
 * speak as far as the server can tell (`?lang=`, else the browser's first language, as settings.ts reads
 * navigator.language); every other path gets the page without a frame.
 */
export function firstFrameFile(
  pathname: string,
  search: string,
  acceptLanguage: string | undefined,
) {
  if (pathname !== '/' && pathname !== '/index.html') return '/app.html'
  const asked = new URLSearchParams(search).get('lang')
  if (asked === 'en') return '/index.en.html'
  if (asked === 'zh-CN') return '/index.html'
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? ''
  return first === '' || first.startsWith('zh') || first === '*' ? '/index.html' : '/index.en.html'
}
