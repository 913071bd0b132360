// The server's renderer of `/`'s first frame (issue 25), built on its own for Node by the first-frame
// plugin (src/server/first-frame.ts) into `<dist>/ssr/`: at build time for the frames without a cart
// (index.html, index.en.html), and per request for the order page drawn with its cart
// (src/server/order-page.ts). The browser hydrates what it renders (src/main.tsx, FirstFrameApp.tsx).
import { renderToString } from 'react-dom/server'
import type { Catalog } from '@/contract/catalog.ts'
import { FIRST_FRAME_ATTR } from '@/contract/order-seed.ts'
import { loadLanguage, translate } from '@/lib/i18n/i18n.ts'
import type { Lang } from '@/lib/settings.ts'
import { OrderFrame } from './OrderFrame.tsx'

/** Every language's words loaded (the browser loads English on demand; the server needs them all). */
export async function loadFrameWords(): Promise<void> {
  await loadLanguage('en')
}

/** `#root` with the order page's frame in it, marked with its language. */
export function renderOrderFrame(lang: Lang, catalog?: Catalog): string {
  const html = renderToString(<OrderFrame lang={lang} catalog={catalog} />)
  return `<div id="root" ${FIRST_FRAME_ATTR}="${lang}">${html}</div>`
}

/** The tab's title in `lang`. */
export function frameTitle(lang: Lang): string {
  return translate(lang, 'common.docTitle')
}
