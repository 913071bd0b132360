import type { Catalog } from './catalog.ts'
import type { Era, PersonaId } from './sim.ts'

/**
 * `/`'s HTML carries the order page drawn with its cart (issue 25: the page paints before its script, and
 * the largest thing on it is already there), and the cart it was drawn with, so the app hydrates the same
 * page instead of asking again. Written by the server (src/server/order-page.ts), read by the browser
 * (src/lib/order-seed.ts).
 */
export interface OrderSeed {
  /** Who the catalog was asked for, in the default world, with no app version given. */
  persona: PersonaId
  era: Era
  lang: 'zh-CN' | 'en'
  catalog: Catalog
}

/** The attribute of `#root` naming the language of the frame in it (the browser hydrates only its own). */
export const FIRST_FRAME_ATTR = 'data-first-frame'

/** The id of the `<script type="application/json">` element that carries the seed. */
export const ORDER_SEED_ELEMENT_ID = 'order-seed'

/** The seed as a script element's text: `<` escaped, so no string in the cart can close the element. */
export function orderSeedScript(seed: OrderSeed): string {
  const json = JSON.stringify(seed).replace(/</g, '\\u003c')
  return `<script type="application/json" id="${ORDER_SEED_ELEMENT_ID}">${json}</script>`
}
