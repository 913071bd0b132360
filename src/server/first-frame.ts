// `/` paints before its JavaScript (issue 25). The build (first-frame-plugin.ts) renders the order page's frame (src/app/
// OrderFrame.tsx, through its own Node build of src/app/render-order-frame.tsx in `<dist>/ssr/`) into
// index.html, in zh-CN, and beside it index.en.html in English, each with the first chunk's styles inline
// (no stylesheet to wait for before the first paint), and app.html with no frame (every other path: a frame
// of the order page would be the wrong page there). The server picks one per request (`firstFrameFile`),
// or draws `/` with its cart (order-page.ts); the browser hydrates the frame (src/main.tsx).
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Catalog } from '../contract/catalog.ts'
import type { OrderSeed } from '../contract/order-seed.ts'

/** The languages a frame is drawn in: the app's (contract/order-seed.ts names them once). */
export type FrameLang = OrderSeed['lang']

/** What the Node build of src/app/render-order-frame.tsx exports. */
export interface FrameRenderer {
  loadFrameWords(): Promise<void>
  renderOrderFrame(lang: FrameLang, catalog?: Catalog): string
  frameTitle(lang: FrameLang): string
}

/** Where a build keeps its renderer: served to no one (main.ts answers 404 under it). */
export const SSR_DIR = 'ssr'
/** The renderer's source, and its file in the build. */
export const SSR_SOURCE = 'src/app/render-order-frame.tsx'
export const SSR_FILE = 'render-order-frame.js'

/** The build's renderer, or null for a build without one (an old dist/). */
export async function loadFrameRenderer(distRoot: string): Promise<FrameRenderer | null> {
  const file = resolve(distRoot, SSR_DIR, SSR_FILE)
  if (!existsSync(file)) return null
  const renderer = (await import(pathToFileURL(file).href)) as FrameRenderer
  await renderer.loadFrameWords()
  return renderer
}

/** The language the phone will speak as far as the server can tell: `?lang=`, else the browser's first. */
export function frameLang(search: string, acceptLanguage: string | undefined): FrameLang {
  const asked = new URLSearchParams(search).get('lang')
  if (asked === 'en' || asked === 'zh-CN') return asked
  // As settings.ts reads navigator.language.
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? ''
  return first === '' || first.startsWith('zh') || first === '*' ? 'zh-CN' : 'en'
}

/** Which page of the build a request for `pathname` gets: `/` framed in the phone's language, else bare. */
export function firstFrameFile(
  pathname: string,
  search: string,
  acceptLanguage: string | undefined,
) {
  if (pathname !== '/' && pathname !== '/index.html') return '/app.html'
  return frameLang(search, acceptLanguage) === 'en' ? '/index.en.html' : '/index.html'
}
