import type { Catalog } from '@/contract/catalog.ts'
import { ORDER_SEED_ELEMENT_ID, type OrderSeed } from '@/contract/order-seed.ts'

/**
 * The cart `/`'s HTML was drawn with (contract/order-seed.ts), for the order page's first render only:
 * the next visit to the page asks the server again.
 *
 * Not checked with the contract's schema: that would put zod in the first chunk, and the seed is not an
 * input but part of the page the same server just sent (its catalog is the API's own answer, which the
 * server's tests hold to the schema). A seed of the wrong shape is dropped, and the page asks as usual.
 */
let seed: OrderSeed | null = null

/** Reads the seed out of the page (and removes its element); null when the page has none. */
export function readOrderSeed(doc: Document): OrderSeed | null {
  const element = doc.getElementById(ORDER_SEED_ELEMENT_ID)
  if (!element) return null
  element.remove()
  try {
    const value: unknown = JSON.parse(element.textContent ?? '')
    seed = looksLikeSeed(value) ? value : null
  } catch {
    seed = null
  }
  return seed
}

function looksLikeSeed(value: unknown): value is OrderSeed {
  if (typeof value !== 'object' || value === null) return false
  const { persona, era, lang, catalog } = value as Record<string, unknown>
  if (typeof persona !== 'string' || typeof era !== 'string' || typeof lang !== 'string')
    return false
  if (typeof catalog !== 'object' || catalog === null) return false
  const { cart, skus, shops, addresses } = catalog as Record<string, unknown>
  return [cart, skus, shops, addresses].every(Array.isArray)
}

/** The seeded catalog when it was asked for `persona` and is not spent yet. */
export function seededCatalog(persona: string): Catalog | undefined {
  return seed?.persona === persona ? seed.catalog : undefined
}

/** The seed served its first render (or does not fit this phone): from now on the page asks. */
export function spendOrderSeed(): void {
  seed = null
}
